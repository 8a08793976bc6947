import type { LayerGroupModule } from './types.ts';
import { theme } from '../theme.ts';
import { letterSpacing, nameField } from './types.ts';

/** Country outlines and names. */
export const countries = {
  group: 'base' as const,
  build: ({ data, lang }) => ({
    sources: {
      countries: { type: 'geojson', data: data.countries },
      'country-labels': { type: 'geojson', data: data['country-labels'] },
    },
    layers: [
      {
        id: 'countries-outline',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': theme.land.outline, 'line-width': 0.8 },
      },
      {
        id: 'countries-label',
        type: 'symbol',
        source: 'country-labels',
        layout: {
          'text-field': lang === 'en' ? ['upcase', nameField(lang)] : nameField(lang),
          'text-font': [...theme.fonts.regular],
          'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 8, 16],
          'text-letter-spacing': letterSpacing(lang, 0.18),
          'text-allow-overlap': false,
        },
        paint: { 'text-color': theme.country.label, 'text-halo-color': theme.country.halo, 'text-halo-width': 1.5 },
      },
    ],
  }),
} satisfies LayerGroupModule;
