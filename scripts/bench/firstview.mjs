// The first view of each page, cold (a new browser context, service workers blocked), in one profile:
// first map pixels on screen from trace screenshots, and the live map complete after the reader's first gesture.
/* global performance, innerWidth, innerHeight */
import { PROFILES, openPage } from './measure.mjs';
import { startTrace, stopTrace, firstMapFrame } from './screenshots.mjs';

const TIMEOUT = 180_000;

const waitForMark = (page, mark) => page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: TIMEOUT, polling: 50 });

/** The map's box in CSS px, cut to the viewport: the story's <live-map>, or the floor's #map. */
function mapBox() {
  const el = document.querySelector('map-story')?.shadowRoot?.querySelector('live-map') ?? document.getElementById('map');
  if (!el) throw new Error('no map on the page');
  const r = el.getBoundingClientRect();
  const x = Math.max(0, r.left);
  const y = Math.max(0, r.top);
  return { x, y, width: Math.min(innerWidth, r.right) - x, height: Math.min(innerHeight, r.bottom) - y };
}

/**
 * One traced cold load, the reader still. `mark` is the page's own mark for its first map frame ('map-first-pixels':
 * the story's still image, the floor's first frame with the countries loaded); with `idleMark` (the floor's
 * 'map-idle', its first MapLibre `idle`) the load is followed to that mark too.
 * `served` is the server's log ({ at, pathname, status, bytes }): JS bytes count what it sent before the first map
 * pixels were on screen, once per download, whatever the browser's cache did with it.
 */
export async function tracedFirstView(browser, url, profileName, served, { mark = 'map-first-pixels', idleMark = null } = {}) {
  const { context, page, cdp } = await openPage(browser, profileName);
  try {
    await page.goto('about:blank');
    await startTrace(cdp);
    const since = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await waitForMark(page, mark);
    if (idleMark) await waitForMark(page, idleMark);
    // Let the frames that follow the marks reach the screen (and the trace).
    await page.waitForTimeout(1500);
    const box = await page.evaluate(mapBox);
    const times = await page.evaluate(
      ({ m, idle }) => ({
        origin: performance.timeOrigin,
        requested: performance.getEntriesByName(m)[0].startTime,
        idle: idle ? performance.getEntriesByName(idle)[0].startTime : null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp: window.__bench.lcp || null,
      }),
      { m: mark, idle: idleMark },
    );
    const events = await stopTrace(cdp);
    const frame = firstMapFrame(events, { url, box, viewportWidth: PROFILES[profileName].viewport.width });
    const until = times.origin + (frame.onScreen ?? times.requested);
    const js = served.filter((r) => r.at >= since && r.at <= until && /\.m?js$/.test(r.pathname));
    return {
      onScreen: frame.onScreen,
      requested: times.requested,
      idle: times.idle,
      fcp: times.fcp,
      lcp: times.lcp,
      mapShare: frame.share,
      settledShare: frame.settledShare,
      screenshots: frame.screenshots,
      frames: frame.frames,
      box,
      jsBytes: js.reduce((sum, r) => sum + r.bytes, 0),
      jsFiles: js.filter((r) => r.status === 200).length,
    };
  } finally {
    await context.close();
  }
}

/**
 * The story, cold, with the reader's first gesture at load: once the page's `load` event has fired, one turn of the
 * mouse wheel (100 px; no pointer move) over the page. Times, from navigation start, the gesture as the page received it and the live
 * map's `live-map-first-frame` mark: its first scene complete (MapLibre's first `idle` after that scene was applied),
 * when it takes the still image's place.
 */
export async function liveAfterGesture(browser, url, profileName) {
  const { context, page } = await openPage(browser, profileName);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.mouse.wheel(0, 100);
    await waitForMark(page, 'live-map-first-frame');
    const r = await page.evaluate(() => ({
      gesture: window.__bench.gestureAt,
      gestureType: window.__bench.gestureType,
      complete: performance.getEntriesByName('live-map-first-frame')[0].startTime,
      load: performance.getEntriesByType('navigation')[0]?.loadEventStart ?? null,
      step: document.querySelector('map-story')?.step ?? null,
    }));
    return r;
  } finally {
    await context.close();
  }
}
