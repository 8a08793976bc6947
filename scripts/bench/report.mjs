// Summaries, ratios, targets and the Markdown the benchmark writes (results file and README section).
import fs from 'node:fs';

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median of every numeric field across runs. */
export function medians(runs) {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((k) => runs.some((r) => typeof r[k] === 'number'));
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

const ms = (v) => (v == null ? '–' : `${Math.round(v).toLocaleString('en-GB')} ms`);
const kb = (v) => (v == null ? '–' : `${(v / 1024).toFixed(0)} KB`);
const x = (v) => (v == null ? '–' : `${v.toFixed(2)}×`);
const n = (v) => (v == null ? '–' : String(Math.round(v)));
const pass = (ok) => (ok == null ? '' : ok ? ' ✅' : ' ❌');

/** The targets from the issue, checked against the medians. */
export function checkTargets(r) {
  const mobile = r.lighthouse?.story?.mobile;
  const checks = [
    { name: 'first map pixels ≤ 1.10× the floor (desktop)', ok: r.ratios.firstPixels.desktop != null && r.ratios.firstPixels.desktop <= 1.1 },
    { name: 'first map pixels ≤ 1.10× the floor (mobile)', ok: r.ratios.firstPixels.mobile != null && r.ratios.firstPixels.mobile <= 1.1 },
    { name: 'no long task over 50 ms while scrolling, median run (desktop, page composited on the GPU path)', ok: r.scroll.gpu.story.over50 === 0 },
    { name: 'no long task over 50 ms while scrolling, median run (desktop, page composited in software)', ok: r.scroll.software.story.over50 === 0 },
  ];
  if (mobile) {
    checks.push({ name: 'Lighthouse mobile performance ≥ 90', ok: mobile.performance >= 90 });
    for (const c of ['accessibility', 'best-practices', 'seo']) checks.push({ name: `Lighthouse mobile ${c} = 100`, ok: mobile[c] === 100 });
  }
  return checks;
}

export function markdown(r) {
  const fv = r.firstView;
  const lines = [
    `Measured ${r.date} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, ${r.machine.os}; ` +
      `Chromium ${r.machine.chromium} (software WebGL), Node ${r.machine.node}, Lighthouse ${r.machine.lighthouse}; ` +
      `load average ${r.machine.loadBefore} before, ${r.machine.loadAfter} after. ` +
      `Medians of ${r.runs} cold loads per page and profile (gzip, service workers blocked); ` +
      `"mobile" is Lighthouse's phone: 412×823 @1.75, slow 4G, CPU 4× slower.`,
    '',
    '| | story | floor | story / floor |',
    '|---|---:|---:|---:|',
  ];
  const within = (v) => pass(v != null ? v <= 1.1 : null);
  for (const p of ['desktop', 'mobile']) {
    lines.push(
      `| first map pixels, ${p} (story: still image of the first scene) | ${ms(fv.story[p].firstPixels)} | ${ms(fv.floor[p].firstPixels)} | ${x(r.ratios.firstPixels[p])}${within(r.ratios.firstPixels[p])} |`,
    );
  }
  for (const p of ['desktop', 'mobile']) {
    lines.push(
      `| live map's first frame, ${p}, reader moving from the start | ${ms(fv.live[p].firstPixels)} | ${ms(fv.floor[p].firstPixels)} | ${x(r.ratios.liveFirstFrame[p])} (the still image is on screen meanwhile) |`,
    );
  }
  for (const p of ['desktop', 'mobile'])
    lines.push(`| first contentful paint, ${p} | ${ms(fv.story[p].fcp)} | ${ms(fv.floor[p].fcp)} | ${x(ratio(fv.story[p].fcp, fv.floor[p].fcp))} |`);
  lines.push(`| JS transferred before first map pixels | ${kb(fv.story.desktop.jsBytes)} | ${kb(fv.floor.desktop.jsBytes)} | ${x(r.ratios.jsBytes)} |`);
  const modes = { gpu: 'page composited on the GPU path', software: 'page composited in software' };
  for (const [mode, label] of Object.entries(modes)) {
    const s = r.scroll[mode];
    lines.push(
      `| long tasks while scrolling all ${s.story.steps} steps, desktop, ${label}: median count / over 50 ms / longest; runs with any over 50 ms; longest of any run | ${n(s.story.count)} / ${n(s.story.over50)} / ${ms(s.story.max)}; ${s.story.runsOver50} of ${s.story.runs}; ${ms(s.story.worstMax)} | ${n(s.floor.count)} / ${n(s.floor.over50)} / ${ms(s.floor.max)}; ${s.floor.runsOver50} of ${s.floor.runs}; ${ms(s.floor.worstMax)} (same camera moves) | ${x(ratio(s.story.total, s.floor.total))} (blocking total) |`,
    );
  }
  if (r.lighthouse) {
    for (const p of ['mobile', 'desktop']) {
      const st = r.lighthouse.story[p];
      const fl = r.lighthouse.floor[p];
      const cell = (v) => `${n(v.performance)} / ${n(v.accessibility)} / ${n(v['best-practices'])} / ${n(v.seo)}`;
      lines.push(
        `| Lighthouse ${p}: performance / accessibility / best practices / SEO | ${cell(st)} | ${cell(fl)} | ${x(ratio(st.performance, fl.performance))} |`,
      );
      lines.push(
        `| Lighthouse ${p}: FCP / LCP / TBT / CLS | ${ms(st.fcp)} / ${ms(st.lcp)} / ${ms(st.tbt)} / ${st.cls?.toFixed(3)} | ${ms(fl.fcp)} / ${ms(fl.lcp)} / ${ms(fl.tbt)} / ${fl.cls?.toFixed(3)} | |`,
      );
    }
  }
  lines.push(
    '',
    "Scrolling is measured in two Chromium set-ups, both drawing WebGL with SwiftShader: as this machine starts it, compositing the page in software, so that each frame of any WebGL map is read back on the page's main thread; and compositing on the GPU path (`--use-angle=swiftshader`), as a browser with a graphics card does, so that what stays on the main thread is the page's own work.",
  );
  lines.push('', 'Targets:', '');
  for (const c of r.targets) lines.push(`- ${c.ok ? '✅' : '❌'} ${c.name}`);
  if (r.lighthouse?.story?.mobile?.failing?.length)
    lines.push('', `Lighthouse audits not passed by the story (mobile): ${r.lighthouse.story.mobile.failing.join(', ')}.`);
  return lines.join('\n');
}

/** Replaces the text between the README's bench markers with the latest figures. */
export function updateReadme(file, md) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  fs.writeFileSync(file, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
  return true;
}
