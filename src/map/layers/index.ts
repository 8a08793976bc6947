import type { StyleSpecification } from 'maplibre-gl';
import type { GroupedLayer, LayerContext, LayerModule } from './types.ts';
import { countries } from './countries.ts';
import { rivers } from './rivers.ts';
import { border } from './border.ts';
import { areas } from './areas.ts';
import { trench } from './trench.ts';
import { arrows } from './arrows.ts';
import { places } from './places.ts';

/** Layer groups, bottom to top. */
const MODULES: ((ctx: LayerContext) => LayerModule)[] = [countries, rivers, border, areas, trench, arrows, places];

export interface BuiltStyle {
  style: StyleSpecification;
  /** Every layer with the group that decides its visibility. */
  layers: GroupedLayer[];
}

/** The whole MapLibre style, built in code: no tiles, no glyphs URL, no sprite; labels use the page's fonts. */
export function buildStyle(ctx: LayerContext): BuiltStyle {
  const modules = MODULES.map((make) => make(ctx));
  const layers = modules.flatMap((m) => m.layers);
  const style: StyleSpecification = {
    version: 8,
    name: 'map-story',
    sources: Object.assign({}, ...modules.map((m) => m.sources)),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': ctx.theme.background } },
      ...layers.map((l) => l.layer),
    ],
  };
  return { style, layers };
}
