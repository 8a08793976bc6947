/**
 * The benchmark's floor: a bare MapLibre page that draws the story's basemap (countries, rivers, border, with the
 * same style modules, theme and fonts) at the story's first camera, and nothing else. The camera comes from the URL
 * (`?c=lng,lat&z=zoom&p=top,right,bottom,left`), measured on the story at the same viewport by scripts/bench.mjs.
 * Its data files are fetched and decoded with the story's own code, and handed to MapLibre as they arrive.
 * It marks `map-first-pixels` at its first frame drawn with the countries loaded: the story marks the same name when
 * its still image of the first scene paints. It marks `map-idle` at MapLibre's first `idle`, the map complete: the story
 * marks `live-map-first-frame` when its live map's first scene is complete.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../src/styles/fonts.css';
import './floor.css';
import type { FeatureCollection } from 'geojson';
import { Map, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { GROUPS } from '../../src/map/layers/index.ts';
import type { LayerGroupModule } from '../../src/map/layers/types.ts';
import { theme } from '../../src/map/theme.ts';
import { DATA_FILES, dataFile, dataUrl, parseDataFile, type DataName, type MapData } from '../../src/map/data.ts';

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const numbers = (name: string, fallback: number[]): number[] => {
  const values = (params.get(name) ?? '').split(',').map(Number);
  return values.length === fallback.length && values.every(Number.isFinite) ? values : fallback;
};
const [lng = 41.3, lat = 35.6] = numbers('c', [41.3, 35.6]);
const [zoom = 5.9] = numbers('z', [5.9]);
const [top = 0, right = 0, bottom = 0, left = 0] = numbers('p', [0, 0, 0, 0]);

// The data files the base groups draw, fetched at once and decoded as the story decodes them (src/map/data.ts: the
// large layers are TopoJSON, which MapLibre does not read), while MapLibre starts with those sources empty.
const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
const empty = Object.fromEntries(DATA_FILES.map((name) => [name, none])) as MapData;
const ctx = { data: empty, lang: 'en' as const };
// The always-shown groups: land, outlines and names, rivers, the border.
const base: readonly LayerGroupModule[] = GROUPS.filter((m) => m.group === 'base');
const modules = base.map((m) => m.build(ctx));
const sources: StyleSpecification['sources'] = Object.assign({}, ...modules.map((m) => m.sources));
const files = (DATA_FILES as readonly string[]).filter((name) => name in sources) as DataName[];
const fetched = files.map(async (name) => {
  const response = await fetch(dataUrl(name));
  if (!response.ok) throw new Error(`${dataFile(name)}: HTTP ${response.status}`);
  return [name, parseDataFile(name, await response.json())] as const;
});
const style: StyleSpecification = {
  version: 8,
  sources,
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': theme.background } }, ...modules.flatMap((m) => m.layers)],
};

const map = new Map({
  container: 'map',
  style,
  center: [lng, lat],
  zoom,
  interactive: false,
  // The same credits as the story (and text on the page, as any real map page has).
  attributionControl: { compact: true, customAttribution: 'Natural Earth · Rivers: WDBII via GSHHG (Wessel &amp; Smith) · MapLibre' },
  fadeDuration: 0,
});
map.setPadding({ top, right, bottom, left });

const set = new Set<DataName>();
const styleReady = new Promise<void>((resolve) => (map.isStyleLoaded() ? resolve() : map.once('style.load', () => resolve())));
for (const file of fetched) {
  void file.then(async ([name, data]) => {
    await styleReady;
    map.getSource<GeoJSONSource>(name)?.setData(data);
    set.add(name);
  });
}
// The first frame drawn with the countries in: its first map pixels.
const mark = (): void => {
  if (!set.has('countries') || !map.isSourceLoaded('countries')) return;
  performance.mark('map-first-pixels');
  map.off('render', mark);
};
map.on('render', mark);
// Its first `idle` once every file is in: every source loaded and every frame drawn, the floor's map complete.
const complete = (): void => {
  if (set.size < files.length) return;
  performance.mark('map-idle');
  map.off('idle', complete);
};
map.on('idle', complete);
Object.assign(window, { floorMap: map });
