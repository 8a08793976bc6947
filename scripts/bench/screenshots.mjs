// First map pixels on screen, from Chromium's own trace screenshots (the frames the compositor put on screen, as in
// Lighthouse's filmstrip), decoded with jpeg-js (a pure-JS decoder that Lighthouse already brings).
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { ROOT } from './build.mjs';

/** Screenshots of every frame, plus the user-timing events (`navigationStart`, the clock's zero). */
const CATEGORIES = ['disabled-by-default-devtools.screenshot', 'blink.user_timing'];

/** A pixel is a map pixel when it is this far (|ΔR| + |ΔG| + |ΔB|) from both blank colours below. */
export const PIXEL_TOLERANCE = 12;
/** A frame shows the map when at least this share of the map's pixels (see `firstMapFrame`) are map pixels in it. */
export const MAP_SHARE = 0.5;
/** Below this share of the box in map pixels once settled, the page drew no map: no first map pixels are reported. */
export const MIN_SETTLED = 0.25;

/**
 * The two colours of a map box with no map in it: white (the page before its styles) and the map's empty background
 * (theme.background, the colour of the story's map area and of the floor page), read from src/map/theme.ts.
 */
export const BLANK = (() => {
  const m = /background: '#([0-9a-f]{6})'/i.exec(fs.readFileSync(path.join(ROOT, 'src/map/theme.ts'), 'utf8'));
  if (!m) throw new Error('bench: theme.background not found in src/map/theme.ts');
  const hex = m[1];
  return [[255, 255, 255], [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))];
})();

/** Starts a trace with screenshots; call before the navigation. */
export async function startTrace(cdp) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
}

/** Ends the trace and returns its events. */
export async function stopTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  const chunks = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream });
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(chunks.join(''));
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

/** The trace time (µs) of the main frame's navigation to `url` (compared without its fragment). */
export function navigationStart(events, url) {
  const bare = (u) => u.split('#')[0];
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && bare(e.args.data.documentLoaderURL ?? '') === bare(url));
  if (!nav) throw new Error(`bench: no navigationStart for ${url} in the trace`);
  return nav.ts;
}

/** Which pixels of the box (CSS px, in a viewport `viewportWidth` wide) are map pixels in one JPEG screenshot. */
export function mapPixels(jpegData, box, viewportWidth) {
  const img = jpeg.decode(jpegData, { useTArray: true, formatAsRGBA: true });
  const s = img.width / viewportWidth;
  const x0 = Math.max(0, Math.ceil(box.x * s));
  const x1 = Math.min(img.width, Math.floor((box.x + box.width) * s));
  const y0 = Math.max(0, Math.ceil(box.y * s));
  const y1 = Math.min(img.height, Math.floor((box.y + box.height) * s));
  const out = new Uint8Array(Math.max(0, x1 - x0) * Math.max(0, y1 - y0));
  let k = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++, k++) {
      const i = (y * img.width + x) * 4;
      const far = (c) => Math.abs(img.data[i] - c[0]) + Math.abs(img.data[i + 1] - c[1]) + Math.abs(img.data[i + 2] - c[2]) > PIXEL_TOLERANCE;
      out[k] = BLANK.every(far) ? 1 : 0;
    }
  }
  return out;
}

const count = (bits) => bits.reduce((a, b) => a + b, 0);

/**
 * The first screenshot after navigation in which the map box shows the map, and its time in ms from navigation start
 * (the screenshot event's own timestamp, as Lighthouse's filmstrip uses). The map's place is taken from the last
 * screenshot, once the page has settled: the box's map pixels there (what covers the map, such as the story's text
 * cards on a phone, is left out). A frame shows the map when at least MAP_SHARE of those pixels are map pixels in it.
 * A page whose box is under MIN_SETTLED map pixels once settled drew no map: it has no first map pixels (null).
 */
export function firstMapFrame(events, { url, box, viewportWidth }) {
  const nav = navigationStart(events, url);
  const shots = events.filter((e) => e.name === 'Screenshot' && e.args?.snapshot && e.ts >= nav).sort((a, b) => a.ts - b.ts);
  const bits = shots.map((shot) => mapPixels(Buffer.from(shot.args.snapshot, 'base64'), box, viewportWidth));
  const mask = bits.at(-1) ?? new Uint8Array(0);
  const inMask = count(mask);
  const frames = shots.map((shot, i) => {
    const share = inMask ? count(bits[i].map((b, k) => b & mask[k])) / inMask : 0;
    return { at: (shot.ts - nav) / 1000, share };
  });
  const settledShare = mask.length ? inMask / mask.length : 0;
  const found = settledShare >= MIN_SETTLED ? (frames.find((f) => f.share >= MAP_SHARE) ?? null) : null;
  const round = (v, d) => Math.round(v * d) / d;
  return {
    onScreen: found?.at ?? null,
    share: found?.share ?? null,
    // The share of the box that shows the map once settled.
    settledShare,
    screenshots: shots.length,
    frames: frames.map((f) => ({ at: round(f.at, 10), share: round(f.share, 1000) })),
  };
}
