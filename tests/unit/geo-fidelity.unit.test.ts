// The derived geography keeps as much detail as the story's deepest zoom can show, and no less: the zoom and the error
// bound (geo/simplify.mjs) against the camera (src/map/camera.ts), the shipped lines against the full-resolution
// source, the countries' shared borders, and the border's length measured on the source, not on the drawn lines.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { mesh } from 'topojson-client';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fitMaxZoom, frameScene, mapPadding, mercatorX, mercatorY, worldSize, type Size } from '../../src/map/camera.ts';
import { STATIC_SIZE } from '../../src/map/static/frame.ts';
import { dataFile, parseDataFile, type DataName } from '../../src/map/data.ts';
import { loadStory } from '../../src/story/load-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
type Props = Record<string, unknown>;
type Bbox = [number, number, number, number];
interface Grid {
  step: [number, number];
  origin: [number, number];
}

// geo/ is plain JavaScript without declarations: its modules are imported with the types used here.
const simplify = (await import('../../geo/simplify.mjs' as string)) as {
  DEEPEST_ZOOM: number;
  MAX_DPR: number;
  MAX_ERROR_PX: number;
  SIMPLIFY_PX: number;
  DECIMALS: number;
  quantError: (step: [number, number], northLat: number) => number;
};
const geoCountries = (await import('../../geo/countries.mjs' as string)) as {
  COUNTRY_BBOX: Bbox;
  loadTopology: (name: string) => Topology;
  countryGrid: (topology: Topology) => Grid;
  buildCountries: (topology: Topology) => Feature[];
  buildBorder: (topology: Topology) => { line: Feature<LineString>; km: number };
};
const geoRivers = (await import('../../geo/rivers.mjs' as string)) as {
  RIVER_BBOX: Bbox;
  RIVER_GRID: Grid;
  readRaw: (refresh: boolean) => string;
  buildRivers: (raw: string) => { features: Feature[] };
};
const { topoJson } = (await import('../../geo/topology.mjs' as string)) as {
  topoJson: (name: string, features: Feature[], grid: Grid, tolerance?: number) => string;
};
const geoBuild = (await import('../../geo/build.mjs' as string)) as { buildAll: (o: { tolerance?: number }) => { files: Map<string, string> } };

const { DEEPEST_ZOOM, MAX_DPR, MAX_ERROR_PX, SIMPLIFY_PX } = simplify;
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'public/data', name), 'utf8'));
const shipped = (name: DataName): FeatureCollection => parseDataFile(name, readJson(dataFile(name)));
const source = geoCountries.loadTopology('countries-10m.json');

/** A position in CSS px at the deepest zoom, projected as camera.ts (and so MapLibre and the still images) projects it. */
const WORLD = worldSize(DEEPEST_ZOOM);
const px = (p: Position): [number, number] => [mercatorX(p[0] ?? 0) * WORLD, mercatorY(p[1] ?? 0) * WORLD];
/** Metres per CSS px at the deepest zoom at a latitude. */
const metresPerPx = (lat: number): number => (40075016.686 * Math.cos((lat * Math.PI) / 180)) / WORLD;

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** The lines and rings of a feature. */
function parts(f: Feature): Position[][] {
  const g = f.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  if (g.type === 'LineString') return [g.coordinates];
  return [];
}

/** Distance in px from a position to the nearest of some lines (in px). */
function toLines(p: [number, number], lines: [number, number][][]): number {
  let best = Infinity;
  for (const line of lines) for (let i = 1; i < line.length; i += 1) best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
  return best;
}

/**
 * The largest distance, in CSS px at the deepest zoom, between two sets of features matched by id: from every vertex of
 * each to the other's lines, and from the midpoints of the derived segments to the source's.
 */
function maxError(derived: Feature[], full: Feature[]): { px: number; metres: number; at: Position } {
  let worst = { px: 0, metres: 0, at: [0, 0] as Position };
  for (const f of full) {
    const d = derived.find((g) => g.properties?.id === f.properties?.id);
    if (!d) throw new Error(`no derived feature ${String(f.properties?.id)}`);
    const [fullLines, derivedLines] = [parts(f), parts(d)].map((ls) => ls.map((l) => l.map(px)));
    const midpoints = parts(d).flatMap((l) => l.slice(1).map((p, i): Position => [((l[i]![0] ?? 0) + (p[0] ?? 0)) / 2, ((l[i]![1] ?? 0) + (p[1] ?? 0)) / 2]));
    const probes: [Position, [number, number][][]][] = [
      ...parts(f)
        .flat()
        .map((p): [Position, [number, number][][]] => [p, derivedLines!]),
      ...[...parts(d).flat(), ...midpoints].map((p): [Position, [number, number][][]] => [p, fullLines!]),
    ];
    for (const [p, lines] of probes) {
      const e = toLines(px(p), lines);
      if (e > worst.px) worst = { px: e, metres: e * metresPerPx(p[1] ?? 0), at: p };
    }
  }
  return worst;
}

describe('the zoom the geography is cut for', () => {
  const story = loadStory();
  const desktop = (w: number, h: number): Size => ({ width: w - Math.min(512, 0.4 * w), height: h - 56 });
  const frames = story.steps.flatMap((step) => [
    ...[desktop(1024, 768), desktop(1280, 800), desktop(1440, 900), desktop(1920, 1080), desktop(2560, 1440)].map((size) =>
      frameScene(step.scene, size, mapPadding(size)),
    ),
    ...[
      { width: 360, height: 732 },
      { width: 390, height: 796 },
      { width: 430, height: 884 },
    ].map((size) => frameScene(step.scene, size, mapPadding(size, { compact: true, coverBottom: 0.45 }), true)),
    frameScene(step.scene, STATIC_SIZE, mapPadding(STATIC_SIZE)),
  ]);

  it(`never goes deeper than zoom ${DEEPEST_ZOOM}, and goes that deep`, () => {
    // A fit stops at its maximum zoom and a view at its written zoom, on a map of any size (camera.ts).
    for (const step of story.steps) {
      const cap = step.scene.camera.kind === 'fit' ? fitMaxZoom(step.scene.camera) : step.scene.camera.zoom;
      expect(cap, step.id).toBeLessThanOrEqual(DEEPEST_ZOOM);
      const huge = { width: 6000, height: 4000 };
      expect(frameScene(step.scene, huge, mapPadding(huge)).zoom, step.id).toBeLessThanOrEqual(DEEPEST_ZOOM + 1e-9);
    }
    const deepest = Math.max(...frames.map((f) => f.zoom));
    expect(deepest).toBeLessThanOrEqual(DEEPEST_ZOOM + 1e-9);
    // The bound is not slack: some step reaches it, on the desktop at 1280×800 and in the still images.
    expect(deepest).toBeCloseTo(DEEPEST_ZOOM, 9);
  });

  it(`keeps every error under half a device pixel at zoom ${DEEPEST_ZOOM} and ${MAX_DPR}× pixels`, () => {
    expect(MAX_ERROR_PX).toBeCloseTo(1 / 6, 12);
    // Simplification plus the rounding of each file's grid: rivers on 1e-4°, the GeoJSON files to DECIMALS decimals.
    const decimals = 10 ** -simplify.DECIMALS;
    expect(SIMPLIFY_PX + simplify.quantError(geoRivers.RIVER_GRID.step, geoRivers.RIVER_BBOX[3])).toBeLessThanOrEqual(MAX_ERROR_PX);
    expect(SIMPLIFY_PX + simplify.quantError([decimals, decimals], geoCountries.COUNTRY_BBOX[3])).toBeLessThanOrEqual(MAX_ERROR_PX);
  });
});

describe('the derived lines against the full-resolution source', () => {
  const bound = (lat: number): number => MAX_ERROR_PX * metresPerPx(lat);

  it('countries: every vertex is the source’s, and the simplification within the bound (the old one was not)', { timeout: 60_000 }, () => {
    // The reference: the same countries, cut to the same window and written on the same grid, without simplification.
    const grid = geoCountries.countryGrid(source);
    const cut = geoCountries.buildCountries(source).map((f) => ({ ...f, properties: { id: f.properties?.id } }));
    const written = (tolerance: number): Feature[] => parseDataFile('countries', JSON.parse(topoJson('countries', cut, grid, tolerance))).features;
    const full = written(0);
    const features = shipped('countries').features;
    // Nothing moved: away from the window's edges, where clipping cuts the outlines, each position is one of the source's.
    const t = source.transform!;
    const vertices = new Set<string>();
    for (const arc of source.arcs) {
      let [x, y] = [0, 0];
      for (const [dx = 0, dy = 0] of arc) {
        [x, y] = [x + dx, y + dy];
        vertices.add(`${x},${y}`);
      }
    }
    const [w, s, e, n] = geoCountries.COUNTRY_BBOX;
    const positions = features.flatMap(parts).flat();
    // (the cut's points are snapped to the grid, at most half a cell from the window's edge)
    const [cx, cy] = grid.step;
    const interior = positions.filter(([lon = 0, lat = 0]) => lon > w + cx && lon < e - cx && lat > s + cy && lat < n - cy);
    expect(interior.length).toBeGreaterThan(positions.length * 0.95);
    for (const [lon = 0, lat = 0] of interior) {
      const [i, j] = [Math.round((lon - t.translate[0]) / t.scale[0]), Math.round((lat - t.translate[1]) / t.scale[1])];
      expect(Math.abs(i * t.scale[0] + t.translate[0] - lon) + Math.abs(j * t.scale[1] + t.translate[1] - lat)).toBeLessThan(1e-9);
      expect(vertices.has(`${i},${j}`), `${lon}, ${lat}`).toBe(true);
    }
    const error = maxError(features, full);
    console.log(`countries: largest error ${error.px.toFixed(3)} px at zoom ${DEEPEST_ZOOM} (${error.metres.toFixed(1)} m at ${error.at.join(', ')})`);
    expect(error.px).toBeLessThanOrEqual(SIMPLIFY_PX);
    expect(error.metres).toBeLessThanOrEqual(bound(error.at[1] ?? 0));
    // The measure sees a coarser cut: about 2 px at zoom 8 is what the files had before.
    expect(maxError(written(2), full).px).toBeGreaterThan(4 * MAX_ERROR_PX);
  });

  it('rivers: within the bound everywhere', { timeout: 30_000 }, () => {
    const full = geoRivers.buildRivers(geoRivers.readRaw(false)).features;
    const error = maxError(shipped('rivers').features, full);
    console.log(`rivers: largest error ${error.px.toFixed(3)} px at zoom ${DEEPEST_ZOOM} (${error.metres.toFixed(1)} m)`);
    expect(error.px).toBeLessThanOrEqual(MAX_ERROR_PX);
    expect(error.metres).toBeLessThanOrEqual(bound(error.at[1] ?? 0));
  });

  it('the border: every vertex of the source, each within the bound', () => {
    const full = geoCountries.buildBorder(source).line;
    const drawn = shipped('border').features[0] as Feature<LineString, Props>;
    expect(drawn.geometry.coordinates.length).toBe(full.geometry.coordinates.length);
    full.geometry.coordinates.forEach((p, i) => {
      const q = drawn.geometry.coordinates[i]!;
      expect(Math.hypot(px(p)[0] - px(q)[0], px(p)[1] - px(q)[1])).toBeLessThanOrEqual(MAX_ERROR_PX - SIMPLIFY_PX);
    });
  });
});

describe('shared borders', () => {
  const countries = shipped('countries').features;
  const byId = (id: string): Feature => countries.find((c) => c.properties?.id === id) ?? turf.feature({ type: 'Point', coordinates: [0, 0] });
  const key = (p: Position): string => `${p[0]},${p[1]}`;

  it('are the same positions on both sides, with no gap or overlap between neighbours', { timeout: 30_000 }, () => {
    for (const a of countries) {
      for (const b of countries) {
        if (a === b) continue;
        const [w, s, e, n] = turf.bbox(b);
        const near = parts(a)
          .flat()
          .filter((p) => (p[0] ?? 0) > w - 0.01 && (p[0] ?? 0) < e + 0.01 && (p[1] ?? 0) > s - 0.01 && (p[1] ?? 0) < n + 0.01);
        const bLines = parts(b).map((l) => l.map(px));
        const bVertices = new Set(parts(b).flat().map(key));
        for (const p of near) {
          // Any vertex of one country that lies on a neighbour's outline (within half a pixel) is one of its vertices.
          if (toLines(px(p), bLines) < 0.5)
            expect(bVertices.has(key(p)), `${String(a.properties?.id)} at ${key(p)} against ${String(b.properties?.id)}`).toBe(true);
        }
      }
    }
  });

  it('keep the neighbours of the source', () => {
    const pairs = [
      ['syria', 'iraq'],
      ['syria', 'turkey'],
      ['syria', 'jordan'],
      ['syria', 'lebanon'],
      ['syria', 'israel'],
      ['iraq', 'turkey'],
      ['iraq', 'iran'],
      ['iraq', 'jordan'],
      ['iraq', 'saudi-arabia'],
      ['iraq', 'kuwait'],
    ];
    for (const [a = '', b = ''] of pairs) {
      const other = new Set(parts(byId(b)).flat().map(key));
      const shared = new Set(
        parts(byId(a))
          .flat()
          .map(key)
          .filter((k) => other.has(k)),
      );
      expect(shared.size, `${a}–${b}`).toBeGreaterThanOrEqual(2);
    }
    // The drawn border runs along the countries' shared edge: each of its vertices within the bound of the border line.
    const border = shipped('border').features[0] as Feature<LineString>;
    const borderLine = [border.geometry.coordinates.map(px)];
    const iraq = new Set(parts(byId('iraq')).flat().map(key));
    const edge = parts(byId('syria'))
      .flat()
      .filter((p) => iraq.has(key(p)));
    for (const p of edge) expect(toLines(px(p), borderLine)).toBeLessThanOrEqual(MAX_ERROR_PX);
  });
});

describe('the measured border length', () => {
  const measured = (readJson('measurements.json') as { border_km: number }).border_km;

  it('is 599.4 km, measured on the full-resolution Natural Earth line', () => {
    expect(measured).toBe(599.4);
    expect(measured).toBe(Math.round(turf.length(geoCountries.buildBorder(source).line) * 10) / 10);
  });

  it('does not change with the drawn lines’ simplification', { timeout: 30_000 }, () => {
    const coarse = geoBuild.buildAll({ tolerance: 16 }).files;
    expect((JSON.parse(coarse.get('measurements.json') ?? '{}') as { border_km: number }).border_km).toBe(measured);
    // …while the coarse countries' own Syria–Iraq edge is clearly shorter.
    const topo = JSON.parse(coarse.get('countries.topo.json') ?? '{}') as Topology<{ countries: GeometryCollection }>;
    const id = (g: { properties?: unknown }): string => String((g.properties as { id?: unknown } | undefined)?.id);
    const edge = mesh(topo, topo.objects.countries, (a, b) => [id(a), id(b)].sort().join() === 'iraq,syria');
    expect(measured - turf.length(turf.feature(edge))).toBeGreaterThan(1);
  });
});
