import type { LayerGroupModule } from './types.ts';
import { nameField } from './types.ts';
import { theme } from '../theme.ts';
import { t } from '../../i18n/strings.ts';
import { REQUIRED_LABEL } from './label-anchors.ts';

/** The Mosul desert: an approximate area with a dashed edge, never a pin. */
export const mosulDesert = {
  group: 'mosul-desert' as const,
  build: ({ data, lang }) => ({
    sources: { areas: { type: 'geojson', data: data.areas } },
    layers: [
      {
        id: 'areas-fill',
        type: 'fill',
        source: 'areas',
        paint: { 'fill-color': theme.area.fill, 'fill-opacity': theme.area.fillOpacity },
      },
      {
        id: 'areas-outline',
        type: 'line',
        source: 'areas',
        paint: { 'line-color': theme.area.outline, 'line-width': 1.5, 'line-dasharray': [2, 2] },
      },
      {
        id: 'areas-label',
        type: 'symbol',
        source: 'areas',
        metadata: REQUIRED_LABEL,
        layout: {
          'text-field': ['format', nameField(lang), { 'font-scale': 1 }, '\n', {}, t(lang, 'approximateArea'), { 'font-scale': 0.75 }],
          'text-font': [...theme.fonts.bold],
          'text-size': 14,
          'text-max-width': 10,
        },
        paint: { 'text-color': theme.place.approximate, 'text-halo-color': theme.place.halo, 'text-halo-width': 1.6 },
      },
    ],
  }),
  legend: () => [{ label: 'keyArea', swatch: { kind: 'area', color: theme.area.outline } }],
} satisfies LayerGroupModule;
