// How much detail the story's map can show, and the simplification that keeps
// no more than that. The bound is set by the deepest zoom the story's camera
// reaches and the densest screens it is drawn on:
//
//   DEEPEST_ZOOM 8: a 'fit' camera stops at its maxZoom (8 for every step, and
//   camera.ts's default), a 'view' camera at its written zoom (at most 7.8) or
//   less on a smaller map; the still images are framed the same way.
//   MAX_DPR 3: phones draw the map at up to 3 device pixels per CSS pixel.
//
// Half a device pixel there is MAX_ERROR_PX = 1/6 CSS px at zoom 8, in Web
// Mercator as MapLibre draws it (512 px tiles): about 41 m at 36°N. Lines are
// simplified with Douglas–Peucker in those pixels at SIMPLIFY_PX, and the
// rounding of coordinates adds at most the rest of the bound (see quantError).
// tests/unit/geo-fidelity.unit.test.ts checks the zoom and the bound.

/** @typedef {import('geojson').Position} Position */

export const DEEPEST_ZOOM = 8;
export const MAX_DPR = 3;
/** Half a device pixel at the deepest zoom, in CSS px of that zoom. */
export const MAX_ERROR_PX = 0.5 / MAX_DPR;
/** Douglas–Peucker tolerance, in CSS px at the deepest zoom (about 31 m at 36°N). */
export const SIMPLIFY_PX = 1 / 8;
/** Decimals of the GeoJSON files' coordinates (1e-4°: at most 0.03 px off, see quantError). */
export const DECIMALS = 4;

const WORLD_PX = 512 * 2 ** DEEPEST_ZOOM;

/**
 * A position in Web Mercator pixels at the deepest zoom (north up, y down).
 * @param {Position} p longitude, latitude
 * @returns {[number, number]}
 */
export function toPixels(p) {
  const sin = Math.sin((p[1] * Math.PI) / 180);
  return [((p[0] + 180) / 360) * WORLD_PX, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD_PX];
}

/**
 * The farthest a position rounded to a grid of `step` degrees (each way) can
 * move, in CSS px at the deepest zoom, anywhere south of `northLat`.
 * @param {[number, number]} step degrees of longitude and latitude
 * @param {number} northLat
 */
export function quantError(step, northLat) {
  const perDegree = WORLD_PX / 360;
  return 0.5 * Math.hypot(step[0] * perDegree, (step[1] * perDegree) / Math.cos((northLat * Math.PI) / 180));
}

/**
 * Distance from p to the segment a–b, all in pixels.
 * @param {[number, number]} p
 * @param {[number, number]} a
 * @param {[number, number]} b
 */
export function segmentDistance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * Indices kept by Douglas–Peucker on an open run of pixels (both ends kept).
 * @param {[number, number][]} px
 * @param {number} tolerance
 * @param {Uint8Array} keep marks, written in place
 * @param {number} from
 * @param {number} to
 */
function douglasPeucker(px, tolerance, keep, from, to) {
  keep[from] = 1;
  keep[to] = 1;
  const stack = [[from, to]];
  while (stack.length > 0) {
    const [a, b] = /** @type {[number, number]} */ (stack.pop());
    let worst = -1;
    let far = tolerance;
    for (let i = a + 1; i < b; i += 1) {
      const d = segmentDistance(px[i], px[a], px[b]);
      if (d > far) [far, worst] = [d, i];
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([a, worst], [worst, b]);
  }
}

/**
 * A line or ring simplified at `tolerance` px of the deepest zoom. Its end
 * points stay (so arcs keep meeting at their junctions); a closed ring is also
 * split at its farthest point, and keeps at least four positions.
 * @param {Position[]} coords
 * @param {number} [tolerance]
 * @returns {Position[]}
 */
export function simplifyLine(coords, tolerance = SIMPLIFY_PX) {
  return simplifyIn(coords, tolerance, toPixels);
}

/**
 * simplifyLine in any planar projection (`project` gives its pixels).
 * @param {Position[]} coords
 * @param {number} tolerance in the projection's pixels
 * @param {(p: Position) => [number, number]} project
 * @returns {Position[]}
 */
export function simplifyIn(coords, tolerance, project) {
  if (coords.length < 3) return coords;
  const px = coords.map(project);
  const keep = new Uint8Array(coords.length);
  const last = coords.length - 1;
  const closed = coords[0][0] === coords[last][0] && coords[0][1] === coords[last][1];
  if (closed) {
    let far = 1;
    for (let i = 1; i < last; i += 1) {
      if (Math.hypot(px[i][0] - px[0][0], px[i][1] - px[0][1]) > Math.hypot(px[far][0] - px[0][0], px[far][1] - px[0][1])) far = i;
    }
    douglasPeucker(px, tolerance, keep, 0, far);
    douglasPeucker(px, tolerance, keep, far, last);
  } else {
    douglasPeucker(px, tolerance, keep, 0, last);
  }
  const kept = coords.filter((_, i) => keep[i] === 1);
  return closed && kept.length < 4 ? coords : kept;
}
