import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification, LayerSpecification, Map } from 'maplibre-gl';
import { DATA_FILES, dataFile, parseDataFile, type MapData } from '../../src/map/data.ts';
import { buildStyle, HIGHLIGHT_LAYERS, sceneFilter } from '../../src/map/layers/index.ts';
import { opacityProperties } from '../../src/map/layer-switch.ts';
import { POINTS } from '../../src/map/layers/places.ts';
import { visibleLayerIds } from '../../src/map/scene.ts';
import { endWarmUp, sceneStyle, warmUpHidden, WARM_OPACITY } from '../../src/map/warm-up.ts';
import { loadStory } from '../../src/story/load-node.ts';

const data = Object.fromEntries(
  DATA_FILES.map((name) => [name, parseDataFile(name, JSON.parse(readFileSync(join('public', 'data', dataFile(name)), 'utf8')))]),
) as MapData;
const story = loadStory();
const built = buildStyle({ data, lang: 'en' });

type Props = Record<string, unknown>;
/** The few Map methods the scene code calls, over a copy of a style's layers. */
function fakeMap(layers: readonly LayerSpecification[]): Map & { layer(id: string): LayerSpecification } {
  const byId = new globalThis.Map(
    layers.map((l) => [l.id, structuredClone(l) as LayerSpecification & { paint?: Props; layout?: Props; filter?: FilterSpecification }]),
  );
  const get = (id: string) => byId.get(id)!;
  return {
    layer: get,
    getLayer: (id: string) => byId.get(id),
    getPaintProperty: (id: string, name: string) => get(id).paint?.[name],
    setPaintProperty: (id: string, name: string, value: unknown) => void (get(id).paint = { ...get(id).paint, [name]: value }),
    getLayoutProperty: (id: string, name: string) => get(id).layout?.[name],
    setLayoutProperty: (id: string, name: string, value: unknown) => void (get(id).layout = { ...get(id).layout, [name]: value }),
    setFilter: (id: string, filter: FilterSpecification | undefined) => void (get(id).filter = filter),
  } as unknown as Map & { layer(id: string): LayerSpecification };
}

/** What a reader sees of a layer: drawn (and at what opacity), hidden, and its filter. */
interface Seen {
  visibility: unknown;
  opacity: unknown[];
  filter: unknown;
}
function seen(layer: LayerSpecification): Seen {
  const paint = ('paint' in layer ? layer.paint : {}) as Props;
  return {
    visibility: layer.layout?.visibility ?? 'visible',
    opacity: opacityProperties(layer).map((n) => paint[n] ?? 1),
    filter: 'filter' in layer ? layer.filter : undefined,
  };
}

describe('the live map’s first frames', () => {
  for (const step of story.steps) {
    it(`${step.id}: the map is created with the step’s scene, so it lays out and draws only that`, () => {
      const style = sceneStyle(built, step.scene);
      expect(validateStyleMin(style)).toEqual([]);
      const visible = new Set(visibleLayerIds(built.layers, step.scene));
      for (const layer of style.layers) {
        if (layer.type === 'background') continue;
        const drawn = layer.layout?.visibility !== 'none' && seen(layer).opacity.every((o) => o !== 0);
        expect(drawn, `${layer.id}`).toBe(visible.has(layer.id));
        if (HIGHLIGHT_LAYERS[layer.id] !== undefined) expect('filter' in layer && layer.filter).toEqual(sceneFilter(layer, step.scene));
      }
    });
  }

  it('then draws every hidden fill, line and dot layer once, unseen, and puts each back as the scene then showing has it', () => {
    const [first, later] = [story.steps[0]!, story.steps.at(-2)!];
    const map = fakeMap(sceneStyle(built, first.scene).layers);
    const warmed = warmUpHidden(map, built.layers);
    const faded = built.layers.filter(({ layer }) => opacityProperties(layer).length > 0);
    // Every fill, line and dot layer of the story is drawn now, the hidden ones at an opacity no pixel shows.
    for (const { layer } of faded) {
      const opacity = seen(map.layer(layer.id)).opacity;
      expect(
        opacity.every((o) => typeof o === 'number' && o > 0),
        layer.id,
      ).toBe(true);
    }
    expect(warmed.length).toBeGreaterThan(3);
    for (const { layer } of warmed) expect(seen(map.layer(layer.id)).opacity.every((o) => o === WARM_OPACITY)).toBe(true);
    for (const { layer } of warmed) if (HIGHLIGHT_LAYERS[layer.id] !== undefined) expect(seen(map.layer(layer.id)).filter).toEqual(POINTS);
    expect(WARM_OPACITY * 255).toBeLessThan(0.5);
    // The reader moved on meanwhile: the layers come back as that step has them.
    endWarmUp(map, built.layers, warmed, later.scene);
    const expected = sceneStyle(built, later.scene).layers;
    for (const { layer } of warmed) expect(seen(map.layer(layer.id)), layer.id).toEqual(seen(expected.find((l) => l.id === layer.id)!));
  });
});
