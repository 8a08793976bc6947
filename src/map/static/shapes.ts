/** The drawn (non-text) layers of a static map, as SVG elements, in the live style's order. */
import type { Feature, Position } from 'geojson';
import { clipLine, clipRing, pathData, simplify, type Pt, type Rect } from './geometry.ts';
import { num } from './labels.ts';

/** Simplification tolerance in px: below what the eye sees at this size, above what costs bytes. */
export const TOLERANCE = 1.5;

export type Project = (lon: number, lat: number) => Pt;

export interface Painter {
  project: Project;
  clip: Rect;
}

function rings(feature: Feature): Position[][] {
  const g = feature.geometry;
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function lines(feature: Feature): Position[][] {
  const g = feature.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

function projectAll(p: Painter, coords: Position[]): Pt[] {
  return coords.map((c) => p.project(c[0] ?? 0, c[1] ?? 0));
}

/** Path data of the polygons of some features, clipped to the frame and simplified. */
export function polygonPath(p: Painter, features: Feature[]): string {
  let d = '';
  for (const f of features) {
    for (const ring of rings(f)) {
      const clipped = clipRing(projectAll(p, ring), p.clip);
      if (clipped.length === 0) continue;
      d += pathData(simplify([...clipped, clipped[0]!], TOLERANCE).slice(0, -1), true);
    }
  }
  return d;
}

/** The visible runs of the lines of some features, in px, simplified. */
export function lineRuns(p: Painter, features: Feature[]): Pt[][] {
  return features.flatMap((f) => lines(f).flatMap((line) => clipLine(projectAll(p, line), p.clip).map((run) => simplify(run, TOLERANCE))));
}

export function runsPath(runs: Pt[][]): string {
  return runs.map((r) => pathData(r, false)).join('');
}

/** An SVG element with attributes; empty when it has no path data. */
export function path(d: string, attrs: Record<string, string | number | undefined>): string {
  if (!d) return '';
  return `<path d="${d}"${attributes(attrs)}/>`;
}

export function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : v}"`)
    .join('');
}

/**
 * A circle drawn like MapLibre's, its stroke wholly outside the radius. The image paints strokes first
 * (`paint-order="stroke"`, for the label halos), so a filled circle gets twice the width, half of it under the fill.
 */
export function circle(at: Pt, radius: number, fill: string, stroke: string, strokeWidth: number): string {
  const filled = fill !== 'none';
  const r = filled ? radius : radius + strokeWidth / 2;
  return `<circle cx="${num(at[0])}" cy="${num(at[1])}" r="${num(r)}"${attributes({ fill, stroke, 'stroke-width': filled ? strokeWidth * 2 : strokeWidth })}/>`;
}
