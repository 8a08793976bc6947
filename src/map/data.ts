import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** The derived data files in public/data, produced by `npm run geo`. */
export const DATA_FILES = ['countries', 'country-labels', 'border', 'rivers', 'places', 'areas', 'trench', 'arrows'] as const;
export type DataName = (typeof DATA_FILES)[number];
export type MapData = Record<DataName, FeatureCollection>;

/**
 * The large layers are stored as TopoJSON (`<name>.topo.json`, one object named like the file): shared borders once,
 * positions as integer steps. `parseDataFile` turns them into GeoJSON, for the live map and the still images alike.
 */
const TOPOJSON: ReadonlySet<string> = new Set<DataName>(['countries', 'rivers']);

export class DataError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  if (typeof value !== 'object' || value === null) return false;
  const fc = value as { type?: unknown; features?: unknown };
  return fc.type === 'FeatureCollection' && Array.isArray(fc.features);
}

/** The file name of a data set in public/data. */
export function dataFile(name: string): string {
  return TOPOJSON.has(name) ? `${name}.topo.json` : `${name}.geojson`;
}

/** URL of a data file, relative to the page so the story works from any sub-path. */
export function dataUrl(name: string, base: string = document.baseURI): string {
  return new URL(`data/${dataFile(name)}`, base).href;
}

class Malformed extends Error {}
const fail = (): never => {
  throw new Malformed();
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : fail());
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail());
const pair = (v: unknown): [number, number] => {
  const [a, b] = list(v);
  return [num(a), num(b)];
};
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail());

/** The features of the topology's object `name` (quantised and delta-encoded arcs, as geo/topology.mjs writes them). */
function decodeTopology(json: unknown, name: string): FeatureCollection {
  const topo = record(json);
  if (topo.type !== 'Topology') fail();
  const transform = record(topo.transform);
  const [sx, sy] = pair(transform.scale);
  const [tx, ty] = pair(transform.translate);
  const arcs = list(topo.arcs).map((arc) => {
    let [x, y] = [0, 0];
    return list(arc).map((step): Position => {
      const [dx, dy] = pair(step);
      [x, y] = [x + dx, y + dy];
      return [x * sx + tx, y * sy + ty];
    });
  });
  const arc = (index: unknown): Position[] => {
    const i = num(index);
    const positions = arcs[i < 0 ? ~i : i] ?? fail();
    return i < 0 ? [...positions].reverse() : positions;
  };
  // An arc starts where the one before it ends: that position is not repeated.
  const line = (indices: unknown): Position[] => list(indices).flatMap((i, k) => arc(i).slice(k === 0 ? 0 : 1));
  const rings = (v: unknown): Position[][] => list(v).map(line);
  const geometry = (type: unknown, a: unknown): Geometry => {
    switch (type) {
      case 'Polygon':
        return { type, coordinates: rings(a) };
      case 'MultiPolygon':
        return { type, coordinates: list(a).map(rings) };
      case 'LineString':
        return { type, coordinates: line(a) };
      case 'MultiLineString':
        return { type, coordinates: rings(a) };
      default:
        return fail();
    }
  };
  const object = record(record(topo.objects)[name]);
  if (object.type !== 'GeometryCollection') fail();
  const features = list(object.geometries).map((g): Feature => {
    const o = record(g);
    return { type: 'Feature', properties: o.properties === undefined ? {} : record(o.properties), geometry: geometry(o.type, o.arcs) };
  });
  return { type: 'FeatureCollection', features };
}

/** A data file's parsed JSON as GeoJSON; throws a DataError when it is not what that file must hold. */
export function parseDataFile(name: DataName, json: unknown): FeatureCollection {
  const file = `data/${dataFile(name)}`;
  if (!TOPOJSON.has(name)) {
    if (!isFeatureCollection(json)) throw new DataError(file, 'is not a GeoJSON FeatureCollection');
    return json;
  }
  try {
    return decodeTopology(json, name);
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) throw new DataError(file, `is not a TopoJSON topology of ${name}`);
    throw err;
  }
}

async function loadOne(name: DataName, base: string): Promise<FeatureCollection> {
  const file = `data/${dataFile(name)}`;
  let response: Response;
  try {
    response = await fetch(dataUrl(name, base));
  } catch {
    throw new DataError(file, 'could not be fetched');
  }
  if (!response.ok) throw new DataError(file, `HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DataError(file, 'is not valid JSON');
  }
  return parseDataFile(name, json);
}

/** Fetches every data file in parallel; rejects with a DataError naming the first file that failed. */
export async function loadMapData(base?: string): Promise<MapData> {
  const from = base ?? document.baseURI;
  const entries = await Promise.all(DATA_FILES.map(async (name) => [name, await loadOne(name, from)] as const));
  return Object.fromEntries(entries) as MapData;
}
