import { test, expect, mapIdle, mapState, stepIds, type Guard } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { mirrorRtlBrackets } from '../../src/map/rtl.ts';

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
    const scores = await page.evaluate(async (b64) => {
      // No fetch() of a data: URL: the page's Content-Security-Policy (connect-src 'self') refuses it.
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      // Ink of the label: dark pixels, cropped to their bounding box (the legend and locator are far away).
      const inkBox = (cv: OffscreenCanvas, x0: number, y0: number, w: number, h: number) => {
        const d = cv.getContext('2d')!.getImageData(x0, y0, w, h).data;
        let minX = w,
          minY = h,
          maxX = -1,
          maxY = -1;
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const i = (y * w + x) * 4;
            if (d[i]! + d[i + 1]! + d[i + 2]! < 300) {
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
              minY = Math.min(minY, y);
              maxY = Math.max(maxY, y);
            }
          }
        return { x: x0 + minX, y: y0 + minY, w: maxX - minX + 1, h: maxY - minY + 1 };
      };
      const cx = Math.round(bitmap.width / 2),
        cy = Math.round(bitmap.height / 2);
      const region = { x: cx - 260, y: cy - 90, w: 520, h: 180 };
      const label = inkBox(c, region.x, region.y, region.w, region.h);
      const grid = (cv: OffscreenCanvas, box: { x: number; y: number; w: number; h: number }) => {
        const g = new OffscreenCanvas(64, 24);
        const gx = g.getContext('2d')!;
        gx.fillStyle = '#fff';
        gx.fillRect(0, 0, 64, 24);
        gx.drawImage(cv, box.x, box.y, box.w, box.h, 0, 0, 64, 24);
        const d = gx.getImageData(0, 0, 64, 24).data;
        return Array.from({ length: 64 * 24 }, (_, i) => (d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]! < 450 ? 1 : 0));
      };
      const mapGrid = grid(c, label);
      const reference = (text: string) => {
        const r = new OffscreenCanvas(600, 160);
        const rx = r.getContext('2d')!;
        rx.fillStyle = '#fff';
        rx.fillRect(0, 0, 600, 160);
        rx.fillStyle = '#000';
        rx.font = '700 40px "Noto Sans Arabic Bold", "Noto Sans Arabic"';
        rx.direction = 'rtl';
        rx.textAlign = 'center';
        rx.fillText(text, 300, 100);
        return grid(r, inkBox(r, 0, 0, 600, 160));
      };
      const iou = (a: number[], b: number[]) => {
        let both = 0,
          either = 0;
        for (let i = 0; i < a.length; i++) {
          both += a[i]! & b[i]!;
          either += a[i]! | b[i]!;
        }
        return either ? both / either : 0;
      };
      const word = 'الموصل';
      return {
        correct: iou(mapGrid, reference(word)),
        reversed: iou(mapGrid, reference([...word].reverse().join(''))),
        isolated: iou(mapGrid, reference([...word].join('\u200c'))),
        width: label.w,
      };
    }, shot.toString('base64'));
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
