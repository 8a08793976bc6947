import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { DATA_FILES, dataFile, parseDataFile, type MapData } from '../../src/map/data.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { theme } from '../../src/map/theme.ts';
import { PLACES } from '../../src/map/gazetteer.ts';
import { MAP_BOUNDS, sceneBounds, viewZoom } from '../../src/map/camera.ts';
import { visibleLayerIds } from '../../src/map/scene.ts';
import { legendItems } from '../../src/map/layers/index.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { LANGS, LAYER_GROUPS } from '../../src/story/types.ts';

const data = Object.fromEntries(
  DATA_FILES.map((name) => [name, parseDataFile(name, JSON.parse(readFileSync(join('public', 'data', dataFile(name)), 'utf8')))]),
) as MapData;
const story = loadStory();

describe('the map style', () => {
  for (const lang of LANGS) {
    it(`validates against the MapLibre style spec (${lang})`, () => {
      const { style } = buildStyle({ data, lang });
      expect(validateStyleMin(style)).toEqual([]);
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
    });
  }

  it('labels are symbol layers in the reader’s language, with no letter-spacing in Arabic', () => {
    const { style } = buildStyle({ data, lang: 'ar' });
    const labels = style.layers.filter((l) => l.type === 'symbol');
    expect(labels.length).toBeGreaterThanOrEqual(5);
    for (const layer of labels) {
      const layout = (layer.layout ?? {}) as Record<string, unknown>;
      expect(JSON.stringify(layout['text-field'])).not.toContain('_en');
      expect(layout['text-letter-spacing'] ?? 0).toBe(0);
    }
  });

  it('every colour in the style comes from the theme', () => {
    const colours = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value)) colours.add(value.toLowerCase());
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(theme);
    const themed = new Set(colours);
    colours.clear();
    walk(buildStyle({ data, lang: 'en' }).style.layers);
    for (const c of colours) expect(themed).toContain(c);
  });

  it('each layer group of the scenes has layers, and a scene shows only its groups', () => {
    const { layers } = buildStyle({ data, lang: 'en' });
    for (const group of LAYER_GROUPS) expect(layers.some((l) => l.group === group)).toBe(true);
    const trench = story.steps.find((s) => s.id === 'trench')!;
    const overview = story.steps[0]!;
    expect(visibleLayerIds(layers, trench.scene)).toContain('trench-line');
    expect(visibleLayerIds(layers, overview.scene)).not.toContain('trench-line');
    expect(visibleLayerIds(layers, overview.scene)).toContain('border-line');
  });
});

describe('scenes', () => {
  const [west, south, east, north] = MAP_BOUNDS;
  const inside = ([lon, lat]: [number, number]) => lon > west && lon < east && lat > south && lat < north;

  it('every place sits inside the map’s bounds', () => {
    for (const place of PLACES) expect(inside(place.coordinates), place.id).toBe(true);
  });

  for (const step of story.steps) {
    it(`step "${step.id}": its places exist and its camera frames the map's region`, () => {
      const ids = new Set(PLACES.map((p) => p.id));
      for (const id of step.scene.highlight) expect(ids.has(id), id).toBe(true);
      const camera = step.scene.camera;
      if (camera.kind === 'fit') {
        for (const id of camera.places) expect(ids.has(id), id).toBe(true);
        const bounds = sceneBounds(step.scene)!;
        expect(inside(bounds[0]) && inside(bounds[1])).toBe(true);
      } else {
        expect(inside(camera.center)).toBe(true);
      }
      expect(legendItems(step.scene).length).toBeGreaterThanOrEqual(2);
    });
  }

  it('a view camera zooms out on a smaller map and never zooms in past its zoom', () => {
    expect(viewZoom(6, 480, 580)).toBeCloseTo(6);
    expect(viewZoom(6, 240, 580)).toBeCloseTo(5);
    expect(viewZoom(6, 2000, 2000)).toBeCloseTo(6);
  });
});
