// Story overlays: place points, the Mosul desert area, the schematic trench
// and the movement arrows. All of them are drawn, not surveyed.

import * as turf from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import { buildBorder, loadTopology } from './countries.mjs';

/** @typedef {import('geojson').Feature} Feature */
/** @typedef {import('geojson').Position} Position */
/** @typedef {import('geojson').LineString} LineString */
/**
 * @typedef {{ id: string, name: { en: string, ar: string }, kind: 'town' | 'camp' | 'city' | 'area',
 *   coordinates: [number, number], precision: 'near' | 'approximate', note: { en: string, ar: string } }} Place
 */

const KM_PER_DEG_LAT = 110.57;

/**
 * A local equirectangular frame in km around a latitude, for shapes drawn
 * across a few hundred km.
 * @param {number} lat0
 */
function frame(lat0) {
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  return {
    toKm: (/** @type {Position} */ p) => [p[0] * kx, p[1] * KM_PER_DEG_LAT],
    toDeg: (/** @type {Position} */ p) => [p[0] / kx, p[1] / KM_PER_DEG_LAT],
  };
}

/**
 * @param {Place[]} places
 * @param {string} id
 * @returns {Place}
 */
export function place(places, id) {
  const found = places.find((p) => p.id === id);
  if (!found) throw new Error(`Place ${id} is missing from geo/places.json`);
  return found;
}

/**
 * Point places (areas are drawn as areas, never as pins).
 * @param {Place[]} places
 * @returns {Feature[]}
 */
export function buildPlaces(places) {
  return places
    .filter((p) => p.kind !== 'area')
    .map((p) => ({
      type: 'Feature',
      properties: {
        id: p.id,
        name_en: p.name.en,
        name_ar: p.name.ar,
        kind: p.kind,
        precision: p.precision,
        note_en: p.note.en,
        note_ar: p.note.ar,
      },
      geometry: { type: 'Point', coordinates: p.coordinates },
    }));
}

/** Mean radius of the drawn Mosul desert area, in km. */
const AREA_RADIUS_KM = 25;

/**
 * Approximate areas as soft, irregular polygons around their centre.
 * @param {Place[]} places
 * @returns {Feature[]}
 */
export function buildAreas(places) {
  return places
    .filter((p) => p.kind === 'area')
    .map((p) => {
      const f = frame(p.coordinates[1]);
      const [cx, cy] = f.toKm(p.coordinates);
      /** @type {Position[]} */
      const ring = [];
      for (let i = 0; i < 48; i += 1) {
        const a = (i / 48) * 2 * Math.PI;
        const r = AREA_RADIUS_KM * (1 + 0.12 * Math.sin(3 * a + 0.6) + 0.07 * Math.sin(5 * a + 2.1));
        ring.push(f.toDeg([cx + 1.15 * r * Math.cos(a), cy + r * Math.sin(a)]));
      }
      ring.push(ring[0]);
      return {
        type: 'Feature',
        properties: {
          id: p.id,
          name_en: p.name.en,
          name_ar: p.name.ar,
          kind: p.kind,
          precision: p.precision,
          note_en: p.note.en,
          note_ar: p.note.ar,
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    });
}

/**
 * Chaikin corner cutting; keeps both end points.
 * @param {Position[]} coords
 * @param {number} rounds
 * @returns {Position[]}
 */
function chaikin(coords, rounds) {
  let line = coords;
  for (let k = 0; k < rounds; k += 1) {
    /** @type {Position[]} */
    const next = [line[0]];
    for (let i = 0; i < line.length - 1; i += 1) {
      const [a, b] = [line[i], line[i + 1]];
      next.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]]);
      next.push([0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    next.push(/** @type {Position} */ (line.at(-1)));
    line = next;
  }
  return line;
}

/**
 * Cut out the small loops that offsetting a bent line leaves on the inside of
 * bends: where two non-adjacent segments cross, keep the crossing point only.
 * @param {Position[]} coords
 * @returns {Position[]}
 */
function removeLoops(coords) {
  const line = [...coords];
  for (let i = 0; i < line.length - 1; i += 1) {
    for (let j = line.length - 2; j > i + 1; j -= 1) {
      const [a, b, c, d] = [line[i], line[i + 1], line[j], line[j + 1]];
      const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
      if (den === 0) continue;
      const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
      const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den;
      if (t < 0 || t > 1 || u < 0 || u > 1) continue;
      line.splice(i + 1, j - i, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      break;
    }
  }
  return line;
}

export const TRENCH_OFFSET_KM = 4;
export const TRENCH_CLAIMED_KM = 620;

/**
 * The trench, drawn schematically along the border on the Iraqi side: the
 * border is generalised (about 2 km), smoothed and offset into Iraq.
 * @param {Feature<LineString>} border unsimplified border, north to south
 * @param {number} borderKm measured border length, rounded
 * @param {Feature} iraq Iraq's polygon as drawn
 * @returns {Feature[]} the line and its label point
 */
export function buildTrench(border, borderKm, iraq) {
  const coords = chaikin(turf.simplify(border, { tolerance: 0.005, highQuality: true }).geometry.coordinates, 2);
  const f = frame(turf.center(border).geometry.coordinates[1]);
  const planar = turf.lineString(coords.map(f.toKm));
  const offsetLine = (/** @type {number} */ km) => turf.lineOffset(planar, km, { units: 'degrees' }).geometry.coordinates.map(f.toDeg);
  const inIraq = (/** @type {Position} */ p) => turf.booleanPointInPolygon(p, /** @type {any} */ (iraq));
  let line = offsetLine(TRENCH_OFFSET_KM);
  if (line.filter(inIraq).length < line.length / 2) line = offsetLine(-TRENCH_OFFSET_KM);
  const first = line.findIndex(inIraq);
  const last = line.length - 1 - [...line].reverse().findIndex(inIraq);
  line = line.slice(first, last + 1);
  const smooth = turf.lineString(removeLoops(line));
  for (const p of smooth.geometry.coordinates) {
    const fromBorder = turf.pointToLineDistance(p, border, { units: 'kilometers' });
    if (!inIraq(p) && fromBorder > 1) throw new Error(`Trench point ${p} lies outside Iraq`);
  }
  const label = turf.along(smooth, turf.length(smooth) / 2);
  const properties = {
    schematic: true,
    claimed_km: TRENCH_CLAIMED_KM,
    border_km: borderKm,
    label_en: `Trench (schematic): ${TRENCH_CLAIMED_KM} km, as claimed by Iraq`,
    label_ar: `الخندق (رسم تخطيطي): ${TRENCH_CLAIMED_KM} كم بحسب العراق`,
  };
  return [
    { type: 'Feature', properties: { role: 'line', ...properties }, geometry: smooth.geometry },
    { type: 'Feature', properties: { role: 'label', ...properties }, geometry: label.geometry },
  ];
}

const ARROW_POINTS = 28;
const HEAD_LENGTH_KM = 12;
const HEAD_HALF_WIDTH_KM = 6;

/**
 * @typedef {{ id: string, kind: 'convoy' | 'transfer', from: Position, to: Position,
 *   startGapKm: number, endGapKm: number, bend: number, label?: { en: string, ar: string } }} ArrowSpec
 */

/**
 * A curved shaft (quadratic Bézier) and a triangular head whose tip is the end.
 * @param {ArrowSpec} spec
 * @returns {Feature[]}
 */
export function arrow(spec) {
  const f = frame((spec.from[1] + spec.to[1]) / 2);
  const [a, b] = [f.toKm(spec.from), f.toKm(spec.to)];
  const span = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const [ux, uy] = [(b[0] - a[0]) / span, (b[1] - a[1]) / span];
  const start = [a[0] + ux * spec.startGapKm, a[1] + uy * spec.startGapKm];
  const tip = [b[0] - ux * spec.endGapKm, b[1] - uy * spec.endGapKm];
  const len = Math.hypot(tip[0] - start[0], tip[1] - start[1]);
  const control = [(start[0] + tip[0]) / 2 - uy * spec.bend * len, (start[1] + tip[1]) / 2 + ux * spec.bend * len];
  const toTip = Math.hypot(tip[0] - control[0], tip[1] - control[1]);
  const [dx, dy] = [(tip[0] - control[0]) / toTip, (tip[1] - control[1]) / toTip];
  const base = [tip[0] - dx * HEAD_LENGTH_KM, tip[1] - dy * HEAD_LENGTH_KM];
  /** @type {Position[]} */
  const shaft = [];
  for (let i = 0; i < ARROW_POINTS; i += 1) {
    const t = i / (ARROW_POINTS - 1);
    const [k0, k1, k2] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
    shaft.push(f.toDeg([k0 * start[0] + k1 * control[0] + k2 * base[0], k0 * start[1] + k1 * control[1] + k2 * base[1]]));
  }
  const left = [base[0] - dy * HEAD_HALF_WIDTH_KM, base[1] + dx * HEAD_HALF_WIDTH_KM];
  const right = [base[0] + dy * HEAD_HALF_WIDTH_KM, base[1] - dx * HEAD_HALF_WIDTH_KM];
  const head = [tip, left, right, tip].map(f.toDeg);
  const labels = spec.label ? { label_en: spec.label.en, label_ar: spec.label.ar } : {};
  return [
    {
      type: 'Feature',
      properties: { id: spec.id, kind: spec.kind, part: 'shaft', ...labels },
      geometry: { type: 'LineString', coordinates: shaft },
    },
    {
      type: 'Feature',
      properties: { id: spec.id, kind: spec.kind, part: 'head' },
      geometry: { type: 'Polygon', coordinates: [head] },
    },
  ];
}

/**
 * Where the transfer arrow stops: just across the border, about 19 km inside
 * Iraq, at no named site. The destination ("a secure location inside Iraq")
 * is not public, so the tip must not read as one: it stays near the border
 * and far from Mosul (see checkTransferEnd). East of the border's bend rather
 * than south of it, so that the label under the head stays clear of Al-Hol's.
 */
export const TRANSFER_END = /** @type {Position} */ ([41.92, 36.45]);
/** The tip lies at most this far from the Syria–Iraq border, in km. */
export const TRANSFER_MAX_BORDER_KM = 30;
/** and at least this far inside Iraq, so the arrow clearly crosses. */
export const TRANSFER_MIN_BORDER_KM = 10;
/** and at least this far from Mosul, in km. */
export const TRANSFER_MIN_MOSUL_KM = 100;

/**
 * Throws unless the transfer arrow's tip lies inside Iraq, just across the
 * border and far from Mosul.
 * @param {Position} tip
 * @param {Feature<LineString>} border the Syria–Iraq border
 * @param {Feature} iraq Iraq's polygon
 * @param {Position} mosul
 */
export function checkTransferEnd(tip, border, iraq, mosul) {
  if (!turf.booleanPointInPolygon(tip, /** @type {any} */ (iraq))) {
    throw new Error(`Transfer arrow tip ${tip} lies outside Iraq`);
  }
  const fromBorder = turf.pointToLineDistance(tip, border, { units: 'kilometers' });
  if (fromBorder > TRANSFER_MAX_BORDER_KM || fromBorder < TRANSFER_MIN_BORDER_KM) {
    throw new Error(
      `Transfer arrow tip ${tip} lies ${fromBorder.toFixed(1)} km from the border ` + `(allowed ${TRANSFER_MIN_BORDER_KM}–${TRANSFER_MAX_BORDER_KM} km)`,
    );
  }
  const fromMosul = turf.distance(tip, mosul, { units: 'kilometers' });
  if (fromMosul < TRANSFER_MIN_MOSUL_KM) {
    throw new Error(`Transfer arrow tip ${tip} lies ${fromMosul.toFixed(0)} km from Mosul (at least ${TRANSFER_MIN_MOSUL_KM})`);
  }
}

/**
 * The Syria–Iraq border and Iraq's unsimplified polygon from Natural Earth.
 * @returns {{ border: Feature<LineString>, iraq: Feature }}
 */
function naturalEarthFrontier() {
  const topology = loadTopology('countries-10m.json');
  const geometry = /** @type {any} */ (topology.objects.countries).geometries.find((/** @type {any} */ g) => g.properties.name === 'Iraq');
  return { border: buildBorder(topology).line, iraq: /** @type {Feature} */ (topoFeature(topology, geometry)) };
}

/**
 * The story's movement arrows.
 * @param {Place[]} places
 * @param {{ border: Feature<LineString>, iraq: Feature }} [frontier] the border and Iraq
 *   to check the transfer arrow's tip against (default: read from Natural Earth)
 * @returns {Feature[]}
 */
export function buildArrows(places, frontier = naturalEarthFrontier()) {
  checkTransferEnd(TRANSFER_END, frontier.border, frontier.iraq, place(places, 'mosul').coordinates);
  const hasakah = place(places, 'hasakah').coordinates;
  /** @type {ArrowSpec[]} */
  const specs = [
    {
      id: 'convoy-raqqa',
      kind: 'convoy',
      from: place(places, 'raqqa').coordinates,
      to: hasakah,
      startGapKm: 6,
      endGapKm: 8,
      bend: 0.2,
    },
    {
      id: 'convoy-deir-ezzor',
      kind: 'convoy',
      from: place(places, 'deir-ezzor').coordinates,
      to: hasakah,
      startGapKm: 6,
      endGapKm: 8,
      bend: 0.06,
    },
    {
      id: 'transfer-iraq',
      kind: 'transfer',
      from: hasakah,
      to: TRANSFER_END,
      startGapKm: 6,
      endGapKm: 0,
      bend: 0.12,
      label: { en: 'Into Iraq: destination not public', ar: 'إلى داخل العراق: الوجهة غير معلنة' },
    },
  ];
  return specs.flatMap(arrow);
}
