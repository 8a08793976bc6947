// Deterministic serialisation of the generated data files: fixed coordinate
// precision, key order as constructed, one feature per line, no timestamps.

/** @typedef {import('geojson').Feature} Feature */
/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {import('geojson').Position} Position */

/**
 * Round a number to a fixed number of decimals; never returns -0.
 * @param {number} value
 * @param {number} decimals
 * @returns {number}
 */
export function round(value, decimals) {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Round every position of a coordinate array (any nesting depth) and drop
 * consecutive duplicates that rounding creates in lines and rings.
 * @param {any} coords
 * @param {number} decimals
 * @returns {any}
 */
function roundCoords(coords, decimals) {
  if (typeof coords[0] === 'number') return coords.map((v) => round(v, decimals));
  const mapped = coords.map((/** @type {any} */ c) => roundCoords(c, decimals));
  if (!Array.isArray(mapped[0]) || typeof mapped[0][0] !== 'number') return mapped;
  return mapped.filter((/** @type {Position} */ p, /** @type {number} */ i) => i === 0 || p[0] !== mapped[i - 1][0] || p[1] !== mapped[i - 1][1]);
}

/**
 * A geometry with rounded coordinates and keys in a fixed order.
 * @param {Geometry} geometry
 * @param {number} decimals
 * @returns {Geometry}
 */
export function roundGeometry(geometry, decimals) {
  if (geometry.type === 'GeometryCollection') {
    throw new Error('GeometryCollection is not used in the story data');
  }
  return /** @type {Geometry} */ ({
    type: geometry.type,
    coordinates: roundCoords(geometry.coordinates, decimals),
  });
}

/**
 * A feature with keys in a fixed order (type, properties, geometry).
 * @param {Record<string, unknown>} properties
 * @param {Geometry} geometry
 * @returns {Feature}
 */
export function feature(properties, geometry) {
  return { type: 'Feature', properties, geometry };
}

/**
 * Serialise a FeatureCollection: one feature per line for readable diffs.
 * @param {Feature[]} features
 * @param {number} decimals coordinate decimals
 * @returns {string}
 */
export function featureCollection(features, decimals) {
  const lines = features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: f.properties,
      geometry: roundGeometry(/** @type {Geometry} */ (f.geometry), decimals),
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * Serialise plain JSON with two-space indentation and a final newline.
 * @param {unknown} value
 * @returns {string}
 */
export function jsonFile(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}
