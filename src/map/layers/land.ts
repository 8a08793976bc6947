import type { LayerGroupModule } from './types.ts';
import { theme } from '../theme.ts';

const FOCUS = ['syria', 'iraq'];

/** Land, with Syria and Iraq lighter than their neighbours. */
export const land = {
  group: 'base' as const,
  build: ({ data }) => ({
    sources: { countries: { type: 'geojson', data: data.countries } },
    layers: [
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['in', ['get', 'id'], ['literal', FOCUS]], theme.land.focus, theme.land.other] },
      },
    ],
  }),
} satisfies LayerGroupModule;
