import type { FeatureCollection } from 'geojson';
import type { LayerGroupModule } from './types.ts';
import { keepOut } from './label-anchors.ts';

/**
 * The trench line kept clear of labels: a layer above every label (the last group), shown with the trench. It draws
 * nothing; see `keepOut`.
 */
export const trenchKeepOut = {
  group: 'trench' as const,
  build: () => ({ sources: {}, layers: [keepOut('trench-keepout', 'trench', ['==', ['get', 'role'], 'line'], 9, true)] }),
} satisfies LayerGroupModule;

/** The size, in px, of each square of the frame's keep-out; they are set closer than their width (`FRAME_STEP`). */
export const FRAME_SQUARE = 8;
export const FRAME_STEP = 4;

/**
 * The edges of the map the reader sees, kept clear of labels: the edge of the visible map and the outlines of what
 * lies over it (the key, the locator, the controls and, on phones, the top of the text cards). The live map fills
 * the source with squares along those outlines once its camera has settled (components/live-map.ts, `framePoints`),
 * so that no label is placed across them: a label is either whole in view or not seen at all. The still images
 * keep their labels inside the image by their own bounds, so for them the source stays empty.
 */
export const frameKeepOut = {
  group: 'base' as const,
  build: () => ({
    sources: { frame: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } satisfies FeatureCollection } },
    layers: [keepOut('frame-keepout', 'frame', ['==', ['geometry-type'], 'Point'], FRAME_SQUARE)],
  }),
} satisfies LayerGroupModule;

export interface ScreenRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Screen points, one every `FRAME_STEP` px or closer, along the inside of the visible map `view` and along the outline
 * of each of the `covers` (the part inside the view), for `frameKeepOut`.
 */
export function framePoints(view: ScreenRect, covers: readonly ScreenRect[]): [number, number][] {
  // MapLibre's box of a square glyph is narrower than its size: the squares sit 2 px inside the view's edge and
  // on a cover's edge, so that each reaches across it.
  const inset = 2;
  const points: [number, number][] = [];
  const outline = (r: ScreenRect): void => {
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (w < 0 || h < 0) return;
    const nx = Math.max(1, Math.ceil(w / FRAME_STEP));
    const ny = Math.max(1, Math.ceil(h / FRAME_STEP));
    for (let i = 0; i <= nx; i++) {
      const x = r.x0 + (w * i) / nx;
      points.push([x, r.y0], [x, r.y1]);
    }
    for (let j = 1; j < ny; j++) {
      const y = r.y0 + (h * j) / ny;
      points.push([r.x0, y], [r.x1, y]);
    }
  };
  outline({ x0: view.x0 + inset, y0: view.y0 + inset, x1: view.x1 - inset, y1: view.y1 - inset });
  for (const c of covers) {
    // Only the part of a cover inside the view matters.
    const r = { x0: Math.max(c.x0, view.x0), y0: Math.max(c.y0, view.y0), x1: Math.min(c.x1, view.x1), y1: Math.min(c.y1, view.y1) };
    if (r.x1 <= r.x0 || r.y1 <= r.y0) continue;
    outline(r);
  }
  return points;
}
