import type { LayerContext, LayerModule, GroupedLayer } from './types.ts';
import { t } from '../../i18n/strings.ts';
import { revealGradient } from '../reveal.ts';

type ArrowKind = 'convoy' | 'transfer';

/** Layer ids of one arrow kind: its shafts are revealed by the drawing animation, its heads appear at the end. */
export function arrowLayerIds(kind: ArrowKind): { shaft: string; head: string } {
  return { shaft: `arrows-${kind}-shaft`, head: `arrows-${kind}-head` };
}

/** Government convoys towards Hasakah and the transfer of detainees into Iraq (no destination pin). */
export function arrows({ data, lang, theme }: LayerContext): LayerModule {
  const of = (kind: ArrowKind, color: string): GroupedLayer[] => {
    const group = kind === 'convoy' ? 'convoys' : 'transfer';
    const ids = arrowLayerIds(kind);
    return [
      {
        group,
        layer: {
          id: ids.shaft,
          type: 'line',
          source: 'arrows',
          filter: ['all', ['==', ['get', 'kind'], kind], ['==', ['get', 'part'], 'shaft']],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-width': 3.5, 'line-gradient': revealGradient(color, 1) },
        },
      },
      {
        group,
        layer: {
          id: ids.head,
          type: 'fill',
          source: 'arrows',
          filter: ['all', ['==', ['get', 'kind'], kind], ['==', ['get', 'part'], 'head']],
          paint: { 'fill-color': color, 'fill-opacity': 1 },
        },
      },
    ];
  };
  return {
    sources: { arrows: { type: 'geojson', data: data.arrows, lineMetrics: true } },
    layers: [
      ...of('convoy', theme.convoy.line),
      ...of('transfer', theme.transfer.line),
      {
        group: 'transfer',
        layer: {
          id: 'arrows-transfer-label',
          type: 'symbol',
          source: 'arrows',
          // Labelled at the arrowhead: the arrow ends somewhere in Iraq, not at a place.
          filter: ['all', ['==', ['get', 'kind'], 'transfer'], ['==', ['get', 'part'], 'head']],
          layout: {
            'text-field': t(lang, 'transferLabel'),
            'text-font': [...theme.fonts.bold],
            'text-size': 12,
            'text-anchor': 'top',
            'text-offset': [0, 0.9],
            'text-max-width': 9,
            'text-allow-overlap': true,
          },
          paint: { 'text-color': theme.transfer.line, 'text-halo-color': theme.place.halo, 'text-halo-width': 1.8 },
        },
      },
    ],
  };
}
