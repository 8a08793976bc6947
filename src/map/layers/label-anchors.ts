import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/** A label's position around its point, as MapLibre names it: the side of the text that touches the point. */
export type Anchor = 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** The direction, in ems, from the point to the text for each anchor (a corner is at 45°). */
const DIRECTION: Readonly<Record<Anchor, [number, number]>> = {
  left: [1, 0],
  right: [-1, 0],
  top: [0, 1],
  bottom: [0, -1],
  'top-left': [0.7, 0.7],
  'top-right': [-0.7, 0.7],
  'bottom-left': [0.7, -0.7],
  'bottom-right': [-0.7, -0.7],
};

/** A `text-variable-anchor-offset` value: the anchors in order of preference, each `r` ems from the point. */
export function anchorOffsets(anchors: readonly Anchor[], r: number): (string | [number, number])[] {
  return anchors.flatMap((a) => [a, [DIRECTION[a][0] * r, DIRECTION[a][1] * r] as [number, number]]);
}

/**
 * Where each place prefers its name, in order; MapLibre takes the first that is free (and so does the still image).
 * The three close places of the north-east (Hasakah north of Shaddadi, Al-Hol east of both, by the border) each
 * start on the side away from the other two; every place can still take any side, so none is ever left out.
 */
export const PLACE_ANCHORS: Readonly<Record<string, readonly Anchor[]>> = {
  hasakah: ['bottom', 'bottom-right', 'bottom-left', 'right', 'left', 'top-right', 'top-left', 'top'],
  shaddadi: ['top', 'top-right', 'right', 'top-left', 'left', 'bottom-right', 'bottom-left', 'bottom'],
  'al-hol': ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom', 'top-right', 'bottom-right'],
  raqqa: ['bottom', 'top', 'right', 'left', 'bottom-right', 'bottom-left', 'top-right', 'top-left'],
  'deir-ezzor': ['right', 'top-right', 'bottom', 'top', 'bottom-right', 'left', 'top-left', 'bottom-left'],
  mosul: ['bottom', 'top', 'left', 'right', 'bottom-left', 'bottom-right', 'top-left', 'top-right'],
};
const DEFAULT_ANCHORS: readonly Anchor[] = ['left', 'right', 'top', 'bottom', 'top-left', 'top-right', 'bottom-left', 'bottom-right'];

/** The places' anchors and offsets: `r` ems from a dot, `ring` ems from an approximate place's ring. */
export function placeAnchorOffsets(r: number, ring: number, approximate: ExpressionSpecification): ExpressionSpecification {
  // A `match` on the place's id, built as a list: its length depends on the table above.
  const byPlace = (radius: number): ExpressionSpecification =>
    [
      'match',
      ['get', 'id'],
      ...Object.entries(PLACE_ANCHORS).flatMap(([id, anchors]) => [id, ['literal', anchorOffsets(anchors, radius)]]),
      ['literal', anchorOffsets(DEFAULT_ANCHORS, radius)],
    ] as unknown as ExpressionSpecification;
  return ['case', approximate, byPlace(ring), byPlace(r)];
}

/**
 * A layer that draws nothing but keeps labels clear of what it covers: MapLibre places labels top layer first and
 * gives this one its place whatever it overlaps (it is above every label), so the labels placed after it move
 * aside. Points keep a square of `size` px clear; lines a run of small squares along them.
 */
export function keepOut(id: string, source: string, filter: ExpressionSpecification, size: number | ExpressionSpecification, line = false): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    filter,
    metadata: { 'map-story:keep-out': true },
    layout: {
      'text-field': '■',
      'text-font': ['Noto Sans', 'sans-serif'],
      'text-size': size,
      'text-allow-overlap': true,
      'text-padding': 0,
      ...(line ? { 'symbol-placement': 'line' as const, 'symbol-spacing': 6, 'text-max-angle': 180, 'text-keep-upright': false } : {}),
    },
    paint: { 'text-opacity': 0 },
  };
}
