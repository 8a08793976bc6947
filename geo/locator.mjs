// A small locator inset: country outlines from Natural Earth 1:110m as SVG
// path strings in a plain equirectangular projection. The page draws the
// current map view as a rectangle with the same linear projection:
//   x = (lon - west) / (east - west) * width
//   y = (north - lat) / (north - south) * height

import { feature as topoFeature } from 'topojson-client';
import * as turf from '@turf/turf';
import { round } from './format.mjs';

/** @typedef {import('topojson-specification').Topology} Topology */
/** @typedef {import('geojson').Position} Position */

export const LOCATOR_BBOX = /** @type {[number, number, number, number]} */ ([25, 12, 63, 43]);
const WIDTH = 200;
const HIGHLIGHT = new Set(['syria', 'iraq']);
/** Natural Earth names whose pieces are drawn as one country. */
const SAME_AS = /** @type {Record<string, string>} */ ({ 'N. Cyprus': 'Cyprus' });

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
  const x = (/** @type {number} */ lon) => round(((lon - west) / (east - west)) * WIDTH, 1);
  const y = (/** @type {number} */ lat) => round(((north - lat) / (north - south)) * height, 1);
  const ringPath = (/** @type {Position[]} */ ring) => {
    /** @type {string[]} */
    const points = [];
    for (const p of ring) {
      const xy = `${x(p[0])} ${y(p[1])}`;
      if (points.at(-1) !== xy) points.push(xy);
    }
    if (points.length > 1 && points[0] === points.at(-1)) points.pop();
    return points.length >= 3 ? `M${points.join(' ')}Z` : '';
  };
  /** @type {Map<string, string>} */
  const paths = new Map();
  const region = turf.bboxPolygon(LOCATOR_BBOX);
  for (const g of /** @type {any} */ (topology.objects.countries).geometries) {
    const f = /** @type {any} */ (topoFeature(topology, g));
    if (!f.geometry || !turf.booleanIntersects(f, region)) continue;
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
