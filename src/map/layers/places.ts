import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { PlaceId } from '../../story/types.ts';
import type { LayerGroupModule } from './types.ts';
import { nameField } from './types.ts';
import { theme } from '../theme.ts';
import { keepOut, placeAnchorOffsets, REQUIRED_LABEL } from './label-anchors.ts';

/** Every place drawn as a point (not an area). */
export const POINTS: ExpressionSpecification = ['!=', ['get', 'kind'], 'area'];
const APPROXIMATE: ExpressionSpecification = ['==', ['get', 'precision'], 'approximate'];

/** Filter for the highlighted places of a scene (or, negated, the others). */
export function highlightFilter(ids: readonly PlaceId[], highlighted: boolean): FilterSpecification {
  const inList: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...ids]]];
  return ['all', POINTS, highlighted ? inList : ['!', inList]];
}

/**
 * The six places. Exact-enough places are dots; an approximate place (Shaddadi prison, shown at the town)
 * is a hollow ring with a note under its name, so a reader sees it is not a precise location.
 *
 * Which names must be drawn (the cartographic rule the labels follow, and tests/e2e/labels.e2e.ts and
 * tests/unit/still-labels.unit.test.ts enforce): a scene's `highlight` places are what the step is about, so their
 * names are always drawn (`places-label-hl`, a required label: see `LABEL_TIER`), as are the trench's, the area's and
 * the transfer's labels whenever their layers show. The names of the other places are context (`places-label`):
 * they are placed after every required label and give way, so MapLibre (and the still image) may drop one that has
 * no free room. Any name that is drawn is whole, inside the map the reader sees and clear of every other label and
 * every place's dot or ring.
 */
export const places = {
  group: 'places' as const,
  build: ({ data, lang }) => {
    const label = (size: number): ExpressionSpecification => [
      'format',
      nameField(lang),
      { 'font-scale': 1 },
      ['case', APPROXIMATE, '\n', ''],
      {},
      ['case', APPROXIMATE, nameField(lang, 'note'), ''],
      { 'font-scale': size },
    ];
    const dot = (id: string, color: string, radius: number): LayerSpecification => ({
      id,
      type: 'circle' as const,
      source: 'places',
      filter: POINTS,
      paint: {
        'circle-color': ['case', APPROXIMATE, 'rgba(0,0,0,0)', color] as ExpressionSpecification,
        'circle-radius': ['case', APPROXIMATE, radius * 2.6, radius] as ExpressionSpecification,
        'circle-stroke-color': ['case', APPROXIMATE, theme.place.approximate, theme.place.halo] as ExpressionSpecification,
        'circle-stroke-width': ['case', APPROXIMATE, 2, 1.5] as ExpressionSpecification,
      },
    });
    const text = (id: string, font: readonly string[], size: number, color: string, required: boolean): LayerSpecification => ({
      id,
      type: 'symbol' as const,
      source: 'places',
      filter: POINTS,
      ...(required ? { metadata: REQUIRED_LABEL } : {}),
      layout: {
        'text-field': label(0.72),
        'text-font': [...font],
        'text-size': size,
        // Clear of the dot (0.9 em) or of the approximate place's wider ring (1.35 em), on the place's preferred side.
        'text-variable-anchor-offset': placeAnchorOffsets(0.9, 1.35, APPROXIMATE),
        'text-justify': 'auto' as const,
        // Short lines; an approximate place's note, under its name, in two lines rather than three.
        'text-max-width': ['case', APPROXIMATE, 12, 9] as ExpressionSpecification,
        // The short names first, the approximate place's, with its note the widest and the most movable, after them:
        // in a close cluster each short name still finds its side, and the long one takes the room that is left.
        'symbol-sort-key': ['case', APPROXIMATE, 1, 0] as ExpressionSpecification,
      },
      paint: { 'text-color': color, 'text-halo-color': theme.place.halo, 'text-halo-width': 1.6 },
    });
    return {
      sources: { places: { type: 'geojson', data: data.places } },
      layers: [
        dot('places-dot', theme.place.dot, 4),
        dot('places-dot-hl', theme.place.dotHighlight, 6),
        text('places-label', theme.fonts.regular, 13, theme.place.labelMuted, false),
        text('places-label-hl', theme.fonts.bold, 15, theme.place.label, true),
        // Above every label: no label covers a place's dot or ring (a square a little wider than each).
        keepOut('places-keepout', 'places', POINTS, ['case', APPROXIMATE, 24, 11]),
        keepOut('places-keepout-hl', 'places', POINTS, ['case', APPROXIMATE, 34, 14]),
      ],
    };
  },
  legend: (highlight) => [
    ...(highlight.length > 0 ? [{ label: 'keyHighlight', swatch: { kind: 'dot', color: theme.place.dotHighlight } } as const] : []),
    { label: 'keyPlace', swatch: { kind: 'dot', color: theme.place.dot } },
    { label: 'keyApproximate', swatch: { kind: 'dot', color: theme.place.approximate, ring: true } },
  ],
  // The plain layers show the places that are not highlighted; the -hl layers the highlighted ones.
  highlight: { 'places-dot': false, 'places-label': false, 'places-keepout': false, 'places-dot-hl': true, 'places-label-hl': true, 'places-keepout-hl': true },
} satisfies LayerGroupModule;
