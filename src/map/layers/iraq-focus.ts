import type { LayerGroupModule } from './types.ts';
import { theme } from '../theme.ts';

/** Syria and the neighbours dimmed, so Iraq stands out (under the country outlines). */
export const iraqFocus = {
  group: 'iraq-focus' as const,
  build: ({ data }) => ({
    sources: { countries: { type: 'geojson', data: data.countries } },
    layers: [
      {
        id: 'countries-dim',
        type: 'fill',
        source: 'countries',
        filter: ['!=', ['get', 'id'], 'iraq'],
        paint: { 'fill-color': theme.land.dim, 'fill-opacity': theme.land.dimOpacity },
      },
    ],
  }),
  legend: () => [{ label: 'keyDim', swatch: { kind: 'area', color: theme.land.dim } }],
} satisfies LayerGroupModule;
