import type { StyleSpecification } from 'maplibre-gl';
import { HIGHLIGHT_LAYERS, type BuiltStyle } from './layers/index.ts';
import { POINTS } from './layers/places.ts';

/**
 * The style the live map first draws, unseen behind the still image: every layer shown, highlighted and plain
 * places alike. Drawing each layer once compiles every shader program the story uses while nobody is watching,
 * instead of the first time a step shows that layer, in the middle of its camera flight (a compile takes the page's
 * main thread for 100–300 ms on a software renderer). The map then takes its first scene and shows itself once
 * that is drawn.
 */
export function warmUpStyle(built: BuiltStyle): StyleSpecification {
  return {
    ...built.style,
    layers: built.style.layers.map((layer) => {
      if (layer.type === 'background') return layer;
      const shown = { ...layer, layout: { ...layer.layout, visibility: 'visible' } } as typeof layer;
      return HIGHLIGHT_LAYERS[layer.id] === undefined ? shown : { ...shown, filter: POINTS };
    }),
  };
}
