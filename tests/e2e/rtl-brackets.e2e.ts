import { test, expect, mapIdle } from './fixtures.ts';

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
  const scores = await page.evaluate(
    async ({ b64, text }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      c.getContext('2d')!.drawImage(bitmap, 0, 0);
      const inkBox = (cv: OffscreenCanvas, x0: number, y0: number, w: number, h: number) => {
        const d = cv.getContext('2d')!.getImageData(x0, y0, w, h).data;
        let [minX, minY, maxX, maxY] = [w, h, -1, -1];
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const i = (y * w + x) * 4;
            if (d[i]! + d[i + 1]! + d[i + 2]! < 450) [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
          }
        return { x: x0 + minX, y: y0 + minY, w: maxX - minX + 1, h: maxY - minY + 1 };
      };
      // The ink of each end of the line (an eighth of its width) on a small grid.
      const ends = (cv: OffscreenCanvas, box: { x: number; y: number; w: number; h: number }) => {
        const g = new OffscreenCanvas(128, 24);
        const gx = g.getContext('2d')!;
        gx.fillStyle = '#fff';
        gx.fillRect(0, 0, 128, 24);
        gx.drawImage(cv, box.x, box.y, box.w, box.h, 0, 0, 128, 24);
        const d = gx.getImageData(0, 0, 128, 24).data;
        const cells: number[] = [];
        for (let y = 0; y < 24; y++) for (let x = 0; x < 128; x++) if (x < 16 || x >= 112) cells.push(d[(y * 128 + x) * 4]! < 160 ? 1 : 0);
        return cells;
      };
      const cx = Math.round(bitmap.width / 2);
      const cy = Math.round(bitmap.height / 2);
      const label = inkBox(c, cx - 300, cy - 60, 600, 120);
      const reference = (t: string) => {
        const r = new OffscreenCanvas(900, 160);
        const rx = r.getContext('2d')!;
        rx.fillStyle = '#fff';
        rx.fillRect(0, 0, 900, 160);
        rx.fillStyle = '#000';
        rx.font = '700 40px "Noto Sans Arabic Bold", "Noto Sans Arabic"';
        rx.direction = 'rtl';
        rx.textAlign = 'center';
        rx.fillText(t, 450, 100);
        return ends(r, inkBox(r, 0, 0, 900, 160));
      };
      const iou = (a: number[], b: number[]) => {
        let both = 0;
        let either = 0;
        a.forEach((v, i) => ((both += v & b[i]!), (either += v | b[i]!)));
        return either ? both / either : 0;
      };
      const map = ends(c, label);
      const swapped = text.replace(/[()]/g, (b) => (b === '(' ? ')' : '('));
      return { right: iou(map, reference(text)), wrong: iou(map, reference(swapped)), width: label.w };
    },
    { b64: shot.toString('base64'), text: logical },
  );
  console.log(`Arabic bracket match: ${JSON.stringify(scores)}`);
  expect(scores.width).toBeGreaterThan(150);
  expect(scores.right).toBeGreaterThan(0.5);
  expect(scores.right).toBeGreaterThan(scores.wrong + 0.1);
});
