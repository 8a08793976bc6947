import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { PlaceId } from '../../story/types.ts';
import type { Drawable, LayerContext, LayerGroupModule, LegendItem } from './types.ts';
import { theme } from '../theme.ts';
import { land } from './land.ts';
import { iraqFocus } from './iraq-focus.ts';
import { countries } from './countries.ts';
import { rivers } from './rivers.ts';
import { border } from './border.ts';
import { mosulDesert } from './areas.ts';
import { trench } from './trench.ts';
import { convoys } from './convoys.ts';
import { transfer } from './transfer.ts';
import { highlightFilter, places } from './places.ts';
import { frameKeepOut, trenchKeepOut } from './keep-out.ts';
import { KEEP_OUT, LABEL_TIER } from './label-anchors.ts';

/** The map's layer groups, bottom to top. The style, the key, the animations and the content's lists follow. */
export const GROUPS = [land, iraqFocus, countries, rivers, border, mosulDesert, trench, convoys, transfer, places, trenchKeepOut, frameKeepOut] as const;

type Module = (typeof GROUPS)[number];
/** The groups a scene can show (the others, 'base', are always shown). */
export type LayerGroup = Exclude<Module['group'], 'base'>;
export type Group = Module['group'];
export type DrawingAnimation = Extract<Module, { drawing: unknown }>['drawing']['animation'];

const isSceneGroup = (g: Group): g is LayerGroup => g !== 'base';
const modules: readonly LayerGroupModule[] = GROUPS;

/** The scene groups, for the content validator. */
export const LAYER_GROUPS: readonly LayerGroup[] = [...new Set(GROUPS.map((m) => m.group).filter(isSceneGroup))];
/** The drawing animations, 'none' first, for the content validator. */
export const ANIMATIONS: readonly ('none' | DrawingAnimation)[] = ['none', ...GROUPS.flatMap((m) => ('drawing' in m ? [m.drawing.animation] : []))];

export interface GroupedLayer {
  group: Group;
  layer: LayerSpecification;
}

export interface BuiltStyle {
  style: StyleSpecification;
  /** Every layer with the group that decides its visibility, bottom to top. */
  layers: GroupedLayer[];
}

/**
 * Where a layer stands in the style: every shape (fill, line, circle) first, in the groups' order; then the labels
 * by tier. MapLibre places labels top layer first, and a label placed earlier wins a collision, so the tiers are the
 * labels' priority: context labels (country and river names, the names of places the scene does not highlight)
 * at the bottom, so that they give way to every other; the labels a scene must show (the highlighted places' names,
 * the trench's, the area's, the transfer's: see `LABEL_TIER`) above them, a label with a single position (the area's)
 * above those that can take another side; and the keep-out layers that reserve the
 * places' markers and the trench line (`keepOut`) on top, placed first of all. The still images place their labels
 * in the same order (static/render-svg.ts).
 */
export function layerRank(layer: LayerSpecification): number {
  if (layer.type !== 'symbol') return 0;
  const metadata = (layer.metadata ?? {}) as Record<string, unknown>;
  if (metadata[KEEP_OUT]) return 3;
  if (metadata[LABEL_TIER] !== 'required') return 1;
  // A required label with one place (the area's, at the area) before those that can move round their point.
  const layout = (layer.layout ?? {}) as Record<string, unknown>;
  const movable = 'text-variable-anchor-offset' in layout || 'text-variable-anchor' in layout || layout['symbol-placement'] === 'line';
  return movable ? 2 : 2.5;
}

/** The whole MapLibre style, built in code: no tiles, no glyphs URL, no sprite; labels use the page's fonts. */
export function buildStyle(ctx: LayerContext): BuiltStyle {
  const built = GROUPS.map((m) => ({ group: m.group, ...m.build(ctx) }));
  // A stable sort: within a rank, the groups' order (bottom to top) is kept.
  const layers = built.flatMap((b) => b.layers.map((layer) => ({ group: b.group, layer }))).sort((a, b) => layerRank(a.layer) - layerRank(b.layer));
  const style: StyleSpecification = {
    version: 8,
    name: 'map-story',
    sources: Object.assign({}, ...built.map((b) => b.sources)),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': theme.background } }, ...layers.map((l) => l.layer)],
  };
  return { style, layers };
}

/** What a scene shows, as the groups it names. */
export interface SceneGroups {
  layers: readonly LayerGroup[];
  highlight: readonly PlaceId[];
}

const shown = (m: LayerGroupModule, scene: SceneGroups): boolean => m.group === 'base' || (scene.layers as readonly string[]).includes(m.group);

/** The key for a scene: what its visible symbols mean, top layer first. */
export function legendItems(scene: SceneGroups): LegendItem[] {
  return [...modules].reverse().flatMap((m) => (shown(m, scene) && m.legend ? m.legend(scene.highlight) : []));
}

/** What each drawing animation reveals. */
export const DRAWINGS: Readonly<Record<string, readonly Drawable[]>> = Object.fromEntries(
  modules.flatMap((m) => (m.drawing ? [[m.drawing.animation, m.drawing.lines]] : [])),
);

/** Layers whose filter follows the scene's highlighted places: true for the layers of the highlighted ones. */
export const HIGHLIGHT_LAYERS: Readonly<Record<string, boolean>> = Object.assign({}, ...modules.map((m) => m.highlight ?? {}));

/** Which layers a scene shows: base layers always, the others when their group is in the scene. */
export function visibleLayerIds(layers: readonly GroupedLayer[], scene: SceneGroups): string[] {
  return layers.filter((l) => l.group === 'base' || (scene.layers as readonly string[]).includes(l.group)).map((l) => l.layer.id);
}

/** The filter a scene gives a layer: a highlight layer's follows the scene's places; others keep their own. */
export function sceneFilter(layer: LayerSpecification, scene: SceneGroups): FilterSpecification | undefined {
  const highlighted = HIGHLIGHT_LAYERS[layer.id];
  if (highlighted !== undefined) return highlightFilter(scene.highlight, highlighted);
  return 'filter' in layer ? layer.filter : undefined;
}
