/** A lost WebGL context: the still image stands in, and the live map comes back by itself. */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, mapState, mapColours } from './fixtures.ts';

const story = (page: Page) => page.locator('map-story');
const liveMap = (page: Page) => story(page).locator('live-map');

test.describe('WebGL context loss', () => {
  test('the still image stands in while the context is lost, and the map comes back by itself with the current scene', async ({ page, g }) => {
    await page.goto('./#trench');
    await mapIdle(page);
    await expect(liveMap(page).locator('static-map')).toHaveCount(0);
    await page.evaluate(() => {
      const map = document.querySelector('map-story')?.map;
      const gl = map?.getCanvas().getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('WEBGL_lose_context is not available');
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = ext;
      ext.loseContext();
    });
    await expect(liveMap(page).locator('static-map')).toBeVisible();
    await expect(liveMap(page).locator('.map')).toBeHidden();

    // The reader moves on while the map is away; the still image follows.
    await story(page).locator('story-timeline').locator('button[data-step="mosul-arrest"]').click();
    await expect(liveMap(page).locator('static-map')).toHaveAttribute('lang', 'en');
    await expect
      .poll(() =>
        liveMap(page)
          .locator('static-map')
          .evaluate((el) => (el as HTMLElement & { stepId: string }).stepId),
      )
      .toBe('mosul-arrest');

    await page.evaluate(() => (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext());
    await expect(liveMap(page).locator('.map')).toBeVisible();
    await expect(liveMap(page).locator('static-map')).toHaveCount(0);
    await mapIdle(page);
    const restored = await mapState(page);
    expect(await mapColours(page)).toBeGreaterThan(12);

    // The same step reached again in the usual way (away and back) gives the same map.
    await story(page).locator('story-timeline').locator('button[data-step="trench"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('trench');
    await mapIdle(page);
    await story(page).locator('story-timeline').locator('button[data-step="mosul-arrest"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('mosul-arrest');
    await mapIdle(page);
    const again = await mapState(page);
    expect(restored.step).toBe('mosul-arrest');
    expect(restored.visible).toEqual(again.visible);
    expect(restored.center[0]).toBeCloseTo(again.center[0], 2);
    expect(restored.center[1]).toBeCloseTo(again.center[1], 2);
    expect(restored.zoom).toBeCloseTo(again.zoom, 2);
    expect(g.errors).toEqual([]);
  });
});
