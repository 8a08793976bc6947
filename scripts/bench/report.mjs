// Summaries, ratios, the targets, and the README section the benchmark writes (the Markdown is in markdown.mjs).
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

/** The Lighthouse fields kept for every run. */
const LH_FIELDS = ['performance', 'accessibility', 'best-practices', 'seo', 'fcp', 'lcp', 'tbt', 'cls', 'si'];

/** Every Lighthouse run of one page and profile, their medians, the lowest performance score and the failed audits. */
export function lighthouseSummary(results) {
  const runs = results.map((r) => Object.fromEntries(LH_FIELDS.filter((k) => k in r).map((k) => [k, r[k]])));
  return {
    runs,
    median: medians(runs),
    minPerformance: Math.min(...runs.map((r) => r.performance)),
    failing: [...new Set(results.flatMap((r) => r.failing ?? []))],
  };
}

/** Targets: full read, in KB of 1,024 bytes, gzip-encoded bodies, service workers blocked. */
export const FULL_READ_KB = { en: 383, ar: 421 };
export const JS_VS_FLOOR = 0.75;
export const SW_VS_NONE = 1.1;
export const WITHIN_FLOOR = 1.1;
/** First map pixels on screen: at most half the floor's time. */
export const FIRST_PIXELS_VS_FLOOR = 0.5;
export const LH_DEFAULT_MIN = 95;
export const LH_DEFAULT_RUNS = 5;

const LANG_NAMES = { en: 'English', ar: 'Arabic' };

/** The targets, checked: { name, ok } with ok null when the figure was not measured in this run. */
export function checkTargets(r) {
  const within = (v, limit) => (v == null ? null : v <= limit);
  // Always measured: a figure missing here (no screenshot ever showed the map, say) fails.
  const measured = (v, limit) => v != null && v <= limit;
  const checks = [];
  for (const p of ['desktop', 'mobile']) {
    checks.push({
      name: `first map pixels on screen ≤ ${FIRST_PIXELS_VS_FLOOR.toFixed(2)}× the floor (${p})`,
      ok: measured(r.ratios.firstPixels[p], FIRST_PIXELS_VS_FLOOR),
    });
  }
  for (const p of ['desktop', 'mobile']) {
    checks.push({
      name: `live map complete after the reader's first gesture ≤ ${WITHIN_FLOOR.toFixed(2)}× the floor's first idle (${p})`,
      ok: measured(r.ratios.liveComplete[p], WITHIN_FLOOR),
    });
  }
  const b = r.bytes;
  for (const lang of ['en', 'ar']) {
    checks.push({
      name: `full read ≤ ${FULL_READ_KB[lang]} KB, ${LANG_NAMES[lang]} (service worker blocked)`,
      ok: b ? b[lang].block.total / 1024 <= FULL_READ_KB[lang] : null,
    });
  }
  checks.push({
    name: `JavaScript of a full read ≤ ${JS_VS_FLOOR}× the floor's JavaScript (English and Arabic, service worker blocked)`,
    ok: b ? Math.max(r.ratios.fullReadJs.en, r.ratios.fullReadJs.ar) <= JS_VS_FLOOR : null,
  });
  for (const lang of ['en', 'ar']) {
    checks.push({
      name: `first visit with the service worker ≤ ${SW_VS_NONE.toFixed(2)}× the same visit without it, ${LANG_NAMES[lang]}`,
      ok: b ? within(r.ratios.serviceWorker[lang], SW_VS_NONE) : null,
    });
  }
  checks.push({ name: 'no long task over 50 ms while scrolling, median run (desktop, page composited on the GPU path)', ok: r.scroll.gpu.story.over50 === 0 });
  checks.push({ name: 'no long task over 50 ms while scrolling, median run (desktop, page composited in software)', ok: r.scroll.software.story.over50 === 0 });
  const def = r.lighthouse?.defaults?.story?.mobile;
  const n = def?.runs.length ?? 0;
  checks.push({
    name:
      `Lighthouse with default flags, mobile performance ≥ ${LH_DEFAULT_MIN} in every run of ${LH_DEFAULT_RUNS}` +
      (def && n !== LH_DEFAULT_RUNS ? ` (this bench ran ${n})` : ''),
    ok: def ? def.minPerformance >= LH_DEFAULT_MIN : null,
  });
  const mobile = r.lighthouse?.bench?.story?.mobile?.median;
  checks.push({ name: "Lighthouse mobile performance ≥ 90, median (the bench's settings)", ok: mobile ? mobile.performance >= 90 : null });
  for (const c of ['accessibility', 'best-practices', 'seo']) {
    checks.push({ name: `Lighthouse mobile ${c} = 100, median (the bench's settings)`, ok: mobile ? mobile[c] === 100 : null });
  }
  return checks;
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
