// The data files as the map reads them: the TopoJSON decoder of src/map/data.ts (against topojson-client's), its
// refusal of malformed files, and every feature and property value the style and the story refer to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { FeatureCollection, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { DATA_FILES, DataError, dataFile, parseDataFile, type DataName, type MapData } from '../../src/map/data.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';
import { loadStory } from '../../src/story/load-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'public/data', name), 'utf8'));
const TOPO: DataName[] = ['countries', 'rivers'];
const data: MapData = Object.fromEntries(DATA_FILES.map((name) => [name, parseDataFile(name, readJson(dataFile(name)))])) as MapData;

describe('the TopoJSON files', () => {
  it('are the countries and the rivers, decoded exactly as topojson-client decodes them', () => {
    for (const name of TOPO) {
      expect(dataFile(name)).toBe(`${name}.topo.json`);
      const topo = readJson(dataFile(name)) as Topology;
      const reference = feature(topo, topo.objects[name]!) as FeatureCollection;
      expect(
        data[name].features.map((f) => f.geometry),
        name,
      ).toEqual(reference.features.map((f) => f.geometry));
      expect(
        data[name].features.map((f) => f.properties),
        name,
      ).toEqual(reference.features.map((f) => f.properties));
    }
    expect(DATA_FILES.filter((name) => !TOPO.includes(name)).every((name) => dataFile(name) === `${name}.geojson`)).toBe(true);
  });

  it('give closed rings and whole lines', () => {
    const closed = (r: Position[]): boolean => r.length >= 4 && r[0]?.join() === r.at(-1)?.join();
    for (const f of data.countries.features) {
      const g = f.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
      expect(rings.length, String(f.properties?.id)).toBeGreaterThan(0);
      for (const r of rings) expect(closed(r), String(f.properties?.id)).toBe(true);
    }
    for (const f of data.rivers.features) {
      const g = f.geometry;
      const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l.length).toBeGreaterThan(100);
    }
  });

  it('are what the still images read too', () => {
    expect(readMapData()).toEqual(data);
  });

  it('refuse a file that is not a topology of the right object, naming it', () => {
    const good = readJson('rivers.topo.json') as Record<string, unknown>;
    const bad: unknown[] = [
      null,
      [],
      { type: 'FeatureCollection', features: [] },
      { ...good, type: 'Topology', transform: undefined },
      { ...good, objects: { countries: (readJson('countries.topo.json') as Topology).objects.countries } },
      {
        ...good,
        arcs: [
          [
            [0, 0],
            [1, 'x'],
          ],
        ],
      },
      { ...good, arcs: [] },
      { ...good, objects: { rivers: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] } } },
      { ...good, objects: { rivers: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0.5] }] } } },
      { ...good, objects: { rivers: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0], properties: 'x' }] } } },
    ];
    for (const json of bad) {
      expect(() => parseDataFile('rivers', json), JSON.stringify(json)?.slice(0, 80)).toThrow(DataError);
      expect(() => parseDataFile('rivers', json)).toThrow(/^data\/rivers\.topo\.json: is not a TopoJSON topology of rivers$/);
    }
    expect(() => parseDataFile('places', good)).toThrow(/^data\/places\.geojson: is not a GeoJSON FeatureCollection$/);
  });
});

/**
 * Property values a style expression looks for on features: `==`, `in` a literal list, `match` labels, and the ids of
 * `!=` ("all but this one"; a `!=` on another property excludes a kind that a source may well not hold).
 */
function comparedValues(expression: unknown, into: Map<string, Set<unknown>> = new Map()): Map<string, Set<unknown>> {
  if (!Array.isArray(expression)) return into;
  const [op, input] = expression as [unknown, unknown];
  const key = Array.isArray(input) && input[0] === 'get' && typeof input[1] === 'string' ? input[1] : undefined;
  const add = (v: unknown): void => {
    if (key && (typeof v === 'string' || typeof v === 'number')) into.set(key, (into.get(key) ?? new Set()).add(v));
  };
  if (op === '==' || (op === '!=' && key === 'id')) add(expression[2]);
  if (op === 'in' && Array.isArray(expression[2]) && expression[2][0] === 'literal') (expression[2][1] as unknown[]).forEach(add);
  if (op === 'match') for (let i = 2; i < expression.length - 1; i += 2) [expression[i]].flat().forEach(add);
  for (const part of expression) comparedValues(part, into);
  return into;
}

describe('what the map and the story refer to', () => {
  it('every property value a layer tests is on some feature of its source', () => {
    const { style } = buildStyle({ data, lang: 'en' });
    let checked = 0;
    for (const layer of style.layers) {
      if (!('source' in layer) || typeof layer.source !== 'string') continue;
      const source = style.sources[layer.source];
      // Only the sources made of the data files (the frame's keep-out source is filled at run time).
      const set = Object.values(data).find((fc) => source?.type === 'geojson' && source.data === fc);
      if (!set) continue;
      const features = set.features;
      expect(features.length, layer.id).toBeGreaterThan(0);
      for (const [key, values] of comparedValues([layer.filter, layer.paint, layer.layout])) {
        for (const v of values) {
          checked += 1;
          expect(
            features.some((f) => f.properties?.[key] === v),
            `${layer.id}: ${key} = ${String(v)}`,
          ).toBe(true);
        }
      }
    }
    // Among them: Syria and Iraq in the countries' fills, the Khabur in the rivers' widths, the transfer arrow's head.
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('every place a step frames or highlights is on the map, and every country label has its country', () => {
    const ids = new Set([...data.places.features, ...data.areas.features].map((f) => f.properties?.id));
    for (const step of loadStory().steps) {
      const named = [...(step.scene.camera.kind === 'fit' ? step.scene.camera.places : []), ...step.scene.highlight];
      for (const id of named) expect(ids.has(id), `${step.id}: ${id}`).toBe(true);
    }
    const countries = new Set(data.countries.features.map((f) => f.properties?.id));
    for (const label of data['country-labels'].features) expect(countries.has(label.properties?.id), String(label.properties?.id)).toBe(true);
  });

  it('keeps every country, each with the one property the map reads', () => {
    const ids = data.countries.features.map((f) => f.properties?.id);
    expect(ids).toEqual([
      'armenia',
      'azerbaijan',
      'bahrain',
      'bulgaria',
      'cyprus',
      'egypt',
      'georgia',
      'greece',
      'iran',
      'iraq',
      'israel',
      'jordan',
      'kazakhstan',
      'kuwait',
      'lebanon',
      'palestine',
      'qatar',
      'romania',
      'russia',
      'saudi-arabia',
      'sudan',
      'syria',
      'turkey',
      'turkmenistan',
      'uae',
    ]);
    for (const f of data.countries.features) expect(Object.keys(f.properties ?? {})).toEqual(['id']);
    expect(data.rivers.features.map((f) => [f.properties?.id, f.properties?.name_en, f.properties?.name_ar])).toEqual([
      ['euphrates', 'Euphrates', 'الفرات'],
      ['khabur', 'Khabur', 'الخابور'],
      ['tigris', 'Tigris', 'دجلة'],
    ]);
  });
});
