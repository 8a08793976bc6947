// Countries, country labels and the Syria–Iraq border from Natural Earth
// 1:10m admin-0 (npm world-atlas, TopoJSON), at full resolution: the
// countries are simplified only as they are written (topology.mjs), and the
// border is measured on the source.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature as topoFeature, mesh } from 'topojson-client';
import * as turf from '@turf/turf';

const require = createRequire(import.meta.url);

/** @typedef {import('geojson').Feature} Feature */
/** @typedef {import('geojson').Polygon | import('geojson').MultiPolygon} Areal */
/** @typedef {import('geojson').Position} Position */
/** @typedef {import('topojson-specification').Topology} Topology */

/**
 * A world-atlas topology by file name.
 * @param {string} name e.g. 'countries-10m.json'
 * @returns {Topology}
 */
export function loadTopology(name) {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));
}

/** Region drawn as the country layer. */
export const COUNTRY_BBOX = /** @type {[number, number, number, number]} */ ([27, 21, 55, 44.5]);

/**
 * Natural Earth names → story ids and names. Every country inside the region
 * must be listed here; the pieces of Cyprus are drawn as one island.
 * @type {Record<string, { id: string, name_en: string, name_ar: string }>}
 */
const COUNTRIES = {
  Syria: { id: 'syria', name_en: 'Syria', name_ar: 'سوريا' },
  Iraq: { id: 'iraq', name_en: 'Iraq', name_ar: 'العراق' },
  Turkey: { id: 'turkey', name_en: 'Turkey', name_ar: 'تركيا' },
  Jordan: { id: 'jordan', name_en: 'Jordan', name_ar: 'الأردن' },
  Lebanon: { id: 'lebanon', name_en: 'Lebanon', name_ar: 'لبنان' },
  Iran: { id: 'iran', name_en: 'Iran', name_ar: 'إيران' },
  'Saudi Arabia': { id: 'saudi-arabia', name_en: 'Saudi Arabia', name_ar: 'السعودية' },
  Israel: { id: 'israel', name_en: 'Israel', name_ar: 'إسرائيل' },
  Palestine: { id: 'palestine', name_en: 'Palestine', name_ar: 'فلسطين' },
  Egypt: { id: 'egypt', name_en: 'Egypt', name_ar: 'مصر' },
  Kuwait: { id: 'kuwait', name_en: 'Kuwait', name_ar: 'الكويت' },
  Armenia: { id: 'armenia', name_en: 'Armenia', name_ar: 'أرمينيا' },
  Azerbaijan: { id: 'azerbaijan', name_en: 'Azerbaijan', name_ar: 'أذربيجان' },
  Georgia: { id: 'georgia', name_en: 'Georgia', name_ar: 'جورجيا' },
  Ukraine: { id: 'ukraine', name_en: 'Ukraine', name_ar: 'أوكرانيا' },
  Bulgaria: { id: 'bulgaria', name_en: 'Bulgaria', name_ar: 'بلغاريا' },
  'United Arab Emirates': { id: 'uae', name_en: 'United Arab Emirates', name_ar: 'الإمارات' },
  Eritrea: { id: 'eritrea', name_en: 'Eritrea', name_ar: 'إريتريا' },
  Uzbekistan: { id: 'uzbekistan', name_en: 'Uzbekistan', name_ar: 'أوزبكستان' },
  Oman: { id: 'oman', name_en: 'Oman', name_ar: 'عُمان' },
  Libya: { id: 'libya', name_en: 'Libya', name_ar: 'ليبيا' },
  Romania: { id: 'romania', name_en: 'Romania', name_ar: 'رومانيا' },
  Kazakhstan: { id: 'kazakhstan', name_en: 'Kazakhstan', name_ar: 'كازاخستان' },
  Russia: { id: 'russia', name_en: 'Russia', name_ar: 'روسيا' },
  Bahrain: { id: 'bahrain', name_en: 'Bahrain', name_ar: 'البحرين' },
  Qatar: { id: 'qatar', name_en: 'Qatar', name_ar: 'قطر' },
  Greece: { id: 'greece', name_en: 'Greece', name_ar: 'اليونان' },
  Sudan: { id: 'sudan', name_en: 'Sudan', name_ar: 'السودان' },
  Turkmenistan: { id: 'turkmenistan', name_en: 'Turkmenistan', name_ar: 'تركمانستان' },
  Cyprus: { id: 'cyprus', name_en: 'Cyprus', name_ar: 'قبرص' },
  'N. Cyprus': { id: 'cyprus', name_en: 'Cyprus', name_ar: 'قبرص' },
  'Cyprus U.N. Buffer Zone': { id: 'cyprus', name_en: 'Cyprus', name_ar: 'قبرص' },
  Akrotiri: { id: 'cyprus', name_en: 'Cyprus', name_ar: 'قبرص' },
  Dhekelia: { id: 'cyprus', name_en: 'Cyprus', name_ar: 'قبرص' },
};

/** Label points, inside the map view [37, 33.5, 45, 38] where the country
 * reaches into it, otherwise inside the country layer's region. */
const LABELS = /** @type {Record<string, [number, number]>} */ ({
  syria: [38.9, 35.0],
  iraq: [42.8, 34.8],
  turkey: [40.0, 37.7],
  jordan: [36.9, 31.2],
  lebanon: [35.9, 33.95],
  iran: [46.8, 34.8],
  'saudi-arabia': [40.5, 30.8],
  israel: [34.8, 31.0],
  palestine: [35.25, 31.9],
  egypt: [33.8, 30.4],
  armenia: [44.8, 40.3],
  azerbaijan: [47.6, 40.4],
  cyprus: [33.4, 35.05],
});

/**
 * Topology arcs as absolute positions (undoing quantisation and delta coding).
 * @param {Topology} topology
 * @returns {Position[][]}
 */
function absoluteArcs(topology) {
  const t = topology.transform;
  if (!t) return topology.arcs.map((arc) => arc.map((p) => [p[0], p[1]]));
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/**
 * Arc indices used by a TopoJSON geometry.
 * @param {any} geometry
 * @param {Set<number>} into
 */
function collectArcs(geometry, into) {
  const walk = (/** @type {any} */ a) => {
    if (typeof a === 'number') into.add(a < 0 ? ~a : a);
    else a.forEach(walk);
  };
  if (geometry.arcs) walk(geometry.arcs);
}

/**
 * A copy of the topology with the given geometries and their arcs simplified
 * one by one, so that neighbouring countries keep exactly the same shared
 * boundary (the arcs' end points, where three countries meet, stay).
 * @param {Topology} topology
 * @param {any[]} geometries
 * @param {(arc: Position[]) => Position[]} simplifyArc
 * @returns {Topology}
 */
export function simplifiedTopology(topology, geometries, simplifyArc) {
  const used = new Set();
  geometries.forEach((g) => collectArcs(g, used));
  const arcs = absoluteArcs(topology).map((arc, i) => (used.has(i) ? simplifyArc(arc) : []));
  return /** @type {Topology} */ ({
    type: 'Topology',
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  });
}

/**
 * Drop degenerate rings and polygons left by clipping.
 * @param {Areal} geometry
 * @returns {Areal | null}
 */
function cleanAreal(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.map((rings) => rings.filter((r) => r.length >= 4 && turf.area(turf.polygon([r])) > 1e4)).filter((rings) => rings.length > 0);
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/**
 * The grid of the TopoJSON output: the source's own quantisation grid
 * (world-atlas stores Natural Earth on it), moved to the region's south-west
 * corner. Every source position lies on it, so it is stored exactly.
 * @param {Topology} topology countries-10m
 * @returns {import('./topology.mjs').Grid}
 */
export function countryGrid(topology) {
  const t = topology.transform;
  if (!t) throw new Error('countries-10m is expected to be quantised');
  const cell = (/** @type {0 | 1} */ axis) => t.translate[axis] + Math.floor((COUNTRY_BBOX[axis] - t.translate[axis]) / t.scale[axis]) * t.scale[axis];
  return { step: [t.scale[0], t.scale[1]], origin: [cell(0), cell(1)] };
}

/**
 * Countries in the region, clipped, at full resolution; sorted by id. They
 * are simplified as TopoJSON arcs when written (topology.mjs), so that
 * neighbours keep one shared boundary.
 * @param {Topology} topology countries-10m
 * @returns {Feature[]}
 */
export function buildCountries(topology) {
  const all = /** @type {any} */ (topology.objects.countries).geometries;
  const region = turf.bboxPolygon(COUNTRY_BBOX);
  const candidates = all.filter((/** @type {any} */ g) => {
    const f = topoFeature(topology, g);
    return f.geometry && turf.booleanIntersects(f, region);
  });
  /** @type {Map<string, Feature[]>} */
  const pieces = new Map();
  for (const g of candidates) {
    const meta = COUNTRIES[g.properties.name];
    if (!meta) throw new Error(`No id and Arabic name for ${g.properties.name}`);
    const clipped = turf.bboxClip(/** @type {any} */ (topoFeature(topology, g)), COUNTRY_BBOX);
    const geometry = cleanAreal(/** @type {Areal} */ (clipped.geometry));
    if (geometry) pieces.set(meta.id, [...(pieces.get(meta.id) ?? []), turf.feature(geometry)]);
  }
  return [...pieces.keys()].sort().map((id) => {
    const parts = /** @type {Feature[]} */ (pieces.get(id));
    const merged = parts.length === 1 ? parts[0] : turf.union(turf.featureCollection(/** @type {any} */ (parts)));
    const meta = /** @type {{ id: string, name_en: string, name_ar: string }} */ (Object.values(COUNTRIES).find((c) => c.id === id));
    const geometry = cleanAreal(/** @type {Areal} */ (merged?.geometry));
    if (!geometry) throw new Error(`Empty geometry for ${id}`);
    return { type: 'Feature', properties: { ...meta }, geometry };
  });
}

/**
 * Label points, checked to lie inside their country.
 * @param {Feature[]} countries
 * @returns {Feature[]}
 */
export function buildCountryLabels(countries) {
  return Object.entries(LABELS).map(([id, point]) => {
    const country = countries.find((c) => c.properties?.id === id);
    if (!country) throw new Error(`Label for missing country ${id}`);
    if (!turf.booleanPointInPolygon(point, /** @type {any} */ (country))) {
      throw new Error(`Label point of ${id} lies outside the country`);
    }
    const { name_en, name_ar } = /** @type {Record<string, string>} */ (country.properties);
    return { type: 'Feature', properties: { id, name_en, name_ar }, geometry: { type: 'Point', coordinates: point } };
  });
}

/**
 * Chain line parts that share end points into one line.
 * @param {Position[][]} parts
 * @returns {Position[]}
 */
function chain(parts) {
  const same = (/** @type {Position} */ a, /** @type {Position} */ b) => a[0] === b[0] && a[1] === b[1];
  const rest = parts.map((p) => [...p]);
  const line = /** @type {Position[]} */ (rest.shift());
  while (rest.length > 0) {
    const i = rest.findIndex(
      (p) => same(p[0], line.at(-1) ?? []) || same(p.at(-1) ?? [], line.at(-1) ?? []) || same(p[0], line[0]) || same(p.at(-1) ?? [], line[0]),
    );
    if (i === -1) throw new Error('The Syria–Iraq border is not one connected line');
    const [p] = rest.splice(i, 1);
    if (same(p[0], line.at(-1) ?? [])) line.push(...p.slice(1));
    else if (same(p.at(-1) ?? [], line.at(-1) ?? [])) line.push(...p.reverse().slice(1));
    else if (same(p.at(-1) ?? [], line[0])) line.unshift(...p.slice(0, -1));
    else line.unshift(...p.reverse().slice(0, -1));
  }
  return line;
}

/**
 * The Syria–Iraq boundary, unsimplified, as one line from north to south.
 * @param {Topology} topology countries-10m
 * @returns {{ line: Feature<import('geojson').LineString>, km: number }}
 */
export function buildBorder(topology) {
  const isPair = (/** @type {any} */ a, /** @type {any} */ b) => {
    const names = [a.properties.name, b.properties.name].sort().join('|');
    return names === 'Iraq|Syria';
  };
  const shared = mesh(topology, /** @type {any} */ (topology.objects.countries), isPair);
  const coords = chain(shared.coordinates);
  if (coords[0][1] < /** @type {Position} */ (coords.at(-1))[1]) coords.reverse();
  const line = turf.lineString(coords);
  return { line, km: turf.length(line, { units: 'kilometers' }) };
}
