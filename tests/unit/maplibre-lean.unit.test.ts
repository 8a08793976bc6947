import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, dataFile, parseDataFile, type MapData } from '../../src/map/data.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { leftOut, leanModules } from '../../scripts/vite/maplibre-lean.ts';
import { MAPLIBRE_SRC, mapLibreBuild } from '../../scripts/vite/maplibre.ts';

const data = Object.fromEntries(
  DATA_FILES.map((name) => [name, parseDataFile(name, JSON.parse(readFileSync(join('public', 'data', dataFile(name)), 'utf8')))]),
) as MapData;

describe('the MapLibre build leaves out only what the story’s style never uses', () => {
  for (const lang of ['en', 'ar'] as const) {
    const built = buildStyle({ data, lang });
    // The built style has every layer of every scene (each scene hides some), so it is all the map can ever draw.
    const style = built.style;

    it(`${lang}: no source kind of the style is left out`, () => {
      const kinds = new Set(Object.values(style.sources).map((s) => s.type));
      expect([...kinds]).toEqual(['geojson']);
      for (const kind of kinds) expect(leftOut.sources).not.toContain(kind);
    });

    it(`${lang}: no layer uses an expression the build leaves out`, () => {
      const operators = JSON.stringify(style.layers).match(/\["(distance|within)"/g) ?? [];
      expect(operators).toEqual([]);
    });

    it(`${lang}: no layer kind of the style is left out, and no layer uses a pattern`, () => {
      const kinds = new Set(style.layers.map((l) => l.type));
      expect(kinds.size).toBeGreaterThan(3);
      for (const kind of kinds) expect(leftOut.layers as readonly string[]).not.toContain(kind);
      const patterns = style.layers.flatMap((l) => Object.keys({ ...l.paint }).filter((k) => k.endsWith('-pattern')));
      expect(patterns).toEqual([]);
    });

    it(`${lang}: the style is Mercator with no terrain, sky or globe`, () => {
      expect(style.projection === undefined || style.projection.type === 'mercator').toBe(true);
      expect(style.terrain).toBeUndefined();
    });
  }

  it('stands in for every module it names, each found in the pinned MapLibre sources', () => {
    const lean = leanModules(MAPLIBRE_SRC);
    expect(lean(join(MAPLIBRE_SRC, 'source/raster_tile_source.ts'))).toMatch(/leaves out raster sources[\s\S]*class RasterTileSource/);
    expect(lean(join(MAPLIBRE_SRC, 'shaders/glsl/heatmap.fragment.glsl.g.ts'))).toBe("export default '';");
    expect(lean(join(MAPLIBRE_SRC, 'style/validate_style.ts'))).toMatch(/export const validateStyle = /);
    const spec = join(MAPLIBRE_SRC, '..', '..', '@maplibre', 'maplibre-gl-style-spec', 'dist', 'expression', 'definitions');
    expect(lean(join(spec, 'distance.mjs'))).toMatch(/leaves out the 'distance' expression/);
    expect(lean(join(spec, 'interpolate.mjs'))).toBeNull();
    // What the story draws with is MapLibre's own code.
    expect(lean(join(MAPLIBRE_SRC, 'source/geojson_source.ts'))).toBeNull();
    expect(lean(join(MAPLIBRE_SRC, 'shaders/glsl/line_gradient.fragment.glsl.g.ts'))).toBeNull();
  });

  it('is chosen by one setting, and refuses a value it does not know', () => {
    expect(mapLibreBuild({})).toBe('src');
    expect(mapLibreBuild({ MAPLIBRE_BUILD: 'dist' })).toBe('dist');
    expect(() => mapLibreBuild({ MAPLIBRE_BUILD: 'cdn' })).toThrow(/MAPLIBRE_BUILD must be "src" or "dist"/);
  });
});
