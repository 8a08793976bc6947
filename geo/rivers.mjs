// Rivers from the WDBII river data of GSHHG, as printed by `gmt coast -M`.
// The raw text is captured once in geo/raw/rivers-gshhg.txt so the build runs
// without gmt; `--refresh-rivers` captures it again.
//
// WDBII splits every river at 1° bin edges and does not name anything, so each
// river is found by routing through the segment graph between waypoints on
// its course (upstream to downstream), using only its WDBII levels.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { buildGraph, km, nearestNode, shortestPath } from './graph.mjs';

export const RAW_PATH = fileURLToPath(new URL('./raw/rivers-gshhg.txt', import.meta.url));

/** gmt runs that produce the raw file: double-lined rivers (level 0: the
 * Tigris below Samarra), major rivers (level 1), the Khabur (level 3) and its
 * upper course around Ras al-Ayn (level 4, minor rivers). */
const GMT_RUNS = [
  ['coast', '-R35/47/32/39.5', '-I0', '-I1', '-I3', '-Dh', '-M'],
  ['coast', '-R39.5/41/36.3/37.2', '-I4', '-Dh', '-M'],
];

/**
 * @typedef {{ level: number, coords: [number, number][] }} Segment
 * @typedef {{ id: string, name_en: string, name_ar: string, levels: number[],
 *   waypoints: [number, number][] }} RiverSpec
 */

/** Rivers to draw; waypoints run upstream to downstream. */
export const RIVERS = /** @type {RiverSpec[]} */ ([
  {
    id: 'euphrates',
    name_en: 'Euphrates',
    name_ar: 'الفرات',
    levels: [1],
    waypoints: [
      [38.05, 37.05],
      [39.0167, 35.95],
      [40.15, 35.3333],
      [41.0, 34.42],
      [44.43, 32.0],
    ],
  },
  {
    id: 'khabur',
    name_en: 'Khabur',
    name_ar: 'الخابور',
    levels: [3, 4],
    waypoints: [
      [40.07, 36.85],
      [40.7422, 36.5117],
      [40.7303, 36.0561],
      [40.43, 35.14],
    ],
  },
  {
    id: 'tigris',
    name_en: 'Tigris',
    name_ar: 'دجلة',
    levels: [0, 1],
    waypoints: [
      [40.2, 37.9],
      [42.19, 37.33],
      [43.13, 36.34],
      [44.38, 33.33],
      [45.74, 32.54],
    ],
  },
]);

/**
 * Read the raw gmt text, capturing it first when asked or when it is missing.
 * @param {boolean} refresh
 * @returns {string}
 */
export function readRaw(refresh) {
  if (!refresh && existsSync(RAW_PATH)) return readFileSync(RAW_PATH, 'utf8');
  // gmt leaves a gmt.history file in its working directory: keep it out of the repository.
  const cwd = mkdtempSync(join(tmpdir(), 'gmt-'));
  /** @type {string[]} */
  let parts;
  try {
    parts = GMT_RUNS.map((args) => {
      const run = spawnSync('gmt', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (run.error) {
        throw new Error(`gmt is needed to capture ${RAW_PATH} (${run.error.message}). ` + 'Install it with: apt-get install gmt gmt-gshhg-high');
      }
      if (run.status !== 0) throw new Error(`gmt ${args.join(' ')} failed: ${run.stderr}`);
      return `# gmt ${args.join(' ')}\n${run.stdout}`;
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const text = `# WDBII rivers via GSHHG (Wessel & Smith), LGPL; captured by geo/build.mjs --refresh-rivers\n${parts.join('')}`;
  mkdirSync(dirname(RAW_PATH), { recursive: true });
  writeFileSync(RAW_PATH, text);
  return text;
}

/**
 * Parse `gmt coast -M` multi-segment text.
 * @param {string} text
 * @returns {Segment[]}
 */
export function parseSegments(text) {
  /** @type {Segment[]} */
  const segments = [];
  /** @type {Segment | null} */
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('>')) {
      const level = Number(/Level (\d+)/.exec(line)?.[1]);
      current = { level, coords: [] };
      segments.push(current);
      continue;
    }
    if (!current) throw new Error(`River data before a segment header: ${line}`);
    const [lon, lat] = line.trim().split(/\s+/).map(Number);
    const last = current.coords.at(-1);
    if (!last || last[0] !== lon || last[1] !== lat) current.coords.push([lon, lat]);
  }
  return segments.filter((s) => s.coords.length >= 2);
}

/** Waypoints must lie this close to the river data. */
const SNAP_KM = 12;
/** A waypoint counts as passed within this distance beyond its nearest river
 * point, so that a route along one bank of a double-lined river (WDBII level 0)
 * never has to double back to reach the other bank. */
const REACH_KM = 1.5;

/**
 * Route one river through the segments of its levels.
 * @param {Segment[]} segments
 * @param {RiverSpec} spec
 * @returns {{ coords: [number, number][], segmentCount: number }}
 */
export function routeRiver(segments, spec) {
  const own = segments.filter((s) => spec.levels.includes(s.level));
  const { nodes, owner, adj } = buildGraph(own);
  const reach = spec.waypoints.map((w) => {
    const near = nearestNode(nodes, w);
    if (near.km > SNAP_KM) {
      throw new Error(`${spec.id}: waypoint ${w} is ${near.km.toFixed(1)} km from the river data`);
    }
    return { point: w, km: near.km + REACH_KM, index: near.index };
  });
  /** @type {number[]} */
  const path = [reach[0].index];
  for (let i = 1; i < reach.length; i += 1) {
    const { point, km: radius } = reach[i];
    const leg = shortestPath(adj, path[path.length - 1], (n) => km(nodes[n], point) <= radius);
    if (leg.length === 0) throw new Error(`${spec.id}: no river course from waypoint ${i - 1} to ${i}`);
    path.push(...leg.slice(1));
  }
  const used = new Set(path.map((n) => owner[n]));
  /** @type {[number, number][]} */
  const coords = [];
  for (const n of path) {
    const c = nodes[n];
    const last = coords.at(-1);
    if (!last || km(last, c) > 0) coords.push(c);
  }
  return { coords, segmentCount: used.size };
}

/** Output window of the drawn rivers. */
export const RIVER_BBOX = /** @type {[number, number, number, number]} */ ([35, 32, 47, 39.5]);
/** The TopoJSON grid of the rivers: 1e-4° from the window's south-west corner
 * (at most 0.03 px off at the deepest zoom, see simplify.mjs quantError). */
export const RIVER_GRID = /** @type {import('./topology.mjs').Grid} */ ({ step: [1e-4, 1e-4], origin: [RIVER_BBOX[0], RIVER_BBOX[1]] });

/**
 * Named and clipped river features, at full resolution (they are simplified
 * as they are written, by topology.mjs).
 * @param {string} rawText
 * @returns {{ features: import('geojson').Feature[], stats: Record<string, { segments: number, lines: number }> }}
 */
export function buildRivers(rawText) {
  const segments = parseSegments(rawText);
  /** @type {import('geojson').Feature[]} */
  const features = [];
  /** @type {Record<string, { segments: number, lines: number }>} */
  const stats = {};
  for (const spec of RIVERS) {
    const { coords, segmentCount } = routeRiver(segments, spec);
    const clipped = turf.bboxClip(turf.lineString(coords), RIVER_BBOX).geometry;
    const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
    const lines = parts.filter((p) => p.length >= 2);
    const geometry = lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
    features.push({
      type: 'Feature',
      properties: { id: spec.id, name_en: spec.name_en, name_ar: spec.name_ar },
      geometry: /** @type {import('geojson').Geometry} */ (geometry),
    });
    stats[spec.id] = { segments: segmentCount, lines: lines.length };
  }
  return { features, stats };
}
