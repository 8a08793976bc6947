import type { LayerSpecification, SourceSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { LayerGroup, Lang } from '../../story/types.ts';
import type { MapData } from '../data.ts';
import type { Theme } from '../theme.ts';

/** 'base' layers are always visible; the others follow the scene's layer groups. */
export type Group = LayerGroup | 'base';

export interface GroupedLayer {
  group: Group;
  layer: LayerSpecification;
}

export interface LayerModule {
  sources: Record<string, SourceSpecification>;
  layers: GroupedLayer[];
}

export interface LayerContext {
  data: MapData;
  lang: Lang;
  theme: Theme;
}

/** The label of a feature in the reader's language. */
export function nameField(lang: Lang, prop = 'name'): ExpressionSpecification {
  return ['get', `${prop}_${lang}`];
}

/** Letter-spacing is for Latin capitals only; Arabic letters must stay joined. */
export function letterSpacing(lang: Lang, value: number): number {
  return lang === 'ar' ? 0 : value;
}
