import type { FeatureCollection } from 'geojson';

/** The derived data files in public/data, produced by `npm run geo`. */
export const DATA_FILES = ['countries', 'country-labels', 'border', 'rivers', 'places', 'areas', 'trench', 'arrows'] as const;
export type DataName = (typeof DATA_FILES)[number];
export type MapData = Record<DataName, FeatureCollection>;

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

/** URL of a data file, relative to the page so the story works from any sub-path. */
export function dataUrl(name: string, base: string = document.baseURI): string {
  return new URL(`data/${name}.geojson`, base).href;
}

async function loadOne(name: DataName, base: string): Promise<FeatureCollection> {
  const file = `data/${name}.geojson`;
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
  if (!isFeatureCollection(json)) throw new DataError(file, 'is not a GeoJSON FeatureCollection');
  return json;
}

/** Fetches every data file in parallel; rejects with a DataError naming the first file that failed. */
export async function loadMapData(base?: string): Promise<MapData> {
  const from = base ?? document.baseURI;
  const entries = await Promise.all(DATA_FILES.map(async (name) => [name, await loadOne(name, from)] as const));
  return Object.fromEntries(entries) as MapData;
}
