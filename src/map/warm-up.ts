import type { LayerSpecification, Map, StyleSpecification } from 'maplibre-gl';
import type { Scene } from '../story/types.ts';
import { HIGHLIGHT_LAYERS, sceneFilter, visibleLayerIds, type BuiltStyle, type GroupedLayer } from './layers/index.ts';
import { isLayerShown, opacityProperties, showLayer } from './layer-switch.ts';
import { POINTS } from './layers/places.ts';

/**
 * The opacity at which a hidden fill, line or dot layer is drawn once, to compile its shader program: low enough that
 * it changes no pixel (under half a step of an 8-bit channel), not 0, which MapLibre skips.
 */
export const WARM_OPACITY = 0.001;

/**
 * The style the live map is created with: the built style with a scene applied (what `applyScene` would set), so
 * that MapLibre lays out and draws that scene first and only once, with only the shader programs that scene needs.
 */
export function sceneStyle(built: BuiltStyle, scene: Scene): StyleSpecification {
  const visible = new Set(visibleLayerIds(built.layers, scene));
  return {
    ...built.style,
    layers: built.style.layers.map((layer): LayerSpecification => {
      if (layer.type === 'background') return layer;
      const filter = HIGHLIGHT_LAYERS[layer.id] !== undefined ? { filter: sceneFilter(layer, scene) } : {};
      const opacities = opacityProperties(layer);
      if (visible.has(layer.id)) return { ...layer, ...filter } as LayerSpecification;
      if (opacities.length === 0) return { ...layer, ...filter, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification;
      const paint = { ...('paint' in layer ? layer.paint : {}), ...Object.fromEntries(opacities.map((name) => [name, 0])) };
      return { ...layer, ...filter, paint } as LayerSpecification;
    }),
  };
}

/**
 * Once the first scene is on screen: draws every fill, line and dot layer that it hides once, at `WARM_OPACITY` (the
 * hidden highlighted dots with every place), so that each shader program the story uses is compiled while the reader
 * reads, not in the middle of a later step's camera flight (a compile takes 100–300 ms on a software renderer).
 * Labels are not among them: a transparent label would still push others away, and the first scene's labels have
 * compiled the label programs. Returns the layers it changed; `endWarmUp` puts them back as the scene then showing
 * wants them.
 */
export function warmUpHidden(map: Map, layers: readonly GroupedLayer[]): GroupedLayer[] {
  const warmed = layers.filter(({ layer }) => opacityProperties(layer).length > 0 && !isLayerShown(map, layer));
  for (const { layer } of warmed) {
    if (HIGHLIGHT_LAYERS[layer.id] !== undefined) map.setFilter(layer.id, POINTS);
    for (const name of opacityProperties(layer)) map.setPaintProperty(layer.id, name, WARM_OPACITY);
  }
  return warmed;
}

/** Puts the layers `warmUpHidden` drew back as `scene` has them. */
export function endWarmUp(map: Map, layers: readonly GroupedLayer[], warmed: readonly GroupedLayer[], scene: Scene): void {
  const visible = new Set(visibleLayerIds(layers, scene));
  for (const { layer } of warmed) {
    if (HIGHLIGHT_LAYERS[layer.id] !== undefined) map.setFilter(layer.id, sceneFilter(layer, scene));
    showLayer(map, layer, visible.has(layer.id));
  }
}
