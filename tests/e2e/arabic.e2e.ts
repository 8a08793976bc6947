import { test, expect, mapIdle, mapState, stepIds, type Guard } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { mirrorRtlBrackets } from '../../src/map/rtl.ts';
import { inkMatch } from './label-ink.ts';

const ARABIC_PLACES = ['الشدادي', 'مخيم الهول', 'الحسكة', 'الرقة', 'دير الزور', 'الموصل'];

async function activeStep(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('map-story')!.step);
}

function clean(g: Guard): void {
  expect(g.refused).toEqual([]);
  expect(g.errors).toEqual([]);
}

test.describe('the Arabic edition', () => {
  test('?lang=ar sets the page right to left, with the same steps as English', async ({ page, g }) => {
    await page.goto('./');
    await mapIdle(page);
    const english = await stepIds(page);
    await page.goto('./?lang=ar');
    await mapIdle(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await stepIds(page)).toEqual(english);
    const text = await page.locator('map-story').evaluate((el) => {
      const parts: string[] = [];
      const walk = (root: ShadowRoot | Element) => {
        for (const node of root.querySelectorAll('*')) {
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        parts.push(root instanceof ShadowRoot ? (root.textContent ?? '') : '');
      };
      walk(el.shadowRoot!);
      return parts.join(' ');
    });
    for (const name of ARABIC_PLACES) expect(text).toContain(name);
    // The text column sits on the right, the map on the left; north stays up (the map is not mirrored).
    const column = (await page.locator('map-story story-step').first().boundingBox())!;
    const map = (await page.locator('map-story live-map').boundingBox())!;
    expect(column.x).toBeGreaterThan(map.x);
    const bearing = await page.evaluate(() => document.querySelector('map-story')!.map!.getBearing());
    expect(bearing).toBe(0);
    clean(g);
  });

  test('the map labels places, countries and rivers in Arabic', async ({ page, g }) => {
    await page.goto('./?lang=ar#overview');
    await mapIdle(page);
    const fields = await page.evaluate(() => {
      const map = document.querySelector('map-story')!.map!;
      return ['places-label', 'countries-label', 'rivers-label'].map((id) => JSON.stringify(map.getLayoutProperty(id, 'text-field')));
    });
    for (const f of fields) expect(f).toContain('_ar');
    const shown = await page.evaluate(() => {
      const map = document.querySelector('map-story')!.map!;
      return map.queryRenderedFeatures({ layers: ['places-label', 'places-label-hl'] }).map((f) => String(f.properties.name_ar));
    });
    expect(shown).toEqual(expect.arrayContaining(['الموصل', 'الرقة']));
    clean(g);
  });

  test('Arabic labels are drawn joined and in order, not as boxes or reversed', async ({ page }) => {
    await page.goto('./?lang=ar#overview');
    await mapIdle(page);
    // Draw one label alone on a plain background, then compare its ink with the same word shaped by the
    // browser's own text engine, and with the same letters reversed.
    await page.evaluate(() => {
      const map = document.querySelector('map-story')!.map!;
      for (const layer of map.getStyle().layers) {
        if (layer.id !== 'background' && layer.id !== 'places-label-hl') map.setLayoutProperty(layer.id, 'visibility', 'none');
      }
      map.setPaintProperty('background', 'background-color', '#ffffff');
      map.setFilter('places-label-hl', ['==', ['get', 'id'], 'mosul']);
      map.setLayoutProperty('places-label-hl', 'text-field', ['get', 'name_ar']);
      map.setLayoutProperty('places-label-hl', 'text-size', 40);
      map.jumpTo({ center: [43.13, 36.34], zoom: 7 });
    });
    await mapIdle(page);
    const shot = await page.locator('map-story live-map').screenshot();
    const word = 'الموصل';
    const { scores: matches, width } = await page.evaluate(inkMatch, {
      b64: shot.toString('base64'),
      region: { w: 520, h: 180 },
      texts: [word, [...word].reverse().join(''), [...word].join('\u200c')],
      columns: 64,
      boxDark: 300,
      referenceWidth: 600,
    });
    const [correct, reversed, isolated] = matches as [number, number, number];
    const scores = { correct, reversed, isolated, width };
    console.log(`Arabic label match: ${JSON.stringify(scores)}`);
    expect(scores.width).toBeGreaterThan(40);
    expect(scores.correct).toBeGreaterThan(0.5);
    expect(scores.correct).toBeGreaterThan(scores.reversed + 0.1);
    expect(scores.correct).toBeGreaterThan(scores.isolated + 0.1);
  });

  test('the language switch goes to the other edition’s page at the same step, and back', async ({ page, g, baseURL }) => {
    await page.goto('./#trench');
    await mapIdle(page);
    await page.locator('map-story button.lang').click();
    await page.waitForURL(`${baseURL}ar/#trench`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await mapIdle(page);
    expect(await activeStep(page)).toBe('trench');
    await expect(page.locator('map-story story-step#trench')).toBeInViewport();
    await expect(page.locator('map-story story-step#trench')).toContainText('620');
    await mapIdle(page);
    const state = await mapState(page);
    expect(state.visible).toContain('trench-line');
    const label = await page.evaluate(() => JSON.stringify(document.querySelector('map-story')!.map!.getLayoutProperty('trench-label', 'text-field')));
    // The text handed to MapLibre has its brackets prepared for MapLibre's right-to-left layout (src/map/rtl.ts).
    expect(label).toContain(mirrorRtlBrackets('الخندق (رسم تخطيطي)'));
    expect(label).toContain('طول الحدود المقيس نحو');
    // A shared link opens the same language and step.
    await page.goto(page.url());
    await mapIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await activeStep(page)).toBe('trench');
    // And back to the English page, at the step the reader has reached since.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeStep(page)).toBe('mosul-arrest');
    await page.locator('map-story button.lang').click();
    await page.waitForURL(`${baseURL}#mosul-arrest`);
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await expect(page.locator('map-story story-step#mosul-arrest')).toBeInViewport();
    clean(g);
  });

  test('the attribution sits at the bottom left in Arabic', async ({ page }) => {
    await page.goto('./?lang=ar');
    await mapIdle(page);
    await expect(page.locator('map-story live-map .maplibregl-ctrl-bottom-left .maplibregl-ctrl-attrib')).toHaveCount(1);
  });
});

test.describe('the Arabic edition on narrow screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('no horizontal overflow at 320 px', async ({ page }) => {
    await page.goto('./?lang=ar');
    await mapIdle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => scrollX)).toBe(0);
  });
});
