/** Memory: full passes through the story do not grow the heap. */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, stepIds } from './fixtures.ts';

const story = (page: Page) => page.locator('map-story');

test.describe('memory', () => {
  test('three full passes through the story grow the JS heap by less than 10%', async ({ page }) => {
    test.setTimeout(600_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./');
    await mapIdle(page);
    const ids = await stepIds(page);
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const pass = async (): Promise<void> => {
      for (const id of [...ids.slice(1), ids[0]!]) {
        await story(page).locator('story-timeline').locator(`button[data-step="${id}"]`).click();
        await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe(id);
        await mapIdle(page);
      }
    };
    // One pass first: every scene, tile and still image seen once, so caches are warm and code is compiled;
    // what the next three passes add is what reading the story again costs (and a leak would show).
    await pass();
    const before = await heap();
    for (let i = 0; i < 3; i++) await pass();
    const after = await heap();
    console.log(
      `JS heap: ${(before / 2 ** 20).toFixed(2)} MB before, ${(after / 2 ** 20).toFixed(2)} MB after three passes (${(((after - before) / before) * 100).toFixed(1)}%)`,
    );
    expect(after).toBeLessThan(before * 1.1);
  });
});
