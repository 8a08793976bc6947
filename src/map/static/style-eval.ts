/**
 * Reads a MapLibre layer's paint and layout values the way MapLibre does: constants, zoom curves and data
 * expressions (`case`, `match`, `format`, `upcase`…) evaluated by the style spec's own evaluator, at the frame's zoom,
 * for one feature. Build time only: the page never loads this.
 */
import { featureFilter, latest, normalizePropertyExpression } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

/** A feature as the evaluator sees it: its geometry type (1 point, 2 line, 3 polygon) and its properties. */
interface EvalFeature {
  type: 1 | 2 | 3;
  properties: Record<string, unknown>;
}

interface Evaluable {
  evaluate(globals: { zoom: number; lineProgress?: number }, feature?: EvalFeature): unknown;
}

type SpecTable = Record<string, Record<string, { default?: unknown } | undefined> | undefined>;
const SPEC = latest as unknown as SpecTable;

function evalFeature(f: Feature): EvalFeature {
  const t = f.geometry.type;
  const type = t === 'Point' || t === 'MultiPoint' ? 1 : t === 'LineString' || t === 'MultiLineString' ? 2 : 3;
  return { type, properties: (f.properties ?? {}) as Record<string, unknown> };
}

/** One layer, read at one zoom. */
export class LayerReader {
  private readonly cache = new Map<string, Evaluable>();
  private readonly test: (f: EvalFeature) => boolean;

  constructor(
    readonly layer: LayerSpecification,
    readonly zoom: number,
    filter = 'filter' in layer ? layer.filter : undefined,
  ) {
    const compiled = featureFilter(filter, `layers.${layer.id}.filter`);
    this.test = (f) => compiled.filter({ zoom }, f as never);
  }

  /** Whether a feature passes the layer's filter. */
  accepts(f: Feature): boolean {
    return this.test(evalFeature(f));
  }

  paint(name: string, f?: Feature, lineProgress?: number): unknown {
    return this.read('paint', name, f, lineProgress);
  }

  layout(name: string, f?: Feature): unknown {
    return this.read('layout', name, f);
  }

  private read(kind: 'paint' | 'layout', name: string, f?: Feature, lineProgress?: number): unknown {
    const key = `${kind}.${name}`;
    let e = this.cache.get(key);
    if (!e) {
      const spec = SPEC[`${kind}_${this.layer.type}`]?.[name];
      if (!spec) throw new Error(`${this.layer.id}: ${name} is not a ${kind} property of a ${this.layer.type} layer`);
      const values = (kind === 'paint' ? ('paint' in this.layer ? this.layer.paint : undefined) : this.layer.layout) as Record<string, unknown> | undefined;
      const value = values?.[name] ?? spec.default;
      e = normalizePropertyExpression(value as never, `layers.${this.layer.id}.${key}`, spec as never) as unknown as Evaluable;
      this.cache.set(key, e);
    }
    return e.evaluate({ zoom: this.zoom, ...(lineProgress === undefined ? {} : { lineProgress }) }, f ? evalFeature(f) : undefined);
  }

  number(kind: 'paint' | 'layout', name: string, f?: Feature): number {
    const v = kind === 'paint' ? this.paint(name, f) : this.layout(name, f);
    return typeof v === 'number' ? v : Number.NaN;
  }
}

/** A colour as SVG writes it: `#rrggbb` and an opacity (0 for a transparent colour, which SVG then draws as none). */
export function svgColor(value: unknown): { color: string; opacity: number } {
  const c = value as { r?: number; g?: number; b?: number; a?: number } | null;
  if (!c || typeof c.r !== 'number' || typeof c.a !== 'number') return { color: 'none', opacity: 0 };
  const a = c.a;
  if (a === 0) return { color: 'none', opacity: 0 };
  // The evaluator's channels are premultiplied by alpha.
  const hex = [c.r, c.g ?? 0, c.b ?? 0]
    .map((v) =>
      Math.round((v / a) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return { color: `#${hex}`, opacity: a };
}

/** A text-field value as lines, each with its font scale (`format` sections with "\n" break lines). */
export function textLines(value: unknown): { text: string; scale: number }[] {
  const sections =
    typeof value === 'string'
      ? [{ text: value, scale: 1 }]
      : ((value as { sections?: { text: string; scale: number | null }[] } | null)?.sections ?? []).map((s) => ({ text: s.text, scale: s.scale ?? 1 }));
  const lines: { text: string; scale: number }[] = [];
  let current: { text: string; scale: number } | null = null;
  for (const s of sections) {
    const parts = s.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) current = null;
      if (!part) return;
      if (current) current.text += part;
      else lines.push((current = { text: part, scale: s.scale }));
    });
  }
  return lines;
}
