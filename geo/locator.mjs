// A small locator inset: country outlines from Natural Earth 1:110m as SVG
// path strings in a plain equirectangular projection. The page draws the
// current map view as a rectangle with the same linear projection:
//   x = (lon - west) / (east - west) * width
//   y = (north - lat) / (north - south) * height
//
// The inset is 120 CSS px wide for its 200 units (76 px on phones): at 3
// device pixels per CSS pixel, half a device pixel is 0.28 units. Outlines are
// simplified at 0.2 units (shared borders alike: the topology's arcs are
// simplified, not the rings) and written to 0.1 unit (at most 0.07 off), as
// relative path commands.

import { feature as topoFeature } from 'topojson-client';
import * as turf from '@turf/turf';
import { round } from './format.mjs';
import { simplifiedTopology } from './countries.mjs';
import { simplifyIn } from './simplify.mjs';

/** @typedef {import('topojson-specification').Topology} Topology */
/** @typedef {import('geojson').Position} Position */

export const LOCATOR_BBOX = /** @type {[number, number, number, number]} */ ([25, 12, 63, 43]);
const WIDTH = 200;
const HIGHLIGHT = new Set(['syria', 'iraq']);
/** Natural Earth names whose pieces are drawn as one country. */
const SAME_AS = /** @type {Record<string, string>} */ ({ 'N. Cyprus': 'Cyprus' });
/** Douglas–Peucker tolerance in viewBox units. */
export const LOCATOR_SIMPLIFY = 0.2;
/** Positions are written in tenths of a unit. */
const TENTHS = 10;

/**
 * A number of tenths as path data writes it: "12.3", ".5", "-.5", "7".
 * @param {number} tenths
 */
function tenthsText(tenths) {
  return String(tenths / TENTHS).replace(/^(-?)0\./, '$1.');
}

/**
 * Numbers of path data with the fewest separators: none before a '-', nor
 * before a '.' that follows a number with a fraction.
 * @param {string[]} texts
 */
function joinNumbers(texts) {
  return texts.map((t, i) => (i === 0 || t.startsWith('-') || (t.startsWith('.') && texts[i - 1].includes('.')) ? t : ` ${t}`)).join('');
}

/**
 * Relative path data of a closed ring given in tenths of a unit, without its
 * closing point: "M12.3 4.5l.4-1.2 3 .5z".
 * @param {[number, number][]} points
 */
export function relativePath(points) {
  const steps = points.slice(1).flatMap((p, i) => [p[0] - points[i][0], p[1] - points[i][1]]);
  return `M${joinNumbers(points[0].map(tenthsText))}l${joinNumbers(steps.map(tenthsText))}z`;
}

/**
 * A stable id from an English country name.
 * @param {string} name
 * @returns {string}
 */
export function slug(name) {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * @param {Topology} topology countries-110m
 * @returns {{ viewBox: [number, number], bbox: [number, number, number, number],
 *   countries: { id: string, d: string, highlight: boolean }[] }}
 */
export function buildLocator(topology) {
  const [west, south, east, north] = LOCATOR_BBOX;
  const height = round((WIDTH * (north - south)) / (east - west), 1);
  /** @type {(p: Position) => [number, number]} */
  const project = (p) => [((p[0] - west) / (east - west)) * WIDTH, ((north - p[1]) / (north - south)) * height];
  const ringPath = (/** @type {Position[]} */ ring) => {
    /** @type {[number, number][]} */
    const points = [];
    for (const p of ring) {
      const [x, y] = project(p).map((v) => Math.round(v * TENTHS));
      const last = points.at(-1);
      if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
    }
    const [first, last] = [points[0], points.at(-1)];
    if (points.length > 1 && first[0] === last?.[0] && first[1] === last[1]) points.pop();
    return points.length >= 3 ? relativePath(points) : '';
  };
  /** @type {Map<string, string>} */
  const paths = new Map();
  const region = turf.bboxPolygon(LOCATOR_BBOX);
  const candidates = /** @type {any} */ (topology.objects.countries).geometries.filter((/** @type {any} */ g) => {
    const f = /** @type {any} */ (topoFeature(topology, g));
    return f.geometry && turf.booleanIntersects(f, region);
  });
  const simple = simplifiedTopology(topology, candidates, (arc) => simplifyIn(arc, LOCATOR_SIMPLIFY, project));
  for (const g of candidates) {
    const f = /** @type {any} */ (topoFeature(simple, g));
    const clipped = turf.bboxClip(f, LOCATOR_BBOX).geometry;
    const polygons = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
    const d = polygons.flatMap((rings) => rings.map(ringPath)).join('');
    if (!d) continue;
    const id = slug(SAME_AS[g.properties.name] ?? g.properties.name);
    paths.set(id, (paths.get(id) ?? '') + d);
  }
  const countries = [...paths.keys()].sort().map((id) => ({
    id,
    d: /** @type {string} */ (paths.get(id)),
    highlight: HIGHLIGHT.has(id),
  }));
  for (const id of HIGHLIGHT) {
    if (!paths.has(id)) throw new Error(`Locator lacks ${id}`);
  }
  return { viewBox: [WIDTH, height], bbox: LOCATOR_BBOX, countries };
}
