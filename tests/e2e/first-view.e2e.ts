/**
 * The first view: the text and a still image of the first scene are the page until the reader's first gesture,
 * which starts the live map; and nothing on screen moves while the fonts and the story's script arrive.
 */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, mapState } from './fixtures.ts';

const liveMap = (page: Page) => page.locator('map-story live-map');

/**
 * Layout shifts the page has had so far, summed as the browser scores them (cumulative layout shift). A buffered
 * observer holds every shift already recorded as soon as it observes, so they are read at once, with no waiting.
 */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as unknown as { value: number; hadRecentInput: boolean }[];
    observer.disconnect();
    return entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
  });
}

test.describe('before the reader moves', () => {
  test('the still image of the first scene is the map, and the live map starts at the first gesture', async ({ page, g }) => {
    await page.goto('./');
    const still = liveMap(page).locator('static-map [role="img"]');
    await expect(still.locator('svg path').first()).toBeAttached();
    await expect(still).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Nothing has started MapLibre: no map object and no canvas, while the text and the still image are in place.
    expect(await page.evaluate(() => document.querySelector('map-story')!.map)).toBeUndefined();
    await expect(liveMap(page).locator('canvas')).toHaveCount(0);
    await expect(page.locator('map-story main h1')).toBeVisible();

    await mapIdle(page);
    await expect(liveMap(page).locator('static-map')).toHaveCount(0);
    await expect(liveMap(page).locator('canvas')).toBeVisible();
    expect((await mapState(page)).step).toBe('overview');
    expect(g.errors).toEqual([]);
    expect(g.refused).toEqual([]);
  });

  test("MapLibre's code is prefetched after the page has loaded, downloaded once, and used from the cache by the map", async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // MapLibre's files (the map's chunk, the chunk it shares with its worker, the worker): per file, how often it
    // was asked for, and the bytes that came over the network for it; a response from a cache adds none.
    const chunk = /\/assets\/maplibre-[\w-]+\.m?js$/;
    const urls = new Map<string, string>();
    const asked = new Map<string, number>();
    const downloaded = new Map<string, number>();
    let firstRequestAt = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!chunk.test(e.request.url)) return;
      urls.set(e.requestId, e.request.url);
      asked.set(e.request.url, (asked.get(e.request.url) ?? 0) + 1);
      firstRequestAt ||= e.wallTime * 1000;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (url !== undefined && e.encodedDataLength > 1_000) downloaded.set(url, (downloaded.get(url) ?? 0) + 1);
    });
    await page.goto('./');
    await page.waitForLoadState('load');
    const loadedAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0]!.toJSON().loadEventStart);
    await expect.poll(() => downloaded.size, { message: 'MapLibre is prefetched while the reader reads' }).toBe(3);
    expect(firstRequestAt, 'the prefetch starts after the load event').toBeGreaterThanOrEqual(loadedAt);
    await mapIdle(page);
    for (const [url, times] of asked) {
      expect(times, `${url} was asked for again by the map`).toBeGreaterThanOrEqual(2);
      expect(downloaded.get(url), `${url} came from the cache`).toBe(1);
    }
  });

  test('a change of step starts the live map too, at that step', async ({ page }) => {
    await page.goto('./');
    await expect(liveMap(page).locator('static-map svg path').first()).toBeAttached();
    // A link to a step, followed without moving the pointer.
    await page.evaluate(() => (location.hash = '#trench'));
    await page.waitForFunction(() => document.querySelector('map-story')?.map?.loaded() === true, undefined, { timeout: 60_000 });
    await mapIdle(page);
    expect((await mapState(page)).step).toBe('trench');
  });
});

test.describe('the first view holds still', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const lang of ['en', 'ar']) {
      test(`${name}, ${lang}: the text does not jump while the fonts and the story's script arrive`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(`./?lang=${lang}`);
        await expect(page.locator('map-story main h1')).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await page.waitForLoadState('networkidle');
        // Lighthouse counts 0.1 as the edge of "good"; a page that reflows when its fonts arrive scores about 0.2.
        expect(await layoutShift(page)).toBeLessThan(0.02);
      });
    }
  }
});
