// Bytes for a full read: every response the server sends from the navigation to the end of the page, counted by the
// server itself (so requests from the page, MapLibre's worker and the service worker are all in), as gzip-encoded
// bodies. Response headers are not counted.
/* global navigator, performance */
import { serve } from '../serve.mjs';
import { openPage, storyMapIdle, wheelToStep } from './measure.mjs';

const GZIP = { 'content-encoding': 'gzip', vary: 'accept-encoding' };
/**
 * The network counts as idle when neither the server has sent anything nor the page has loaded a resource (from the
 * network or from a cache) for this long: long enough for downloads that a page or its service worker starts only
 * once its connection has been idle for a while (the story waits 4 s, then for an idle callback of at most 5 s:
 * src/state/offline.ts).
 */
const QUIET_MS = 15_000;
const TIMEOUT = 180_000;

export const GROUPS = ['html', 'js', 'css', 'fonts', 'data', 'images', 'other'];
const GROUP_OF = [
  ['html', /(\.html|\/)$/],
  ['js', /\.m?js$/],
  ['css', /\.css$/],
  ['fonts', /\.(woff2?|ttf|otf)$/],
  ['data', /\.(geo)?json$/],
  ['images', /\.(svg|png|webp|jpe?g|gif|ico)$/],
];
const groupOf = (pathname) => GROUP_OF.find(([, re]) => re.test(pathname))?.[0] ?? 'other';

/** Totals of a server log: bytes and requests per file group, the whole, and bytes per file. */
export function summariseServed(log) {
  const groups = Object.fromEntries(GROUPS.map((g) => [g, { bytes: 0, requests: 0 }]));
  const files = {};
  for (const r of log) {
    const g = groups[groupOf(r.pathname)];
    g.bytes += r.bytes;
    g.requests += 1;
    files[r.pathname] = (files[r.pathname] ?? 0) + r.bytes;
  }
  return {
    total: log.reduce((a, r) => a + r.bytes, 0),
    requests: log.length,
    notModified: log.filter((r) => r.status === 304).length,
    groups,
    files,
  };
}

/** Waits until the server and the page have both been quiet for QUIET_MS. */
async function networkQuiet(page, log) {
  const start = Date.now();
  for (;;) {
    const pageLast = await page.evaluate(() =>
      Math.max(performance.timeOrigin, ...performance.getEntriesByType('resource').map((e) => performance.timeOrigin + e.responseEnd)),
    );
    const last = Math.max(log.at(-1)?.at ?? start, pageLast);
    if (Date.now() - last >= QUIET_MS) return;
    if (Date.now() - start > TIMEOUT) throw new Error('bench: the network never went quiet');
    await page.waitForTimeout(250);
  }
}

/** Waits until the page's service worker is active and its install (the precache downloads) has finished. */
async function workerActivated(page) {
  const start = Date.now();
  for (;;) {
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker?.getRegistration();
      return r ? `${r.active?.state ?? 'none'}/${r.installing ? 'installing' : ''}${r.waiting ? 'waiting' : ''}` : 'unregistered';
    });
    if (state === 'activated/') return;
    if (Date.now() - start > TIMEOUT) throw new Error(`bench: the service worker never activated (${state})`);
    await page.waitForTimeout(250);
  }
}

/** Reads the story as a reader does: wheel over the page to each step in turn, letting its scene finish, then on to the foot. */
async function readThrough(page) {
  const steps = await page.evaluate(() => [...(document.querySelector('map-story')?.shadowRoot?.querySelectorAll('story-step') ?? [])].map((s) => s.id));
  if (steps.length === 0) throw new Error('bench: no steps on the page');
  const box = await page.locator('map-story live-map').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await storyMapIdle(page);
  for (const id of steps.slice(1)) await wheelToStep(page, id);
  const top = () => page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
  for (let still = 0, last = -1, i = 0; still < 10 && i < 400; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(50);
    const now = await top();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  await storyMapIdle(page);
}

/**
 * One full read of `pagePath` ('' for the English page, 'ar/' for the Arabic one, or the floor's page), cold, at the
 * desktop profile, on its own server, with service workers 'block' or 'allow'. The story is read to its foot; the
 * floor page is followed to its map's first `idle`. Then, with the worker allowed, until it is activated (its
 * install, the precache downloads, done); then until the network is quiet.
 */
export async function fullRead(browser, { dir, base, pagePath, serviceWorkers = 'block', floor = false }) {
  const log = [];
  const server = await serve({ dir, base, headers: GZIP, onServe: (pathname, status, bytes) => log.push({ at: Date.now(), pathname, status, bytes }) });
  const { context, page } = await openPage(browser, 'desktop', { serviceWorkers });
  try {
    await page.goto(server.url + pagePath, { waitUntil: 'load', timeout: TIMEOUT });
    if (floor) await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, undefined, { timeout: TIMEOUT, polling: 100 });
    else await readThrough(page);
    if (serviceWorkers === 'allow') await workerActivated(page);
    await networkQuiet(page, log);
    return { ...summariseServed(log), serviceWorkers };
  } finally {
    await context.close();
    await server.close();
  }
}
