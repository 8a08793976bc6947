import type { Map, PaddingOptions } from 'maplibre-gl';
import type { Scene } from '../story/types.ts';
import { HIGHLIGHT_LAYERS, sceneFilter, visibleLayerIds, type GroupedLayer } from './layers/index.ts';
import { CAMERA_MS, fitMaxZoom, sceneBounds, viewSceneZoom } from './camera.ts';
import { showLayer } from './layer-switch.ts';

export { visibleLayerIds };

export interface SceneOptions {
  /** Fly the camera (false under reduced motion, on first load and on jumps far away). */
  animate: boolean;
  padding: Required<PaddingOptions>;
  /** A phone's map (see camera.ts `viewSceneZoom`). */
  compact?: boolean;
}

/** Moves the camera to a scene (and nothing else). */
export function applyCamera(map: Map, scene: Scene, options: SceneOptions): void {
  const duration = options.animate ? CAMERA_MS : 0;
  const camera = scene.camera;
  switch (camera.kind) {
    case 'fit': {
      const bounds = sceneBounds(scene);
      // absolutePadding: the scene's padding replaces whatever padding the previous camera left on the map,
      // so a step framed after a scroll, a jump or a deep link gets the same camera.
      if (bounds) map.fitBounds(bounds, { padding: options.padding, absolutePadding: true, maxZoom: fitMaxZoom(camera), duration });
      return;
    }
    case 'view': {
      const { clientWidth, clientHeight } = map.getContainer();
      const zoom = viewSceneZoom(camera.zoom, { width: clientWidth, height: clientHeight }, options.padding, options.compact);
      map.easeTo({ center: camera.center, zoom, padding: options.padding, duration });
      return;
    }
    default: {
      const unknown: never = camera;
      throw new Error(`unknown camera ${JSON.stringify(unknown)}`);
    }
  }
}

/** Applies a scene whole: visibility, highlights and camera. The same scene always gives the same map. */
export function applyScene(map: Map, layers: GroupedLayer[], scene: Scene, options: SceneOptions): void {
  const visible = new Set(visibleLayerIds(layers, scene));
  for (const { layer } of layers) showLayer(map, layer, visible.has(layer.id));
  for (const { layer } of layers) {
    if (HIGHLIGHT_LAYERS[layer.id] !== undefined && map.getLayer(layer.id)) map.setFilter(layer.id, sceneFilter(layer, scene));
  }
  applyCamera(map, scene, options);
}
