import type { LayerContext, LayerModule } from './types.ts';
import { letterSpacing, nameField } from './types.ts';

const FOCUS = ['syria', 'iraq'];

/** Land, with Syria and Iraq lighter than their neighbours, and country names. */
export function countries({ data, lang, theme }: LayerContext): LayerModule {
  return {
    sources: {
      countries: { type: 'geojson', data: data.countries },
      'country-labels': { type: 'geojson', data: data['country-labels'] },
    },
    layers: [
      {
        group: 'base',
        layer: {
          id: 'countries-fill',
          type: 'fill',
          source: 'countries',
          paint: {
            'fill-color': ['case', ['in', ['get', 'id'], ['literal', FOCUS]], theme.land.focus, theme.land.other],
          },
        },
      },
      {
        group: 'iraq-focus',
        layer: {
          id: 'countries-dim',
          type: 'fill',
          source: 'countries',
          filter: ['!=', ['get', 'id'], 'iraq'],
          paint: { 'fill-color': theme.land.dim, 'fill-opacity': theme.land.dimOpacity },
        },
      },
      {
        group: 'base',
        layer: {
          id: 'countries-outline',
          type: 'line',
          source: 'countries',
          paint: { 'line-color': theme.land.outline, 'line-width': 0.8 },
        },
      },
      {
        group: 'base',
        layer: {
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
          paint: {
            'text-color': theme.country.label,
            'text-halo-color': theme.country.halo,
            'text-halo-width': 1.5,
          },
        },
      },
    ],
  };
}
