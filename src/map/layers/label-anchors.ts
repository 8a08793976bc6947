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

/**
 * A `text-variable-anchor-offset` value: the anchors in order of preference, each `r` ems from the point; a corner
 * `corner` × `r` ems along each axis (0.7: on the circle of radius `r`; 1: on the square of side 2 `r`, which clears a
 * square keep-out of that size).
 */
export function anchorOffsets(anchors: readonly Anchor[], r: number, corner = 0.7): (string | [number, number])[] {
  return anchors.flatMap((a) => {
    const [dx, dy] = DIRECTION[a];
    const k = dx !== 0 && dy !== 0 ? corner / 0.7 : 1;
    return [a, [dx * r * k, dy * r * k] as [number, number]];
  });
}

/**
 * After the eight positions, the two beside the point again, each nudged `shift` ems down and up: a name still
 * finds room in a narrow gap between two neighbours above and below it.
 */
function nudged(r: number, shift: number): (string | [number, number])[] {
  return (['right', 'left'] as const).flatMap((a) => [
    a,
    [DIRECTION[a][0] * r, shift] as [number, number],
    a,
    [DIRECTION[a][0] * r, -shift] as [number, number],
  ]);
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

/**
 * The places' anchors and offsets: `r` ems from a dot, `ring` ems from an approximate place's ring. A ring's keep-out
 * square is large beside the text, so its corners are set on that square (`corner` 1), not on the circle.
 */
export function placeAnchorOffsets(r: number, ring: number, approximate: ExpressionSpecification): ExpressionSpecification {
  // A `match` on the place's id, built as a list: its length depends on the table above.
  const byPlace = (radius: number, corner: number): ExpressionSpecification =>
    [
      'match',
      ['get', 'id'],
      ...Object.entries(PLACE_ANCHORS).flatMap(([id, anchors]) => [id, ['literal', [...anchorOffsets(anchors, radius, corner), ...nudged(radius, 0.45)]]]),
      ['literal', [...anchorOffsets(DEFAULT_ANCHORS, radius, corner), ...nudged(radius, 0.45)]],
    ] as unknown as ExpressionSpecification;
  return ['case', approximate, byPlace(ring, 1), byPlace(r, 0.7)];
}

/** Metadata key of a keep-out layer (`keepOut`). */
export const KEEP_OUT = 'map-story:keep-out';

/**
 * Metadata key of a label layer's tier: `required` for the labels a scene must show whenever their layer shows (the
 * highlighted places' names, the trench's, the area's, the transfer's); any other label is a context label, which
 * MapLibre (and the still image) may drop when it has no free room. layers/index.ts `layerRank` orders them.
 */
export const LABEL_TIER = 'map-story:label-tier';

/** The metadata of a label layer the scene must show. */
export const REQUIRED_LABEL = { [LABEL_TIER]: 'required' } as const;

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
    metadata: { [KEEP_OUT]: true },
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
