import type { LayerGroupModule } from './types.ts';
import { letterSpacing, nameField } from './types.ts';
import { theme } from '../theme.ts';

/** Euphrates, Khabur and Tigris, for orientation, named along their course. */
export const rivers = {
  group: 'base' as const,
  build: ({ data, lang }) => ({
    sources: { rivers: { type: 'geojson', data: data.rivers } },
    layers: [
      {
        id: 'rivers-line',
        type: 'line',
        source: 'rivers',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': theme.river.line,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', ['==', ['get', 'id'], 'khabur'], 1, 1.6], 9, 3],
        },
      },
      {
        id: 'rivers-label',
        type: 'symbol',
        source: 'rivers',
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 260,
          'text-field': nameField(lang),
          'text-font': [...theme.fonts.regular],
          'text-size': 12,
          'text-letter-spacing': letterSpacing(lang, 0.05),
          'text-max-angle': 30,
        },
        paint: { 'text-color': theme.river.label, 'text-halo-color': theme.river.halo, 'text-halo-width': 1.5 },
      },
    ],
  }),
  legend: () => [{ label: 'keyRiver', swatch: { kind: 'line', color: theme.river.line, width: 2.5 } }],
} satisfies LayerGroupModule;
