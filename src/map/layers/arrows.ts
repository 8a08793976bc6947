import type { LayerSpecification } from 'maplibre-gl';
import type { Drawable } from './types.ts';
import { revealGradient } from '../reveal.ts';

export type ArrowKind = 'convoy' | 'transfer';

/** Layer ids of one arrow kind: its shafts are revealed by the drawing animation, its heads appear at the end. */
export function arrowLayerIds(kind: ArrowKind): { shaft: string; head: string } {
  return { shaft: `arrows-${kind}-shaft`, head: `arrows-${kind}-head` };
}

/** The shafts and heads of one kind of arrow, from the shared arrows source. */
export function arrowLayers(kind: ArrowKind, color: string): LayerSpecification[] {
  const ids = arrowLayerIds(kind);
  return [
    {
      id: ids.shaft,
      type: 'line',
      source: 'arrows',
      filter: ['all', ['==', ['get', 'kind'], kind], ['==', ['get', 'part'], 'shaft']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-width': 3.5, 'line-gradient': revealGradient(color, 1) },
    },
    {
      id: ids.head,
      type: 'fill',
      source: 'arrows',
      filter: ['all', ['==', ['get', 'kind'], kind], ['==', ['get', 'part'], 'head']],
      paint: { 'fill-color': color, 'fill-opacity': 1 },
    },
  ];
}

/** What the drawing animation of one kind of arrow reveals. */
export function arrowDrawing(kind: ArrowKind, color: string, label?: string): Drawable {
  const ids = arrowLayerIds(kind);
  return { line: ids.shaft, head: ids.head, color, ...(label ? { label } : {}) };
}
