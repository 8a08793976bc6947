import type { Feature } from 'geojson';
import type { LayerGroupModule } from './types.ts';
import { theme } from '../theme.ts';
import { t } from '../../i18n/strings.ts';
import { formatKm } from '../../i18n/format.ts';
import { revealGradient } from '../reveal.ts';
import { anchorOffsets, REQUIRED_LABEL } from './label-anchors.ts';

function numberProp(feature: Feature | undefined, key: string): number {
  const value = feature?.properties?.[key];
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * Iraq's trench, drawn schematically along the Iraqi side of the border (no public route exists).
 * Its label sets the claimed 620 km beside the border length measured from the map's own data.
 */
export const trench = {
  group: 'trench' as const,
  build: ({ data, lang }) => {
    const line = data.trench.features.find((f) => f.properties?.role === 'line');
    const claimed = formatKm(lang, numberProp(line, 'claimed_km'));
    const measured = formatKm(lang, Math.round(numberProp(line, 'border_km')));
    const text = [t(lang, 'trenchLabel'), t(lang, 'trenchClaim', { claimed }), t(lang, 'trenchMeasured', { measured })].join('\n');
    return {
      sources: { trench: { type: 'geojson', data: data.trench, lineMetrics: true } },
      layers: [
        {
          id: 'trench-line',
          type: 'line',
          source: 'trench',
          filter: ['==', ['get', 'role'], 'line'],
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-width': 4, 'line-gradient': revealGradient(theme.trench.line, 1) },
        },
        {
          id: 'trench-label',
          type: 'symbol',
          source: 'trench',
          metadata: REQUIRED_LABEL,
          filter: ['==', ['get', 'role'], 'label'],
          layout: {
            'text-field': text,
            'text-font': [...theme.fonts.bold],
            'text-size': 13,
            // Beside the line on the Iraqi side (east) first; lines start at the reading side: left in English,
            // right in Arabic.
            'text-variable-anchor-offset': anchorOffsets(['left', 'top-left', 'bottom-left', 'top', 'bottom', 'right'], 0.8),
            'text-justify': lang === 'ar' ? 'right' : 'left',
            // Shorter lines on a map zoomed out (a phone's), where the label has less room beside the line.
            'text-max-width': ['interpolate', ['linear'], ['zoom'], 5.2, 9, 5.6, 16],
          },
          paint: { 'text-color': theme.trench.label, 'text-halo-color': theme.trench.halo, 'text-halo-width': 2 },
        },
      ],
    };
  },
  legend: () => [{ label: 'keyTrench', swatch: { kind: 'line', color: theme.trench.line, width: 4 } }],
  drawing: { animation: 'draw-trench' as const, lines: [{ line: 'trench-line', color: theme.trench.line }] },
} satisfies LayerGroupModule;
