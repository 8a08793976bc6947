import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FeatureCollection, Polygon } from 'geojson';
import { test, expect, mapIdle, pixelsOf } from './fixtures.ts';
import { theme } from '../../src/map/theme.ts';

const arrows = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/data/arrows.geojson'), 'utf8')) as FeatureCollection;

/** The middle of each convoy's arrowhead, [lon, lat]. */
const convoyHeads = arrows.features
  .filter((f) => f.properties?.kind === 'convoy' && f.properties?.part === 'head')
  .map((f) => {
    const ring = (f.geometry as Polygon).coordinates[0]!.slice(0, -1);
    return [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length] as [number, number];
  });

/** The colour the reader sees at a place on the map: the mean of a 3×3 px patch of the screen, or null off the map. */
async function colourAt(page: Page, lngLat: [number, number]): Promise<[number, number, number] | null> {
  const point = await page.evaluate((ll) => {
    const map = document.querySelector('map-story')!.map!;
    const rect = map.getCanvas().getBoundingClientRect();
    const p = map.project(ll);
    return p.x < 2 || p.y < 2 || p.x > rect.width - 2 || p.y > rect.height - 2 ? null : { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
  if (!point) return null;
  const shot = await page.screenshot({ clip: { x: Math.round(point.x) - 1, y: Math.round(point.y) - 1, width: 3, height: 3 } });
  const pixels = await pixelsOf(page, shot);
  return [0, 1, 2].map((k) => pixels.reduce((sum, p) => sum + p[k]!, 0) / pixels.length) as [number, number, number];
}

const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: [number, number, number] | null, b: [number, number, number], tolerance = 40) =>
  Boolean(a && a.every((v, i) => Math.abs(v - b[i]!) <= tolerance));

test.describe('layers that come and go with their step', () => {
  test('the convoys are drawn in, their arrowheads appear at the end, and both leave with the convoys’ steps', async ({ page, g }) => {
    expect(convoyHeads.length).toBe(2);
    const blue = hex(theme.convoy.line);
    await page.goto('./#overview');
    await mapIdle(page);
    for (const head of convoyHeads) expect(near(await colourAt(page, head), blue), 'no arrowhead before its step').toBe(false);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe('convoys');
    await mapIdle(page);
    // The drawing ends after the camera has arrived; each arrowhead is then on screen in the convoys' colour.
    for (const head of convoyHeads) await expect.poll(async () => near(await colourAt(page, head), blue), { timeout: 15_000 }).toBe(true);

    // The next step, the ceasefire, keeps the convoys on the map, whole from the start; Al-Hol does not.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe('ceasefire');
    await mapIdle(page);
    for (const [i, head] of convoyHeads.entries()) {
      const colour = await colourAt(page, head);
      expect(colour, `arrowhead ${i + 1} is on the map at the ceasefire`).not.toBeNull();
      expect(near(colour, blue), `arrowhead ${i + 1} stays with the convoys`).toBe(true);
    }
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe('al-hol');
    await mapIdle(page);
    let checked = 0;
    for (const head of convoyHeads) {
      const colour = await colourAt(page, head);
      if (!colour) continue;
      checked++;
      expect(near(colour, blue), 'the arrowhead leaves with its step').toBe(false);
    }
    expect(checked).toBeGreaterThan(0);
    expect(g.errors).toEqual([]);
  });
});
