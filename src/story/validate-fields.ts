/** Field checks used by ./validate.ts. Each reports problems to a sink and returns the typed value, or undefined. */
import { markerProblem } from './inline.ts';
import type { Camera, Text } from './types.ts';
import { PLACE_IDS } from './types.ts';

/** Receives one problem: the field path inside the file and what is wrong. */
export type Report = (path: string, message: string) => void;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `a.b`, `a[2]`, or the key alone at the top. */
export const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const describe = (v: unknown): string => (v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

/** An object with no fields but the known ones. */
export function record(v: unknown, path: string, report: Report, known: readonly string[]): Record<string, unknown> | undefined {
  if (!isRecord(v)) {
    report(path || '(file)', `expected an object, found ${describe(v)}`);
    return undefined;
  }
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) report(at(path, key), `unknown field (known fields: ${known.join(', ')})`);
  }
  return v;
}

export function str(v: unknown, path: string, report: Report): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') {
    report(path, `expected a non-empty string, found ${typeof v === 'string' ? 'an empty string' : describe(v)}`);
    return undefined;
  }
  return v;
}

function textPart(v: unknown, path: string, report: Report, language: string): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') {
    report(path, `missing ${language} text`);
    return undefined;
  }
  const problem = markerProblem(v);
  if (problem) {
    report(path, problem);
    return undefined;
  }
  return v;
}

/** A Text: non-empty English and Arabic, with well-formed markers. */
export function text(v: unknown, path: string, report: Report): Text | undefined {
  if (!isRecord(v)) {
    report(path, `expected a text { "en": …, "ar": … }, found ${describe(v)}`);
    return undefined;
  }
  const o = record(v, path, report, ['en', 'ar']);
  return o ? textOf(o, path, report) : undefined;
}

/** The English and Arabic texts of an object that may have other fields (a paragraph). */
export function textOf(o: Record<string, unknown>, path: string, report: Report): Text | undefined {
  const en = textPart(o.en, at(path, 'en'), report, 'English');
  const ar = textPart(o.ar, at(path, 'ar'), report, 'Arabic');
  return en !== undefined && ar !== undefined ? { en, ar } : undefined;
}

/** A list whose items all pass `item`; `min` items at least. */
export function list<T>(v: unknown, path: string, report: Report, min: number, item: (x: unknown, p: string) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) {
    report(path, `expected a list, found ${describe(v)}`);
    return undefined;
  }
  if (v.length < min) report(path, `expected at least ${min} item${min === 1 ? '' : 's'}, found ${v.length}`);
  const out: T[] = [];
  let ok = v.length >= min;
  v.forEach((x, i) => {
    const r = item(x, at(path, i));
    if (r === undefined) ok = false;
    else out.push(r);
  });
  return ok ? out : undefined;
}

/** One of a fixed set of strings. */
export function member<T extends string>(v: unknown, allowed: readonly T[], path: string, report: Report, what: string): T | undefined {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  report(path, `unknown ${what} ${JSON.stringify(v)} (expected one of: ${allowed.join(', ')})`);
  return undefined;
}

/** A list of members of a fixed set, without repeats. */
export function members<T extends string>(v: unknown, allowed: readonly T[], path: string, report: Report, what: string, min = 0): T[] | undefined {
  const items = list(v, path, report, min, (x, p) => member(x, allowed, p, report, what));
  if (!items) return undefined;
  const repeated = items.filter((x, i) => items.indexOf(x) !== i);
  if (repeated.length > 0) {
    report(path, `${what} listed twice: ${[...new Set(repeated)].join(', ')}`);
    return undefined;
  }
  return items;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function realDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** An ISO date (YYYY-MM-DD), optionally within [first, last]. */
export function isoDate(v: unknown, path: string, report: Report, range?: [string, string]): string | undefined {
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  if (!m || typeof v !== 'string' || !realDay(m[1] ?? '', m[2] ?? '', m[3] ?? '')) {
    report(path, `expected an ISO date YYYY-MM-DD, found ${JSON.stringify(v)}`);
    return undefined;
  }
  if (range && (v < range[0] || v > range[1])) {
    report(path, `date ${v} is outside the story's days ${range[0]} to ${range[1]}`);
    return undefined;
  }
  return v;
}

/** An ISO date-time (YYYY-MM-DDTHH:MM[:SS][offset]), or a bare date when `dateOnly` is allowed. */
export function isoDateTime(v: unknown, path: string, report: Report, dateOnly = false): string | undefined {
  const m = typeof v === 'string' ? (ISO_DATE_TIME.exec(v) ?? (dateOnly ? ISO_DATE.exec(v) : null)) : null;
  if (!m || typeof v !== 'string' || !realDay(m[1] ?? '', m[2] ?? '', m[3] ?? '')) {
    report(path, `expected an ISO date-time such as 2026-01-20T18:00:00Z${dateOnly ? ' (or a date)' : ''}, found ${JSON.stringify(v)}`);
    return undefined;
  }
  return v;
}

function numberIn(v: unknown, lo: number, hi: number, path: string, report: Report, what: string): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    report(path, `expected ${what} between ${lo} and ${hi}, found ${JSON.stringify(v)}`);
    return undefined;
  }
  return v;
}

export const MIN_ZOOM = 3;
export const MAX_ZOOM = 12;

/** A camera: `fit` to places, or a `view` with centre and zoom. */
export function camera(v: unknown, path: string, report: Report): Camera | undefined {
  if (!isRecord(v)) {
    report(path, `expected a camera object, found ${describe(v)}`);
    return undefined;
  }
  switch (v.kind) {
    case 'fit': {
      const o = record(v, path, report, ['kind', 'places', 'maxZoom']);
      const places = members(o?.places, PLACE_IDS, at(path, 'places'), report, 'place id', 1);
      if (v.maxZoom === undefined) return places ? { kind: 'fit', places } : undefined;
      const maxZoom = numberIn(v.maxZoom, MIN_ZOOM, MAX_ZOOM, at(path, 'maxZoom'), report, 'a zoom');
      return places && maxZoom !== undefined ? { kind: 'fit', places, maxZoom } : undefined;
    }
    case 'view': {
      const o = record(v, path, report, ['kind', 'center', 'zoom']);
      const zoom = numberIn(o?.zoom, MIN_ZOOM, MAX_ZOOM, at(path, 'zoom'), report, 'a zoom');
      const c = o?.center;
      if (!Array.isArray(c) || c.length !== 2) {
        report(at(path, 'center'), `expected [longitude, latitude], found ${describe(c)}`);
        return undefined;
      }
      const lon = numberIn(c[0], -180, 180, at(path, 'center[0]'), report, 'a longitude');
      const lat = numberIn(c[1], -85, 85, at(path, 'center[1]'), report, 'a latitude');
      return lon !== undefined && lat !== undefined && zoom !== undefined ? { kind: 'view', center: [lon, lat], zoom } : undefined;
    }
    default:
      report(at(path, 'kind'), `unknown camera kind ${JSON.stringify(v.kind)} (expected "fit" or "view")`);
      return undefined;
  }
}

/** Reports every string anywhere in `v` that contains a web address: the story names publications, never links. */
export function noLinks(v: unknown, path: string, report: Report): void {
  if (typeof v === 'string') {
    if (/http|www\./i.test(v)) report(path || '(file)', 'contains a web address ("http"); name the publication and date instead');
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => noLinks(x, at(path, i), report));
  } else if (isRecord(v)) {
    for (const [k, x] of Object.entries(v)) noLinks(x, at(path, k), report);
  }
}
