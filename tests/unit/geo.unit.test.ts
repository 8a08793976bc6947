// Checks the generated geography in public/data/ against the story's facts.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DATA_FILES, dataFile, parseDataFile, type DataName } from '../../src/map/data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'public/data');
const VIEW = { west: 37, south: 33.5, east: 45, north: 38 };

type Props = Record<string, unknown>;
type Areal = Feature<Polygon | MultiPolygon, Props>;
interface Place {
  id: string;
  name: { en: string; ar: string };
  kind: string;
  coordinates: [number, number];
  precision: string;
}

const read = (name: string): string => readFileSync(join(DATA, name), 'utf8');
/** A data set's features, decoded as the map decodes them (src/map/data.ts). */
const collection = (name: DataName): FeatureCollection<never, Props>['features'] =>
  (parseDataFile(name, JSON.parse(read(dataFile(name)))) as FeatureCollection<never, Props>).features;

const countries = collection('countries') as unknown as Areal[];
const country = (id: string): Areal => {
  const found = countries.find((c) => c.properties.id === id);
  if (!found) throw new Error(`no country ${id}`);
  return found;
};
const syria = country('syria');
const iraq = country('iraq');
const border = collection('border')[0] as unknown as Feature<LineString, Props>;
const places = JSON.parse(readFileSync(join(ROOT, 'geo/places.json'), 'utf8')) as Place[];
const placeAt = (id: string): Position => {
  const found = places.find((p) => p.id === id);
  if (!found) throw new Error(`no place ${id}`);
  return found.coordinates;
};
const inside = (p: Position, area: Areal): boolean => turf.booleanPointInPolygon(p, area);

// geo/ is plain JavaScript without declarations: import its transfer check with the types used here.
const { checkTransferEnd, TRANSFER_END } = (await import('../../geo/overlays.mjs' as string)) as {
  checkTransferEnd: (tip: Position, border: Feature<LineString>, iraq: Feature, mosul: Position) => void;
  TRANSFER_END: Position;
};

describe('geography data', () => {
  it('measures the Syria–Iraq border at about 599 km', () => {
    const stored = border.properties.length_km as number;
    const measured = turf.length(border, { units: 'kilometers' });
    const measurements = JSON.parse(read('measurements.json')) as Record<string, unknown>;
    expect(stored).toBeGreaterThan(590);
    expect(stored).toBeLessThan(610);
    expect(measured).toBeGreaterThan(590);
    expect(measured).toBeLessThan(610);
    expect(Math.abs(measured - stored)).toBeLessThan(0.1);
    expect(measurements.border_km).toBe(stored);
    expect(measurements.trench_claimed_km).toBe(620);
  });

  it('runs the border between Syria and Iraq', () => {
    const [syriaOutline, iraqOutline] = [syria, iraq].map((c) => turf.polygonToLine(c));
    if (!syriaOutline || !iraqOutline) throw new Error('no outlines');
    const near = (p: Position, outline: typeof syriaOutline): number => Math.min(...turf.flatten(outline).features.map((l) => turf.pointToLineDistance(p, l)));
    for (const p of border.geometry.coordinates) {
      expect(near(p, syriaOutline)).toBeLessThan(1);
      expect(near(p, iraqOutline)).toBeLessThan(1);
    }
    const km = turf.length(border);
    for (let i = 1; i < 20; i += 1) {
      const at = turf.along(border, (km * i) / 20);
      const ahead = turf.along(border, (km * i) / 20 + 1);
      const heading = turf.bearing(at, ahead);
      // Travelling north to south, Syria lies to the right and Iraq to the left.
      expect(inside(turf.destination(at, 8, heading + 90).geometry.coordinates, syria)).toBe(true);
      expect(inside(turf.destination(at, 8, heading - 90).geometry.coordinates, iraq)).toBe(true);
    }
  });

  it('draws the schematic trench on the Iraqi side', () => {
    const trench = collection('trench') as unknown as Feature<LineString | Point, Props>[];
    const line = trench.find((f) => f.properties.role === 'line') as Feature<LineString, Props>;
    const label = trench.find((f) => f.properties.role === 'label') as Feature<Point, Props>;
    expect(line.properties).toMatchObject({ schematic: true, claimed_km: 620, border_km: border.properties.length_km });
    expect(String(line.properties.label_en)).toContain('620 km');
    expect(String(line.properties.label_ar)).toContain('620 كم');
    // The glossary's one Arabic word for "schematic".
    expect(String(line.properties.label_ar)).toContain('رسم تخطيطي');
    expect(String(line.properties.label_ar)).not.toMatch(/رسم (تقريبي|توضيحي)/);
    for (const p of line.geometry.coordinates) {
      expect(inside(p, iraq) || turf.pointToLineDistance(p, border) <= 1).toBe(true);
    }
    expect(inside(label.geometry.coordinates, iraq)).toBe(true);
  });

  it('puts every place inside the map view and the right country', () => {
    const iraqi = new Set(['mosul', 'mosul-desert']);
    for (const p of places) {
      const [lon, lat] = p.coordinates;
      expect(lon).toBeGreaterThanOrEqual(VIEW.west);
      expect(lon).toBeLessThanOrEqual(VIEW.east);
      expect(lat).toBeGreaterThanOrEqual(VIEW.south);
      expect(lat).toBeLessThanOrEqual(VIEW.north);
      expect(inside(p.coordinates, iraqi.has(p.id) ? iraq : syria), p.id).toBe(true);
    }
    const points = collection('places') as unknown as Feature<Point, Props>[];
    expect(points.map((f) => f.properties.id).sort()).toEqual(
      places
        .filter((p) => p.kind !== 'area')
        .map((p) => p.id)
        .sort(),
    );
  });

  it('draws the Mosul desert as an approximate area, never as a pin', () => {
    const areas = collection('areas') as unknown as Areal[];
    const desert = areas.find((f) => f.properties.id === 'mosul-desert');
    expect(desert?.geometry.type).toBe('Polygon');
    expect(desert?.properties.precision).toBe('approximate');
    for (const p of (desert as Feature<Polygon>).geometry.coordinates[0] ?? []) expect(inside(p, iraq)).toBe(true);
    const points = collection('places') as unknown as Feature<Point, Props>[];
    expect(points.some((f) => f.properties.id === 'mosul-desert' || f.properties.kind === 'area')).toBe(false);
    const shaddadi = points.find((f) => f.properties.id === 'shaddadi');
    expect(shaddadi?.properties.precision).toBe('approximate');
  });

  it('ends the transfer arrow just across the border, far from Mosul (the destination is not public)', () => {
    const arrows = collection('arrows') as unknown as Feature<LineString | Polygon, Props>[];
    const shaft = arrows.find((f) => f.properties.id === 'transfer-iraq' && f.properties.part === 'shaft');
    const head = arrows.find((f) => f.properties.id === 'transfer-iraq' && f.properties.part === 'head');
    const tip = (head as Feature<Polygon>).geometry.coordinates[0]?.[0];
    if (!tip) throw new Error('the transfer arrow has no head');
    expect(inside(tip, iraq)).toBe(true);
    // Just inside Iraq: clearly across the border, but no farther than about 30 km.
    const fromBorder = turf.pointToLineDistance(tip, border, { units: 'kilometers' });
    expect(fromBorder).toBeGreaterThan(10);
    expect(fromBorder).toBeLessThanOrEqual(30);
    // The whole head is in Iraq, so the arrow points into it.
    for (const p of (head as Feature<Polygon>).geometry.coordinates[0] ?? []) expect(inside(p, iraq)).toBe(true);
    // Nowhere near Mosul, so the tip does not read as a destination there.
    expect(turf.distance(tip, placeAt('mosul'))).toBeGreaterThan(100);
    for (const p of places) expect(turf.distance(tip, p.coordinates), p.id).toBeGreaterThan(25);
    expect(shaft?.properties.label_en).toBe('Into Iraq: destination not public');
    expect(turf.lineIntersect(shaft as Feature<LineString>, border).features.length).toBe(1);
    for (const id of ['convoy-raqqa', 'convoy-deir-ezzor']) {
      const convoyHead = arrows.find((f) => f.properties.id === id && f.properties.part === 'head');
      const convoyTip = (convoyHead as Feature<Polygon>).geometry.coordinates[0]?.[0];
      if (!convoyTip) throw new Error(`${id} has no head`);
      expect(turf.distance(convoyTip, placeAt('hasakah'))).toBeGreaterThan(6);
    }
  });

  it('refuses a transfer tip outside Iraq, too deep inside it or near Mosul', () => {
    const mosul = placeAt('mosul');
    expect(() => checkTransferEnd(TRANSFER_END, border, iraq, mosul)).not.toThrow();
    expect(() => checkTransferEnd([41.2, 36.4], border, iraq, mosul)).toThrow(/outside Iraq/);
    expect(() => checkTransferEnd([42.55, 36.5], border, iraq, mosul)).toThrow(/from the border/);
    expect(() => checkTransferEnd([42.1, 36.6], border, iraq, mosul)).toThrow(/from Mosul/);
  });

  it('names the three rivers and runs them past their towns', () => {
    const rivers = collection('rivers') as unknown as Feature<LineString, Props>[];
    const towns: Record<string, string[]> = {
      euphrates: ['raqqa', 'deir-ezzor'],
      khabur: ['hasakah', 'shaddadi'],
      tigris: ['mosul'],
    };
    expect(rivers.map((r) => r.properties.id).sort()).toEqual(Object.keys(towns));
    for (const [id, names] of Object.entries(towns)) {
      const river = rivers.find((r) => r.properties.id === id) as Feature<LineString>;
      for (const town of names) expect(turf.pointToLineDistance(placeAt(town), river), town).toBeLessThan(10);
    }
  });

  it('stays small: all files together at most 40 KB gzip', () => {
    const total = readdirSync(DATA).reduce((sum, name) => sum + gzipSync(readFileSync(join(DATA, name))).length, 0);
    expect(total).toBeLessThanOrEqual(40 * 1024);
  });

  it('holds exactly the files the map reads, and the locator and measurements', () => {
    expect(readdirSync(DATA).sort()).toEqual([...DATA_FILES.map(dataFile), 'locator.json', 'measurements.json'].sort());
  });

  it('rebuilds byte-identical files', { timeout: 30_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'geo-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'geo/build.mjs'), '--out', out], { stdio: 'pipe' });
      const built = readdirSync(out).sort();
      expect(built.length).toBe(10);
      for (const name of built) {
        expect(readFileSync(join(out, name), 'utf8'), name).toBe(read(name));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
