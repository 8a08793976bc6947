import type { LayerContext, LayerModule } from './types.ts';

/** The Syria–Iraq border, drawn above the other country outlines. */
export function border({ data, theme }: LayerContext): LayerModule {
  return {
    sources: { border: { type: 'geojson', data: data.border } },
    layers: [
      {
        group: 'base',
        layer: {
          id: 'border-casing',
          type: 'line',
          source: 'border',
          layout: { 'line-join': 'round' },
          paint: { 'line-color': theme.border.casing, 'line-width': 4 },
        },
      },
      {
        group: 'base',
        layer: {
          id: 'border-line',
          type: 'line',
          source: 'border',
          layout: { 'line-join': 'round' },
          paint: { 'line-color': theme.border.line, 'line-width': 1.6, 'line-dasharray': [4, 1.5] },
        },
      },
    ],
  };
}
