import type { StyleSpecification } from 'maplibre-gl';
import type { Scene } from '../story/types.ts';
import type { BuiltStyle } from './layers/index.ts';
import { HIGHLIGHT_LAYERS, highlightFilter } from './layers/places.ts';
import { visibleLayerIds } from './scene.ts';

/**
 * The style with a scene's layer visibility and highlighted places written in, so the map's first tiles are laid
 * out for the scene it opens on. Applying the same scene once loaded then changes nothing, where it would otherwise
 * make MapLibre lay every tile out a second time before the first complete frame.
 */
export function styleForScene(built: BuiltStyle, scene: Scene): StyleSpecification {
  const visible = new Set(visibleLayerIds(built.layers, scene));
  const highlight: Readonly<Record<string, boolean>> = HIGHLIGHT_LAYERS;
  return {
    ...built.style,
    layers: built.style.layers.map((layer) => {
      if (layer.type === 'background') return layer;
      const withVisibility = { ...layer, layout: { ...layer.layout, visibility: visible.has(layer.id) ? 'visible' : 'none' } } as typeof layer;
      const highlighted = highlight[layer.id];
      return highlighted === undefined ? withVisibility : { ...withVisibility, filter: highlightFilter(scene.highlight, highlighted) };
    }),
  };
}
