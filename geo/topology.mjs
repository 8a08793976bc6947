// TopoJSON output for the large layers (countries, rivers): each shared
// boundary is stored once, as an arc, and positions are integers on a grid,
// stored as differences from the previous one. The arcs are simplified one by
// one (simplify.mjs), their end points kept, so neighbours still share every
// position of their boundary. src/map/data.ts decodes it back to GeoJSON for
// the live map and the still images alike.

import { topology } from 'topojson-server';
import { simplifyIn, SIMPLIFY_PX, toPixels } from './simplify.mjs';

/** @typedef {import('geojson').Feature} Feature */
/** @typedef {import('geojson').Position} Position */
/** @typedef {{ step: [number, number], origin: [number, number] }} Grid */

/**
 * Positions as integers on the grid, without the repeats that rounding makes.
 * @param {Position[]} coords
 * @param {Grid} grid
 * @returns {Position[]}
 */
function onGrid(coords, grid) {
  /** @type {Position[]} */
  const out = [];
  for (const p of coords) {
    const q = [Math.round((p[0] - grid.origin[0]) / grid.step[0]), Math.round((p[1] - grid.origin[1]) / grid.step[1])];
    const last = out.at(-1);
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * A geometry on the grid; null when nothing of it is left.
 * @param {import('geojson').Geometry} g
 * @param {Grid} grid
 * @returns {import('geojson').Geometry | null}
 */
function geometryOnGrid(g, grid) {
  const rings = (/** @type {Position[][]} */ rs) => rs.map((r) => onGrid(r, grid)).filter((r) => r.length >= 4);
  const lines = (/** @type {Position[][]} */ ls) => ls.map((l) => onGrid(l, grid)).filter((l) => l.length >= 2);
  switch (g.type) {
    case 'Polygon': {
      const r = rings(g.coordinates);
      return r.length > 0 ? { type: 'Polygon', coordinates: r } : null;
    }
    case 'MultiPolygon': {
      const polygons = g.coordinates.map(rings).filter((r) => r.length > 0);
      return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
    }
    case 'LineString': {
      const l = lines([g.coordinates]);
      return l.length > 0 ? { type: 'LineString', coordinates: l[0] } : null;
    }
    case 'MultiLineString': {
      const l = lines(g.coordinates);
      return l.length > 0 ? { type: 'MultiLineString', coordinates: l } : null;
    }
    default:
      throw new Error(`${g.type} is not used in the story's TopoJSON`);
  }
}

/**
 * Serialise features as a TopoJSON topology with one object, `name`, whose
 * geometries keep the features' order and properties. The grid's step is the
 * transform's scale and its origin the translate; one arc per line.
 * @param {string} name
 * @param {Feature[]} features at full resolution
 * @param {Grid} grid
 * @param {number} [tolerance] px at the deepest zoom (default SIMPLIFY_PX)
 * @returns {string}
 */
export function topoJson(name, features, grid, tolerance = SIMPLIFY_PX) {
  const gridded = features.map((f) => {
    const geometry = geometryOnGrid(/** @type {import('geojson').Geometry} */ (f.geometry), grid);
    if (!geometry) throw new Error(`${name}: feature ${f.properties?.id} vanishes on the grid`);
    return { type: 'Feature', properties: f.properties, geometry };
  });
  const topo = /** @type {import('topojson-specification').Topology} */ (
    topology({ [name]: /** @type {import('geojson').FeatureCollection} */ ({ type: 'FeatureCollection', features: gridded }) })
  );
  const collection = /** @type {import('topojson-specification').GeometryCollection} */ (topo.objects[name]);
  const geometries = collection.geometries.map((g) => JSON.stringify({ type: g.type, properties: g.properties, arcs: 'arcs' in g ? g.arcs : [] }));
  const project = (/** @type {Position} */ q) => toPixels([q[0] * grid.step[0] + grid.origin[0], q[1] * grid.step[1] + grid.origin[1]]);
  const arcs = topo.arcs.map((full) => {
    const arc = simplifyIn(full, tolerance, project);
    return JSON.stringify(arc.map((p, i) => (i === 0 ? [p[0], p[1]] : [p[0] - arc[i - 1][0], p[1] - arc[i - 1][1]])));
  });
  const transform = JSON.stringify({ scale: grid.step, translate: grid.origin });
  return (
    `{"type":"Topology","transform":${transform},\n"objects":{"${name}":{"type":"GeometryCollection","geometries":[\n` +
    `${geometries.join(',\n')}\n]}},\n"arcs":[\n${arcs.join(',\n')}\n]}\n`
  );
}
