import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map } from 'maplibre-gl';
import { DATA_FILES, dataFile, parseDataFile, type MapData } from '../../src/map/data.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { applyScene, visibleLayerIds } from '../../src/map/scene.ts';
import { isLayerShown, opacityProperties } from '../../src/map/layer-switch.ts';
import { loadStory } from '../../src/story/load-node.ts';

const data = Object.fromEntries(
  DATA_FILES.map((name) => [name, parseDataFile(name, JSON.parse(readFileSync(join('public', 'data', dataFile(name)), 'utf8')))]),
) as MapData;
const story = loadStory();

/** Just enough of a MapLibre map to record what a scene change asks of the style. */
function recordingMap(layers: LayerSpecification[]) {
  const layout = new globalThis.Map<string, unknown>();
  const paint = new globalThis.Map<string, unknown>();
  const relaidOut = new Set<string>();
  for (const l of layers) for (const [k, v] of Object.entries(('paint' in l && l.paint) || {})) paint.set(`${l.id}/${k}`, v);
  const fake = {
    getLayer: (id: string) => layers.find((l) => l.id === id),
    getLayoutProperty: (id: string, name: string) => layout.get(`${id}/${name}`),
    getPaintProperty: (id: string, name: string) => paint.get(`${id}/${name}`),
    // MapLibre lays out a layer's source again for a layout or filter change, not for a paint change.
    setLayoutProperty: (id: string, name: string, value: unknown) => {
      if (layout.get(`${id}/${name}`) === value) return;
      layout.set(`${id}/${name}`, value);
      relaidOut.add(id);
    },
    setPaintProperty: (id: string, name: string, value: unknown) => paint.set(`${id}/${name}`, value),
    setFilter: () => {},
    fitBounds: () => {},
    easeTo: () => {},
    getContainer: () => ({ clientWidth: 1280, clientHeight: 800 }),
  };
  return { map: fake as unknown as Map, relaidOut };
}

describe('showing and hiding layers at a step change', () => {
  const built = buildStyle({ data, lang: 'en' });
  const padding = { top: 40, right: 40, bottom: 40, left: 460 };

  it('shows exactly each scene’s layers, at their own opacity', () => {
    const { map } = recordingMap(built.style.layers);
    for (const step of story.steps) {
      applyScene(map, built.layers, step.scene, { animate: false, padding });
      const expected = new Set(visibleLayerIds(built.layers, step.scene));
      for (const { layer } of built.layers) {
        expect(isLayerShown(map, layer), `${step.id}: ${layer.id}`).toBe(expected.has(layer.id));
        if (!expected.has(layer.id)) continue;
        const own: Record<string, unknown> = 'paint' in layer && layer.paint ? layer.paint : {};
        for (const name of opacityProperties(layer)) expect(map.getPaintProperty(layer.id, name), `${step.id}: ${layer.id}`).toBe(own[name] ?? 1);
      }
    }
  });

  it('re-lays out only labels: fills, lines and dots are faded through paint', () => {
    const { map, relaidOut } = recordingMap(built.style.layers);
    for (const step of story.steps) applyScene(map, built.layers, step.scene, { animate: false, padding });
    const types = new Set([...relaidOut].map((id) => built.style.layers.find((l) => l.id === id)?.type));
    expect([...types]).toEqual(['symbol']);
    // The dimmed neighbours come and go without touching the countries' tiles.
    expect(story.steps.some((s) => s.scene.layers.includes('iraq-focus'))).toBe(true);
    expect(relaidOut.has('countries-dim')).toBe(false);
  });

  it('every opacity a scene switches is a plain number in the style, never a per-feature expression', () => {
    for (const layer of built.style.layers) {
      const own: Record<string, unknown> = 'paint' in layer && layer.paint ? layer.paint : {};
      for (const name of opacityProperties(layer)) expect(['number', 'undefined'], `${layer.id} ${name}`).toContain(typeof own[name]);
    }
  });
});
