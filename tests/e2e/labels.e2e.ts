import type { Page } from '@playwright/test';
import { test, expect, mapIdle, stepIds } from './fixtures.ts';
import { collectLabels, knownGaps, labelProblems } from './label-boxes.ts';

/**
 * Every label of every step, in both languages, on a desktop and on a phone: no label overlaps another label, a
 * place's marker or the trench; every label the scene must show is drawn: the names of its `highlight` places, and
 * the trench's, the area's and the transfer's labels when their layers show (the names of other places are context,
 * which MapLibre may drop; see src/map/layers/places.ts); and every label drawn lies inside the part of the map the
 * reader sees (not cut by the window's edge, not under the key, the locator, the map's controls or, on phones, the
 * text cards over the map); and every place's name sits next to its own dot or ring, nearer to it than to any other. How the boxes are read: see label-boxes.ts.
 */
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Waits until the map is idle at the step and its labels have been placed for the final camera. */
async function settled(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.querySelector('map-story')!.step)).toBe(id);
  await mapIdle(page);
  // Placement runs again within 300 ms of the last change; a second idle after that is the final placement.
  await page.waitForTimeout(400);
  await mapIdle(page);
}

for (const lang of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test.describe(`labels, ${lang}, ${size.width}×${size.height}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' });

      test(`no label overlaps, is dropped or is cut off at any step (${lang}, ${size.name})`, async ({ page, g }) => {
        test.setTimeout(120_000);
        await page.goto(`./?lang=${lang}`);
        await mapIdle(page);
        const problems: string[] = [];
        for (const id of await stepIds(page)) {
          await page.evaluate((hash) => (location.hash = hash), id);
          await settled(page, id);
          const scene = await page.evaluate(collectLabels);
          expect(scene.labels.length, `${id}: labels read from the collision index`).toBeGreaterThan(0);
          const { known, other } = knownGaps(id, labelProblems(scene));
          problems.push(...other.map((p) => `${id}: ${p}`));
          for (const p of known) test.info().annotations.push({ type: 'known label gap', description: `${id}: ${p}` });
        }
        expect(problems).toEqual([]);
        expect(g.errors).toEqual([]);
      });
    });
  }
}
