/** Missing or broken data files: the text stays readable, with a short notice. */
import type { Page } from '@playwright/test';
import { test, expect, readerArrives } from './fixtures.ts';
import { t } from '../../src/i18n/strings.ts';

const story = (page: Page) => page.locator('map-story');
const liveMap = (page: Page) => story(page).locator('live-map');

/** Console errors a failed request prints on its own; the tests check what the page does about it instead. */
const notNetwork = (errors: string[]) => errors.filter((e) => !/^Failed to load resource/.test(e));

test.describe('missing or broken data', () => {
  const cases: [string, string, { status: number; body: string }][] = [
    ['every data file is missing (404)', '**/data/*.{geojson,json}', { status: 404, body: 'not found' }],
    ['a data file is not valid JSON', '**/data/rivers.topo.json', { status: 200, body: '{"type":"FeatureCollection","features":[{"type":' }],
    ['a data file is JSON but not GeoJSON', '**/data/countries.topo.json', { status: 200, body: '{"error":"<img src=x onerror=alert(1)>"}' }],
  ];
  for (const [name, pattern, response] of cases) {
    test(`${name}: the text stays readable and a short notice says the map could not load`, async ({ page, g }) => {
      await page.route(pattern, (route) => route.fulfill({ ...response, contentType: 'application/geo+json' }));
      await page.goto('./');
      // Before the reader's first gesture the still image is the map; the live map's data is fetched then.
      await expect(liveMap(page).locator('static-map svg path').first()).toBeAttached();
      await readerArrives(page);
      await expect(liveMap(page).locator('.notice')).toHaveText(t('en', 'mapFailed'));
      await expect(liveMap(page).locator('.notice')).toHaveAttribute('role', 'status');
      await expect(story(page).locator('main h1')).toBeVisible();
      await expect(story(page).locator('story-step').first().locator('h2#title')).toBeVisible();
      // The story still moves on, with the still image of each step.
      await story(page).locator('story-timeline').locator('button[data-step="trench"]').click();
      await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe('trench');
      await expect(story(page).locator('story-step#trench h2#title')).toBeInViewport();
      await expect(liveMap(page).locator('static-map')).toBeVisible();
      expect(await page.evaluate(() => document.querySelector('map-story')?.map)).toBeUndefined();
      expect(notNetwork(g.errors)).toEqual([]);
    });
  }
});
