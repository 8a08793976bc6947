// What the benchmark measures in Chromium (playwright-core, Debian's Chromium), identically for both pages.
/* global PerformanceObserver, performance */
// Code passed to page.evaluate runs in the page; `window.__bench` is set up there by `observe`.
import { URLSearchParams } from 'node:url';
import { CHROMIUM_ARGS } from '../chromium.mjs';

/** Lighthouse's own viewports; "mobile" also gets Lighthouse's slow-4G link and 4× slower CPU (through CDP). */
export const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, cpu: 1, network: null },
  mobile: {
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    cpu: 4,
    // Lighthouse's "slow 4G" with its DevTools adjustments: 562.5 ms latency, 1474.56 kbit/s down, 675 kbit/s up.
    network: { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 },
  },
  // Only to measure the story's first camera at Lighthouse's desktop viewport.
  lighthouseDesktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false, cpu: 1, network: null },
};

export const LAUNCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
/** Chromium composites the page on its GPU path, through SwiftShader, instead of in software. */
export const GPU_COMPOSITING_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/**
 * Runs in the page before its own scripts: records the largest contentful paint, every long task and the time of the
 * reader's first wheel, key or pointer event.
 */
function observe() {
  const found = { lcp: 0, longTasks: [], gestureAt: null, gestureType: null };
  window.__bench = found;
  for (const type of ['wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart']) {
    const first = () => {
      if (found.gestureAt !== null) return;
      found.gestureAt = performance.now();
      found.gestureType = type;
    };
    window.addEventListener(type, first, { capture: true, passive: true });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) found.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) found.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** A new context and page with the profile's viewport, CPU and network; service workers blocked unless `serviceWorkers`. */
export async function openPage(browser, profileName, { serviceWorkers = 'block' } = {}) {
  const profile = PROFILES[profileName];
  const context = await browser.newContext({
    viewport: profile.viewport,
    deviceScaleFactor: profile.deviceScaleFactor,
    isMobile: profile.isMobile,
    hasTouch: profile.isMobile,
    serviceWorkers,
  });
  const page = await context.newPage();
  await page.addInitScript(observe);
  const cdp = await context.newCDPSession(page);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  return { context, page, cdp };
}

export function summariseLongTasks(tasks) {
  return {
    count: tasks.length,
    over50: tasks.filter((d) => d > 50).length,
    max: tasks.length ? Math.max(...tasks) : 0,
    total: tasks.reduce((a, b) => a + b, 0),
  };
}

/** Waits until the story's map exists, has loaded and stands still (the reader's pointer has moved, which starts it). */
export async function storyMapIdle(page) {
  if (!(await page.evaluate(() => Boolean(document.querySelector('map-story')?.map)))) {
    await page.mouse.move(10, 300);
    await page.mouse.move(12, 302);
  }
  await page.waitForFunction(
    () => {
      const map = document.querySelector('map-story')?.map;
      return Boolean(map && map.loaded() && !map.isMoving());
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

function readCamera() {
  const map = document.querySelector('map-story')?.map;
  if (!map) throw new Error('no map');
  const c = map.getCenter();
  const p = map.getPadding();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), padding: [p.top, p.right, p.bottom, p.left] };
}

/** The story's camera once its first scene is drawn, for the floor page to start at the same view. */
/** Turns the wheel over the page until the story reaches step `id`, then waits for its scene to finish. */
export async function wheelToStep(page, id) {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => document.querySelector('map-story')?.step)) === id) break;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(100);
  await storyMapIdle(page);
}

export async function storyCamera(browser, url, profileName) {
  const { context, page } = await openPage(browser, profileName);
  try {
    await page.goto(url);
    await storyMapIdle(page);
    return await page.evaluate(readCamera);
  } finally {
    await context.close();
  }
}

/** The floor page's URL for a camera. */
export function floorUrl(base, camera) {
  const round = (n) => Number(n.toFixed(5));
  const q = new URLSearchParams({ c: camera.center.map(round).join(','), z: String(round(camera.zoom)), p: camera.padding.map(round).join(',') });
  return `${base}floor.html?${q}`;
}

/**
 * Scrolls the story from the first step to the last with the mouse wheel over the map, as a reader does, letting each
 * scene finish. Returns the long tasks the page ran meanwhile and the camera of each step.
 */
export async function storyScroll(browser, url, profileName = 'desktop') {
  const { context, page } = await openPage(browser, profileName);
  try {
    await page.goto(url);
    await storyMapIdle(page);
    const steps = await page.evaluate(() => [...(document.querySelector('map-story')?.shadowRoot?.querySelectorAll('story-step') ?? [])].map((s) => s.id));
    await page.waitForTimeout(1500);
    const cameras = [await page.evaluate(readCamera)];
    await page.evaluate(() => (window.__bench.longTasks.length = 0));
    const box = await page.locator('map-story live-map').boundingBox();
    if (!box) throw new Error('no map on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (const id of steps.slice(1)) {
      await wheelToStep(page, id);
      cameras.push(await page.evaluate(readCamera));
    }
    const tasks = await page.evaluate(() => window.__bench.longTasks.slice());
    return { steps: steps.length, ...summariseLongTasks(tasks), cameras };
  } finally {
    await context.close();
  }
}

/** The floor page flies through the same cameras, with the story's camera duration; returns its long tasks. */
export async function floorTour(browser, url, cameras, duration, profileName = 'desktop') {
  const { context, page } = await openPage(browser, profileName);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.floorMap?.loaded(), undefined, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    const tasks = await page.evaluate(
      async ({ cameras, duration }) => {
        const map = window.floorMap;
        window.__bench.longTasks.length = 0;
        for (const cam of cameras.slice(1)) {
          const [top, right, bottom, left] = cam.padding;
          await new Promise((resolve) => {
            map.once('moveend', resolve);
            map.easeTo({ center: cam.center, zoom: cam.zoom, padding: { top, right, bottom, left }, duration });
          });
          await new Promise((resolve) => (map.loaded() ? resolve(undefined) : map.once('idle', resolve)));
        }
        return window.__bench.longTasks.slice();
      },
      { cameras, duration },
    );
    return { steps: cameras.length, ...summariseLongTasks(tasks) };
  } finally {
    await context.close();
  }
}
