// Builds the story's geography into public/data/ (npm run geo).
//
//   node geo/build.mjs                    build from geo/raw/rivers-gshhg.txt
//   node geo/build.mjs --refresh-rivers   capture the river text with gmt first
//   node geo/build.mjs --out DIR          write somewhere else (used by tests)
//
// Output is deterministic: the same inputs give byte-identical files. How much
// detail the files keep follows from the story's deepest zoom: simplify.mjs.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { featureCollection, jsonFile, round } from './format.mjs';
import { buildBorder, buildCountries, buildCountryLabels, countryGrid, loadTopology } from './countries.mjs';
import { buildLocator } from './locator.mjs';
import { buildRivers, readRaw, RIVER_GRID } from './rivers.mjs';
import { DECIMALS } from './simplify.mjs';
import { topoJson } from './topology.mjs';
import { buildAreas, buildArrows, buildPlaces, buildTrench, place, TRANSFER_END, TRENCH_CLAIMED_KM, TRENCH_OFFSET_KM } from './overlays.mjs';

/** @typedef {import('geojson').Feature} Feature */
/** @typedef {import('./overlays.mjs').Place} Place */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SYRIAN = ['shaddadi', 'al-hol', 'hasakah', 'raqqa', 'deir-ezzor'];
const IRAQI = ['mosul', 'mosul-desert'];
/** Towns each river must pass within 10 km of. */
const RIVER_TOWNS = /** @type {Record<string, string[]>} */ ({
  euphrates: ['raqqa', 'deir-ezzor'],
  khabur: ['hasakah', 'shaddadi'],
  tigris: ['mosul'],
});

/**
 * @param {boolean} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function check(condition, message) {
  if (!condition) throw new Error(`geo build: ${message}`);
}

/**
 * @param {Feature[]} features
 * @param {string} id
 * @returns {Feature}
 */
function byId(features, id) {
  const found = features.find((f) => f.properties?.id === id);
  check(Boolean(found), `missing feature ${id}`);
  return /** @type {Feature} */ (found);
}

/**
 * All output files, by name, as text.
 * @param {{ refreshRivers?: boolean, tolerance?: number }} [options] tolerance: the
 *   simplification in px at the deepest zoom (default SIMPLIFY_PX; tests try others)
 * @returns {{ files: Map<string, string>, report: Record<string, unknown> }}
 */
export function buildAll(options = {}) {
  /** @type {Place[]} */
  const places = JSON.parse(readFileSync(join(ROOT, 'geo/places.json'), 'utf8'));
  check(
    places
      .map((p) => p.id)
      .sort()
      .join() === [...SYRIAN, ...IRAQI].sort().join(),
    'geo/places.json must list exactly the story places',
  );
  const topology = loadTopology('countries-10m.json');
  const countries = buildCountries(topology);
  const [syria, iraq] = [byId(countries, 'syria'), byId(countries, 'iraq')];
  const inside = (/** @type {import('geojson').Position} */ p, /** @type {Feature} */ c) => turf.booleanPointInPolygon(p, /** @type {any} */ (c));
  for (const id of SYRIAN) check(inside(place(places, id).coordinates, syria), `${id} must lie in Syria`);
  for (const id of IRAQI) check(inside(place(places, id).coordinates, iraq), `${id} must lie in Iraq`);

  // Measured on the unsimplified source topology, whatever the drawn countries' simplification.
  const border = buildBorder(topology);
  const borderKm = round(border.km, 1);
  const trench = buildTrench(border.line, borderKm, iraq);

  const areas = buildAreas(places);
  for (const a of areas) {
    const ring = /** @type {import('geojson').Polygon} */ (a.geometry).coordinates[0];
    check(
      ring.every((p) => inside(p, iraq)),
      `area ${a.properties?.id} must lie inside Iraq`,
    );
  }

  const arrows = buildArrows(places);
  const transfer = /** @type {Feature<import('geojson').LineString>} */ (
    arrows.find((f) => f.properties?.id === 'transfer-iraq' && f.properties.part === 'shaft')
  );
  check(inside(TRANSFER_END, iraq), 'the transfer arrow must end inside Iraq');
  check(turf.distance(TRANSFER_END, place(places, 'mosul').coordinates) > 40, 'the transfer arrow must stop far from Mosul');
  check(
    areas.every((a) => !inside(TRANSFER_END, a)),
    'the transfer arrow must not end in a story area',
  );
  check(turf.lineIntersect(transfer, border.line).features.length === 1, 'the transfer arrow must cross the border once');

  const rivers = buildRivers(readRaw(Boolean(options.refreshRivers)));
  for (const [id, towns] of Object.entries(RIVER_TOWNS)) {
    const river = byId(rivers.features, id);
    for (const town of towns) {
      const km = turf.pointToLineDistance(place(places, town).coordinates, /** @type {any} */ (river));
      check(km <= 10, `${id} must pass within 10 km of ${town} (${km.toFixed(1)} km)`);
    }
  }

  const measurements = {
    border_km: borderKm,
    trench_claimed_km: TRENCH_CLAIMED_KM,
    trench_offset_km: TRENCH_OFFSET_KM,
    border_source: 'Natural Earth 1:10m admin-0 via world-atlas',
    method: 'turf length (geodesic)',
  };
  const borderFeature = {
    type: 'Feature',
    properties: { id: 'syria-iraq', length_km: borderKm },
    geometry: border.line.geometry,
  };
  // The countries layer reads only the id (the names are country-labels').
  const drawnCountries = countries.map((c) => ({ ...c, properties: { id: c.properties?.id } }));
  const files = new Map([
    ['areas.geojson', featureCollection(areas, DECIMALS)],
    ['arrows.geojson', featureCollection(arrows, DECIMALS)],
    ['border.geojson', featureCollection([/** @type {Feature} */ (borderFeature)], DECIMALS)],
    ['countries.topo.json', topoJson('countries', drawnCountries, countryGrid(topology), options.tolerance)],
    ['country-labels.geojson', featureCollection(buildCountryLabels(countries), DECIMALS)],
    ['locator.json', `${JSON.stringify(buildLocator(loadTopology('countries-110m.json')))}\n`],
    ['measurements.json', jsonFile(measurements)],
    ['places.geojson', featureCollection(buildPlaces(places), DECIMALS)],
    ['rivers.topo.json', topoJson('rivers', rivers.features, RIVER_GRID, options.tolerance)],
    ['trench.geojson', featureCollection(trench, DECIMALS)],
  ]);
  return { files, report: { border_km: border.km, rivers: rivers.stats } };
}

/**
 * @param {string[]} argv
 */
function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? '') : join(ROOT, 'public/data');
  const { files, report } = buildAll({ refreshRivers: argv.includes('--refresh-rivers') });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  const stats = Object.entries(/** @type {Record<string, { segments: number, lines: number }>} */ (report.rivers))
    .map(([id, s]) => `${id} ${s.segments} WDBII segments → ${s.lines} line(s)`)
    .join('; ');
  console.log(`geo: wrote ${files.size} files to ${out}`);
  console.log(`geo: Syria–Iraq border ${Number(report.border_km).toFixed(2)} km; rivers: ${stats}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
