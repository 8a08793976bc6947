import type { Map, PaddingOptions } from 'maplibre-gl';
import type { Scene } from '../story/types.ts';
import type { GroupedLayer } from './layers/types.ts';
import { HIGHLIGHT_LAYERS, highlightFilter } from './layers/places.ts';
import { sceneBounds } from './places.ts';

export interface SceneOptions {
  /** Fly the camera (false under reduced motion, on first load and on jumps far away). */
  animate: boolean;
  padding: PaddingOptions;
}

const CAMERA_MS = 1400;

/** Which layers a scene shows: base layers always, the others when their group is in the scene. */
export function visibleLayerIds(layers: GroupedLayer[], scene: Scene): string[] {
  return layers.filter((l) => l.group === 'base' || scene.layers.includes(l.group)).map((l) => l.layer.id);
}

function applyCamera(map: Map, scene: Scene, options: SceneOptions): void {
  const duration = options.animate ? CAMERA_MS : 0;
  const camera = scene.camera;
  switch (camera.kind) {
    case 'fit': {
      const bounds = sceneBounds(scene);
      if (bounds) map.fitBounds(bounds, { padding: options.padding, maxZoom: camera.maxZoom ?? 8, duration });
      return;
    }
    case 'view':
      map.easeTo({ center: camera.center, zoom: camera.zoom, padding: options.padding, duration });
      return;
    default: {
      const unknown: never = camera;
      throw new Error(`unknown camera ${JSON.stringify(unknown)}`);
    }
  }
}

/** Applies a scene whole: visibility, highlights and camera. The same scene always gives the same map. */
export function applyScene(map: Map, layers: GroupedLayer[], scene: Scene, options: SceneOptions): void {
  const visible = new Set(visibleLayerIds(layers, scene));
  for (const { layer } of layers) {
    if (map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'visibility', visible.has(layer.id) ? 'visible' : 'none');
  }
  for (const [id, highlighted] of Object.entries(HIGHLIGHT_LAYERS)) {
    if (map.getLayer(id)) map.setFilter(id, highlightFilter(scene.highlight, highlighted));
  }
  applyCamera(map, scene, options);
}
