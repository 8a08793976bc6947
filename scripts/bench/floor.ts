/**
 * The benchmark's floor: a bare MapLibre page that draws the story's basemap (countries, rivers, border, with the
 * same style modules, theme and fonts) at the story's first camera, and nothing else. The camera comes from the URL
 * (`?c=lng,lat&z=zoom&p=top,right,bottom,left`), measured on the story at the same viewport by scripts/bench.mjs.
 * It marks `map-first-pixels` at its first frame drawn with the countries loaded: the story marks the same name when
 * its still image of the first scene paints, and `live-map-first-frame` at its live map's first frame.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../src/styles/fonts.css';
import './floor.css';
import type { FeatureCollection } from 'geojson';
import { Map, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { GROUPS } from '../../src/map/layers/index.ts';
import type { LayerGroupModule } from '../../src/map/layers/types.ts';
import { theme } from '../../src/map/theme.ts';
import { DATA_FILES, dataUrl, type MapData } from '../../src/map/data.ts';

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const numbers = (name: string, fallback: number[]): number[] => {
  const values = (params.get(name) ?? '').split(',').map(Number);
  return values.length === fallback.length && values.every(Number.isFinite) ? values : fallback;
};
const [lng = 41.3, lat = 35.6] = numbers('c', [41.3, 35.6]);
const [zoom = 5.9] = numbers('z', [5.9]);
const [top = 0, right = 0, bottom = 0, left = 0] = numbers('p', [0, 0, 0, 0]);

// The style modules read their data from the context; here MapLibre's worker fetches the files itself.
const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
const empty = Object.fromEntries(DATA_FILES.map((name) => [name, none])) as MapData;
const ctx = { data: empty, lang: 'en' as const };
// The always-shown groups: land, outlines and names, rivers, the border.
const base: readonly LayerGroupModule[] = GROUPS.filter((m) => m.group === 'base');
const modules = base.map((m) => m.build(ctx));
const sources: StyleSpecification['sources'] = {};
for (const name of Object.keys(Object.assign({}, ...modules.map((m) => m.sources)) as object)) {
  sources[name] = { type: 'geojson', data: dataUrl(name) };
}
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
const mark = (): void => {
  if (!map.getSource('countries') || !map.isSourceLoaded('countries')) return;
  performance.mark('map-first-pixels');
  map.off('render', mark);
};
map.on('render', mark);
Object.assign(window, { floorMap: map });
