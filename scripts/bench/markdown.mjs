// The Markdown the benchmark writes (results file and README section): one table per topic, then the targets.
import { GROUPS } from './bytes.mjs';
import { ratio, FIRST_PIXELS_VS_FLOOR, JS_VS_FLOOR, SW_VS_NONE, WITHIN_FLOOR } from './report.mjs';
import { MAP_SHARE, MIN_SETTLED, PIXEL_TOLERANCE } from './screenshots.mjs';

const ms = (v) => (v == null ? '–' : `${Math.round(v).toLocaleString('en-GB')} ms`);
const kb = (v) => (v == null ? '–' : `${(v / 1024).toFixed(1)} KB`);
const x = (v) => (v == null ? '–' : `${v.toFixed(2)}×`);
const n = (v) => (v == null ? '–' : String(Math.round(v)));
const pass = (ok) => (ok == null ? '' : ok ? ' ✅' : ' ❌');
const within = (v, limit = WITHIN_FLOOR) => pass(v != null ? v <= limit : null);

function firstPixels(r) {
  const fv = r.firstView;
  const lines = [
    '**First map pixels**, from navigation start. "On screen": the first of Chromium\'s trace screenshots ' +
      `(\`disabled-by-default-devtools.screenshot\`) in which at least ${MAP_SHARE * 100}% of the map's pixels show the map: ` +
      `pixels of the map box that differ by more than ${PIXEL_TOLERANCE} (|ΔR|+|ΔG|+|ΔB|) from both white and the map's empty ` +
      'background, counted where the map shows once the page has settled (the story: its still image of the first ' +
      `scene; the floor: the MapLibre canvas drawn; a box with under ${MIN_SETTLED * 100}% map pixels once settled has none). ` +
      '"Frame requested": the page\'s own `map-first-pixels` mark, in ' +
      'the animation frame that asks for that paint, not when it reaches the screen.',
    '',
    '| | story | floor | story / floor |',
    '|---|---:|---:|---:|',
  ];
  for (const p of ['desktop', 'mobile']) {
    lines.push(
      `| on screen, ${p} | ${ms(fv.story[p].onScreen)} | ${ms(fv.floor[p].onScreen)} | ${x(r.ratios.firstPixels[p])}${within(r.ratios.firstPixels[p], FIRST_PIXELS_VS_FLOOR)} |`,
    );
    lines.push(
      `| frame requested (page's mark, not on screen), ${p} | ${ms(fv.story[p].requested)} | ${ms(fv.floor[p].requested)} | ${x(r.ratios.firstPixelsRequested[p])} |`,
    );
  }
  for (const p of ['desktop', 'mobile'])
    lines.push(`| first contentful paint, ${p} | ${ms(fv.story[p].fcp)} | ${ms(fv.floor[p].fcp)} | ${x(ratio(fv.story[p].fcp, fv.floor[p].fcp))} |`);
  lines.push(
    `| JS transferred before the first map pixels on screen, desktop | ${kb(fv.story.desktop.jsBytes)} | ${kb(fv.floor.desktop.jsBytes)} | ${x(r.ratios.jsBytes)} |`,
  );
  return lines;
}

function gesture(r) {
  const lines = [
    "**Live map complete after the reader's first gesture.** The story, cold: at its `load` event, one turn of the " +
      'mouse wheel (100 px); then its `live-map-first-frame` mark, set when MapLibre is idle with the first scene applied ' +
      "and the live map takes the still image's place. The floor: its first MapLibre `idle` (`map-idle`), no gesture " +
      'needed. Both from navigation start.',
    '',
    '| | story: gesture received | story: live map complete | floor: first idle | story / floor |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const p of ['desktop', 'mobile']) {
    const g = r.gesture[p];
    lines.push(
      `| ${p} | ${ms(g.gesture)} | ${ms(g.complete)} | ${ms(r.firstView.floor[p].idle)} | ${x(r.ratios.liveComplete[p])}${within(r.ratios.liveComplete[p])} |`,
    );
  }
  return lines;
}

const GROUP_NAMES = { html: 'HTML', js: 'JavaScript', css: 'CSS', fonts: 'fonts', data: 'data (JSON, GeoJSON)', images: 'images (SVG, PNG)', other: 'other' };

function bytes(r) {
  const b = r.bytes;
  if (!b) return ['**Bytes for a full read**: not measured (`--no-bytes`).'];
  const cols = [b.en.block, b.en.allow, b.ar.block, b.ar.allow, b.floor];
  const lines = [
    '**Bytes for a full read**, desktop, cold: every response the server sent from the navigation on, while the page ' +
      'is read to its foot (the wheel takes it to each step in turn, each scene finishing; the live map starts at the ' +
      'first turn), until neither the server has sent nor the page has loaded anything for 15 s; with the service worker allowed, also until it is activated ' +
      "(its install, the precache downloads, finished). Counted by the server, so the page, MapLibre's worker and " +
      'the service worker are all in: gzip-encoded bodies, response headers not counted; KB = 1,024 bytes. The floor: ' +
      "its page until its map's first `idle`.",
    '',
    '| | English, SW blocked | English, SW allowed | Arabic, SW blocked | Arabic, SW allowed | floor |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const g of GROUPS) lines.push(`| ${GROUP_NAMES[g]} | ${cols.map((c) => kb(c.groups[g].bytes)).join(' | ')} |`);
  lines.push(`| **total** | ${cols.map((c) => `**${kb(c.total)}**`).join(' | ')} |`);
  lines.push(`| requests (of which 304) | ${cols.map((c) => `${c.requests} (${c.notModified})`).join(' | ')} |`);
  const sw = r.ratios.serviceWorker;
  const js = r.ratios.fullReadJs;
  lines.push(`| SW allowed / blocked | | ${x(sw.en)}${within(sw.en, SW_VS_NONE)} | | ${x(sw.ar)}${within(sw.ar, SW_VS_NONE)} | |`);
  lines.push(`| JavaScript / the floor's | ${x(js.en)}${within(js.en, JS_VS_FLOOR)} | | ${x(js.ar)}${within(js.ar, JS_VS_FLOOR)} | | |`);
  return lines;
}

function scroll(r) {
  const lines = ['**Scrolling**, desktop, the wheel over the map through every step (the floor flies through the same cameras).', ''];
  lines.push('| | story | floor | story / floor |', '|---|---:|---:|---:|');
  const modes = { gpu: 'page composited on the GPU path', software: 'page composited in software' };
  for (const [mode, label] of Object.entries(modes)) {
    const s = r.scroll[mode];
    lines.push(
      `| long tasks while scrolling all ${s.story.steps} steps, ${label}: median count / over 50 ms / longest; runs with any over 50 ms; longest of any run | ${n(s.story.count)} / ${n(s.story.over50)} / ${ms(s.story.max)}; ${s.story.runsOver50} of ${s.story.runs}; ${ms(s.story.worstMax)} | ${n(s.floor.count)} / ${n(s.floor.over50)} / ${ms(s.floor.max)}; ${s.floor.runsOver50} of ${s.floor.runs}; ${ms(s.floor.worstMax)} | ${x(ratio(s.story.total, s.floor.total))} (blocking total) |`,
    );
  }
  lines.push(
    '',
    "Scrolling is measured in two Chromium set-ups, both drawing WebGL with SwiftShader: as this machine starts it, compositing the page in software, so that each frame of any WebGL map is read back on the page's main thread; and compositing on the GPU path (`--use-angle=swiftshader`), as a browser with a graphics card does, so that what stays on the main thread is the page's own work.",
  );
  return lines;
}

function lighthouse(r) {
  if (!r.lighthouse) return ['**Lighthouse**: not run (`--no-lighthouse`).'];
  const lines = [
    `**Lighthouse ${r.machine.lighthouse}.** "Default flags": \`lighthouse URL --only-categories=performance\`, its mobile ` +
      'defaults, nothing blocked (only the Chromium flags that let headless Chromium run here). "Bench settings": all four ' +
      'categories and the service worker blocked (`--blocked-url-patterns=*/sw.js`), mobile and `--preset=desktop`.',
    '',
    '| settings, profile | page | performance, every run | lowest | median | accessibility / best practices / SEO | FCP / LCP / TBT / CLS (median) |',
    '|---|---|---|---:|---:|---|---|',
  ];
  const row = (label, page, s) => {
    if (!s) return;
    const m = s.median;
    const cats = m.accessibility == null ? '–' : `${n(m.accessibility)} / ${n(m['best-practices'])} / ${n(m.seo)}`;
    lines.push(
      `| ${label} | ${page} | ${s.runs.map((v) => v.performance).join(', ')} | ${s.minPerformance} | ${n(m.performance)} | ${cats} | ${ms(m.fcp)} / ${ms(m.lcp)} / ${ms(m.tbt)} / ${m.cls?.toFixed(3) ?? '–'} |`,
    );
  };
  for (const page of ['story', 'floor']) row('default flags, mobile', page, r.lighthouse.defaults[page]?.mobile);
  for (const p of ['mobile', 'desktop']) for (const page of ['story', 'floor']) row(`bench settings, ${p}`, page, r.lighthouse.bench[page][p]);
  const failing = r.lighthouse.bench.story.mobile?.failing ?? [];
  if (failing.length) lines.push('', `Lighthouse audits not passed by the story (mobile, bench settings): ${failing.join(', ')}.`);
  return lines;
}

export function markdown(r) {
  const lines = [
    `Measured ${r.date} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, ${r.machine.os}; ` +
      `Chromium ${r.machine.chromium} (software WebGL), Node ${r.machine.node}, Lighthouse ${r.machine.lighthouse}; ` +
      `load average ${r.machine.loadBefore} before, ${r.machine.loadAfter} after. ` +
      `Medians of ${r.runs} cold loads per page and profile (served gzip-encoded, service workers blocked unless said); ` +
      `"desktop" is 1280×800; "mobile" is Lighthouse's phone: 412×823 @1.75, slow 4G (562.5 ms, 1.47 Mbit/s), CPU 4× slower.`,
    '',
    ...firstPixels(r),
    '',
    ...gesture(r),
    '',
    ...bytes(r),
    '',
    ...scroll(r),
    '',
    ...lighthouse(r),
    '',
    'Targets:',
    '',
  ];
  for (const c of r.targets) lines.push(`- ${c.ok == null ? '–' : c.ok ? '✅' : '❌'} ${c.name}${c.ok == null ? ' (not measured in this run)' : ''}`);
  return lines.join('\n');
}
