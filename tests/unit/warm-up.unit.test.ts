import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { DATA_FILES, type MapData } from '../../src/map/data.ts';
import { buildStyle, HIGHLIGHT_LAYERS } from '../../src/map/layers/index.ts';
import { POINTS } from '../../src/map/layers/places.ts';
import { visibleLayerIds } from '../../src/map/scene.ts';
import { warmUpStyle } from '../../src/map/warm-up.ts';
import { loadStory } from '../../src/story/load-node.ts';

const data = Object.fromEntries(
  DATA_FILES.map((name) => [name, JSON.parse(readFileSync(join('public', 'data', `${name}.geojson`), 'utf8')) as FeatureCollection]),
) as MapData;
const story = loadStory();

describe('the warm-up frame: every layer drawn once, unseen, before the first scene', () => {
  it('is a valid style with every layer of every scene visible and every place in both place layers', () => {
    const built = buildStyle({ data, lang: 'en' });
    const style = warmUpStyle(built);
    expect(validateStyleMin(style)).toEqual([]);
    const visible = new Set(style.layers.filter((l) => l.type === 'background' || l.layout?.visibility === 'visible').map((l) => l.id));
    expect(visible.size).toBe(style.layers.length);
    // Every layer any step shows is in it, so no step draws a layer the warm-up has not.
    for (const step of story.steps) for (const id of visibleLayerIds(built.layers, step.scene)) expect(visible.has(id), `${step.id}: ${id}`).toBe(true);
    for (const id of Object.keys(HIGHLIGHT_LAYERS)) expect(style.layers.find((l) => l.id === id)).toMatchObject({ filter: POINTS });
    // The built style itself is left as it was.
    expect(built.style.layers.some((l) => l.type !== 'background' && l.layout?.visibility === 'visible')).toBe(false);
  });
});
