import type { LayerContext, LayerModule } from './types.ts';
import { nameField } from './types.ts';
import { t } from '../../i18n/strings.ts';

/** The Mosul desert: an approximate area with a dashed edge, never a pin. */
export function areas({ data, lang, theme }: LayerContext): LayerModule {
  return {
    sources: { areas: { type: 'geojson', data: data.areas } },
    layers: [
      {
        group: 'mosul-desert',
        layer: {
          id: 'areas-fill',
          type: 'fill',
          source: 'areas',
          paint: { 'fill-color': theme.area.fill, 'fill-opacity': theme.area.fillOpacity },
        },
      },
      {
        group: 'mosul-desert',
        layer: {
          id: 'areas-outline',
          type: 'line',
          source: 'areas',
          paint: { 'line-color': theme.area.outline, 'line-width': 1.5, 'line-dasharray': [2, 2] },
        },
      },
      {
        group: 'mosul-desert',
        layer: {
          id: 'areas-label',
          type: 'symbol',
          source: 'areas',
          layout: {
            'text-field': [
              'format',
              nameField(lang),
              { 'font-scale': 1 },
              '\n',
              {},
              t(lang, 'approximateArea'),
              { 'font-scale': 0.75 },
            ],
            'text-font': [...theme.fonts.bold],
            'text-size': 14,
            'text-max-width': 10,
          },
          paint: { 'text-color': theme.place.approximate, 'text-halo-color': theme.place.halo, 'text-halo-width': 1.6 },
        },
      },
    ],
  };
}
