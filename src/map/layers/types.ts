import type { LayerSpecification, SourceSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Lang, PlaceId } from '../../story/types.ts';
import type { StringKey } from '../../i18n/strings.ts';
import type { MapData } from '../data.ts';

export interface LayerContext {
  data: MapData;
  lang: Lang;
}

/** How the key draws one symbol of the map. */
export type Swatch =
  | { kind: 'line'; color: string; dashed?: boolean; width?: number }
  | { kind: 'dot'; color: string; ring?: boolean }
  | { kind: 'area'; color: string }
  | { kind: 'arrow'; color: string };

export interface LegendItem {
  label: StringKey;
  swatch: Swatch;
}

/** A line that a drawing animation reveals from its start, with the head and label that appear when it is whole. */
export interface Drawable {
  line: string;
  head?: string;
  label?: string;
  color: string;
}

/**
 * One layer group of the map, described once: the scene group that shows it ('base': always shown), its sources
 * and layers (bottom to top), its entries in the key (top first), the drawing animation it plays, and the layers
 * whose filter follows the scene's highlighted places. `layers/index.ts` lists the groups bottom to top; everything
 * else (the style, the key, the animations, the highlights, the validator's lists, the still images) derives from it.
 */
export interface LayerGroupModule {
  readonly group: string;
  readonly build: (ctx: LayerContext) => { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] };
  readonly legend?: (highlight: readonly PlaceId[]) => LegendItem[];
  readonly drawing?: { readonly animation: string; readonly lines: readonly Drawable[] };
  readonly highlight?: Readonly<Record<string, boolean>>;
}

/** The label of a feature in the reader's language. */
export function nameField(lang: Lang, prop = 'name'): ExpressionSpecification {
  return ['get', `${prop}_${lang}`];
}

/** Letter-spacing is for Latin capitals only; Arabic letters must stay joined. */
export function letterSpacing(lang: Lang, value: number): number {
  return lang === 'ar' ? 0 : value;
}
