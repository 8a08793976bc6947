import type { LayerGroupModule } from './types.ts';
import { theme } from '../theme.ts';

/** The Syria–Iraq border, drawn above the other country outlines. */
export const border = {
  group: 'base' as const,
  build: ({ data }) => ({
    sources: { border: { type: 'geojson', data: data.border } },
    layers: [
      {
        id: 'border-casing',
        type: 'line',
        source: 'border',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.border.casing, 'line-width': 4 },
      },
      {
        id: 'border-line',
        type: 'line',
        source: 'border',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.border.line, 'line-width': 1.6, 'line-dasharray': [4, 1.5] },
      },
    ],
  }),
  legend: () => [{ label: 'keyBorder', swatch: { kind: 'line', color: theme.border.line, dashed: true } }],
} satisfies LayerGroupModule;
