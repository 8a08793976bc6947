import type { LayerSpecification, Map } from 'maplibre-gl';

/** The paint properties that fade a layer out, by layer type. */
const OPACITY = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
} as const;

type FadedType = keyof typeof OPACITY;
type Opacity = (typeof OPACITY)[FadedType][number];

function fadedType(layer: LayerSpecification): FadedType | null {
  return layer.type === 'fill' || layer.type === 'line' || layer.type === 'circle' ? layer.type : null;
}

/**
 * A layer's own value for one of its opacity properties: 1 where its style leaves it unset. The story's styles give
 * these as plain numbers (tests/unit/layer-switch.unit.test.ts checks it): an opacity that varied by feature would
 * make MapLibre lay out the source again at each change.
 */
function ownOpacity(layer: LayerSpecification, name: Opacity): number {
  const paint: Readonly<Record<string, unknown>> = 'paint' in layer && layer.paint ? layer.paint : {};
  const value = paint[name];
  return typeof value === 'number' ? value : 1;
}

/**
 * Shows or hides one layer of the story's style.
 *
 * Fills, lines and dots are hidden by setting their opacity to 0. MapLibre skips drawing them, and a paint change
 * leaves their source's tiles as they are. Changing `visibility` instead would make MapLibre lay out every tile of
 * the source again, in the middle of the camera flight that follows a step change; traced, those reloads sat in the
 * longest main-thread tasks of a scroll through the story.
 *
 * Labels keep `visibility`. A label that is only transparent still takes its place in label placement and would
 * push other labels away.
 */
export function showLayer(map: Map, layer: LayerSpecification, shown: boolean): void {
  if (!map.getLayer(layer.id)) return;
  const type = fadedType(layer);
  if (!type) {
    if (layer.type !== 'background') map.setLayoutProperty(layer.id, 'visibility', shown ? 'visible' : 'none');
    return;
  }
  for (const name of OPACITY[type]) map.setPaintProperty(layer.id, name, shown ? ownOpacity(layer, name) : 0);
}

/** Whether a layer is drawn, read back from the map by the same rules. */
export function isLayerShown(map: Map, layer: LayerSpecification): boolean {
  if (map.getLayoutProperty(layer.id, 'visibility') === 'none') return false;
  const type = fadedType(layer);
  return !type || OPACITY[type].some((name) => map.getPaintProperty(layer.id, name) !== 0);
}

/** The opacity properties a layer is shown and hidden with (none for labels and the background). */
export function opacityProperties(layer: LayerSpecification): readonly Opacity[] {
  const type = fadedType(layer);
  return type ? OPACITY[type] : [];
}
