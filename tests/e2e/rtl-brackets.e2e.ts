import { test, expect, mapIdle } from './fixtures.ts';
import { inkMatch } from './label-ink.ts';

/**
 * The Arabic trench label's brackets, drawn the right way round. As in the Arabic shaping test (arabic.e2e.ts): the
 * map draws the label's first line alone, large, on white; its ink is compared with the browser's own rendering of
 * the same logical text (canvas, direction rtl, same font), and with that text's brackets swapped. The comparison
 * looks at the ends of the line, where the brackets are: a bracket facing the wrong way has its ink on the other
 * side of its cell.
 */
test('the Arabic trench label’s brackets face the way the browser draws them', async ({ page }) => {
  await page.goto('./?lang=ar#trench');
  await mapIdle(page);
  const logical = 'الخندق (رسم تخطيطي)';
  await page.evaluate(() => {
    const map = document.querySelector('map-story')!.map!;
    const field = String(map.getLayoutProperty('trench-label', 'text-field'));
    for (const layer of map.getStyle().layers)
      if (layer.id !== 'background' && layer.id !== 'trench-label') map.setLayoutProperty(layer.id, 'visibility', 'none');
    map.setLayoutProperty('trench-label', 'visibility', 'visible');
    map.setPaintProperty('background', 'background-color', '#ffffff');
    map.setPaintProperty('trench-label', 'text-halo-width', 0);
    // The live map's own text, as handed to MapLibre (brackets prepared by src/map/rtl.ts): its first line.
    map.setLayoutProperty('trench-label', 'text-field', field.split('\n')[0]!);
    map.setLayoutProperty('trench-label', 'text-size', 40);
    map.setLayoutProperty('trench-label', 'text-variable-anchor-offset', ['center', [0, 0]]);
    map.setLayoutProperty('trench-label', 'text-max-width', 100);
    const src = map.getStyle().sources.trench;
    const at =
      src?.type === 'geojson' && typeof src.data === 'object' && 'features' in src.data
        ? src.data.features.find((f) => f.properties?.role === 'label')
        : undefined;
    if (at?.geometry.type === 'Point') map.jumpTo({ center: at.geometry.coordinates as [number, number] });
  });
  await mapIdle(page);
  const shot = await page.locator('map-story live-map').screenshot();
  // The ends of the line (an eighth of its width each), where the brackets are.
  const {
    scores: [right, wrong],
    width,
  } = await page.evaluate(inkMatch, {
    b64: shot.toString('base64'),
    region: { w: 600, h: 120 },
    texts: [logical, logical.replace(/[()]/g, (b) => (b === '(' ? ')' : '('))],
    columns: 128,
    ends: 16,
    boxDark: 450,
    referenceWidth: 900,
  });
  const scores = { right: right!, wrong: wrong!, width };
  console.log(`Arabic bracket match: ${JSON.stringify(scores)}`);
  expect(scores.width).toBeGreaterThan(150);
  expect(scores.right).toBeGreaterThan(0.5);
  expect(scores.right).toBeGreaterThan(scores.wrong + 0.1);
});
