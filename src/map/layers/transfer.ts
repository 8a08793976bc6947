import type { LayerGroupModule } from './types.ts';
import { arrowDrawing, arrowLayers } from './arrows.ts';
import { theme } from '../theme.ts';
import { t } from '../../i18n/strings.ts';
import { anchorOffsets, REQUIRED_LABEL } from './label-anchors.ts';

const LABEL = 'arrows-transfer-label';

/** The transfer of detainees into Iraq: an arrow that ends just across the border, with no destination pin. */
export const transfer = {
  group: 'transfer' as const,
  build: ({ data, lang }) => ({
    sources: { arrows: { type: 'geojson', data: data.arrows, lineMetrics: true } },
    layers: [
      ...arrowLayers('transfer', theme.transfer.line),
      {
        id: LABEL,
        type: 'symbol',
        source: 'arrows',
        metadata: REQUIRED_LABEL,
        // Labelled at the arrowhead: the arrow ends somewhere in Iraq, not at a place.
        filter: ['all', ['==', ['get', 'kind'], 'transfer'], ['==', ['get', 'part'], 'head']],
        layout: {
          'text-field': t(lang, 'transferLabel'),
          'text-font': [...theme.fonts.bold],
          'text-size': 12,
          // Beside the arrowhead, on the first side free of other labels; further out when every near side is taken
          // (the arrowhead lies by the border, the trench and the places of the north-east).
          'text-variable-anchor-offset': [0.9, 2.4].flatMap((r) =>
            anchorOffsets(['top', 'top-left', 'left', 'bottom-left', 'bottom', 'top-right', 'right', 'bottom-right'], r),
          ),
          'text-max-width': 9,
        },
        paint: { 'text-color': theme.transfer.line, 'text-halo-color': theme.place.halo, 'text-halo-width': 1.8 },
      },
    ],
  }),
  legend: () => [{ label: 'keyTransfer', swatch: { kind: 'arrow', color: theme.transfer.line } }],
  drawing: { animation: 'draw-transfer' as const, lines: [arrowDrawing('transfer', theme.transfer.line, LABEL)] },
} satisfies LayerGroupModule;
