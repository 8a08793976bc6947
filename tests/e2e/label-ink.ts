/**
 * Compares a label the live map drew (alone, large, dark on white, at the middle of a screenshot) with the browser's
 * own rendering of candidate texts (canvas, direction rtl, the same bold Arabic font): each ink is cropped to its
 * bounding box and scaled onto a small grid, and the grids are compared (intersection over union). Used by the
 * Arabic shaping test (arabic.e2e.ts) and the bracket test (rtl-brackets.e2e.ts).
 */
export interface InkMatchInput {
  /** The screenshot, as base64 PNG. */
  b64: string;
  /** Where the label lies: a box of this size around the screenshot's centre. */
  region: { w: number; h: number };
  /** The texts to draw and compare, in order. */
  texts: string[];
  /** The grid's width in cells (its height is 24). */
  columns: number;
  /** When set, only this many columns at each end of the grid count (where brackets are). */
  ends?: number;
  /** A pixel is ink for the bounding box when r + g + b is below this. */
  boxDark: number;
  /** The reference canvas's width (height 160, text centred at y 100). */
  referenceWidth: number;
}

/** Runs in the page: self-contained, so that it can be evaluated. The match of each text, and the label's width. */
export async function inkMatch(input: InkMatchInput): Promise<{ scores: number[]; width: number }> {
  const { b64, region, texts, columns, ends, boxDark, referenceWidth } = input;
  // No fetch() of a data: URL: the page's Content-Security-Policy (connect-src 'self') refuses it.
  const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
  const shot = new OffscreenCanvas(bitmap.width, bitmap.height);
  shot.getContext('2d')!.drawImage(bitmap, 0, 0);
  type Box = { x: number; y: number; w: number; h: number };
  const inkBox = (cv: OffscreenCanvas, x0: number, y0: number, w: number, h: number): Box => {
    const d = cv.getContext('2d')!.getImageData(x0, y0, w, h).data;
    let [minX, minY, maxX, maxY] = [w, h, -1, -1];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        if (d[i]! + d[i + 1]! + d[i + 2]! < boxDark) [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
      }
    return { x: x0 + minX, y: y0 + minY, w: maxX - minX + 1, h: maxY - minY + 1 };
  };
  const grid = (cv: OffscreenCanvas, box: Box): number[] => {
    const g = new OffscreenCanvas(columns, 24);
    const gx = g.getContext('2d')!;
    gx.fillStyle = '#fff';
    gx.fillRect(0, 0, columns, 24);
    gx.drawImage(cv, box.x, box.y, box.w, box.h, 0, 0, columns, 24);
    const d = gx.getImageData(0, 0, columns, 24).data;
    const cells: number[] = [];
    for (let i = 0; i < columns * 24; i++) {
      const x = i % columns;
      if (ends === undefined || x < ends || x >= columns - ends) cells.push(d[i * 4]! + d[i * 4 + 1]! + d[i * 4 + 2]! < 450 ? 1 : 0);
    }
    return cells;
  };
  const reference = (text: string): number[] => {
    const r = new OffscreenCanvas(referenceWidth, 160);
    const rx = r.getContext('2d')!;
    rx.fillStyle = '#fff';
    rx.fillRect(0, 0, referenceWidth, 160);
    rx.fillStyle = '#000';
    rx.font = '700 40px "Noto Sans Arabic Bold", "Noto Sans Arabic"';
    rx.direction = 'rtl';
    rx.textAlign = 'center';
    rx.fillText(text, referenceWidth / 2, 100);
    return grid(r, inkBox(r, 0, 0, referenceWidth, 160));
  };
  const iou = (a: number[], b: number[]): number => {
    let both = 0;
    let either = 0;
    a.forEach((v, i) => ((both += v & b[i]!), (either += v | b[i]!)));
    return either ? both / either : 0;
  };
  const cx = Math.round(bitmap.width / 2);
  const cy = Math.round(bitmap.height / 2);
  const label = inkBox(shot, cx - region.w / 2, cy - region.h / 2, region.w, region.h);
  const drawn = grid(shot, label);
  return { scores: texts.map((t) => iou(drawn, reference(t))), width: label.w };
}
