/**
 * MapLibre lays right-to-left runs out in visual order but draws their brackets unmirrored (Unicode's bidi rule L4),
 * so «الخندق (رسم تخطيطي)» came out with its brackets facing the wrong way. The live map's Arabic text goes through
 * `mirrorRtlBrackets` first: each bracket that the bidi algorithm would place in a right-to-left run is replaced by
 * its mirror image, which MapLibre then draws as the reader expects. The still images are SVG text, laid out by the
 * browser, and do not need this.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapData } from './data.ts';

const MIRROR: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«', '‹': '›', '›': '‹' };
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F]/;

type Strong = 'rtl' | 'ltr' | null;
const strongOf = (c: string | undefined): Strong => (c === undefined ? null : RTL.test(c) ? 'rtl' : LTR.test(c) ? 'ltr' : null);

function nearest(chars: string[], from: number, step: 1 | -1): Strong {
  for (let i = from; i >= 0 && i < chars.length; i += step) {
    const s = strongOf(chars[i]);
    if (s) return s;
  }
  return null;
}

const OPENING = new Set(['(', '[', '{', '«', '‹']);

/** The pairs of matching brackets, by index of the opening one (bidi rule BD16, simplified to one stack). */
function bracketPairs(chars: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  chars.forEach((c, i) => {
    if (OPENING.has(c)) stack.push(i);
    else if (MIRROR[c]) {
      const open = stack.findLastIndex((j) => MIRROR[chars[j] ?? ''] === c);
      if (open >= 0) {
        pairs.set(stack[open]!, i);
        stack.length = open;
      }
    }
  });
  return pairs;
}

/**
 * The text with each bracket that falls in a right-to-left run mirrored. A pair takes the paragraph's direction when
 * it encloses text of that direction, else the direction of what it encloses if the text before it has that
 * direction too (rule N0); a lone bracket takes its neighbours' direction, or the paragraph's between two (N1, N2).
 */
export function mirrorRtlBrackets(text: string): string {
  const chars = [...text];
  const paragraph = nearest(chars, 0, 1) ?? 'ltr';
  const direction = new Map<number, Strong>();
  for (const [open, close] of bracketPairs(chars)) {
    const inside = new Set(
      chars
        .slice(open + 1, close)
        .map(strongOf)
        .filter(Boolean),
    );
    const before = nearest(chars, open - 1, -1) ?? paragraph;
    const other = paragraph === 'rtl' ? 'ltr' : 'rtl';
    const d = inside.has(paragraph) || !inside.has(other) ? paragraph : before === other ? other : paragraph;
    direction.set(open, d);
    direction.set(close, d);
  }
  return chars
    .map((c, i) => {
      const mirror = MIRROR[c];
      if (!mirror) return c;
      let d = direction.get(i);
      if (!d) {
        const before = nearest(chars, i - 1, -1) ?? paragraph;
        const after = nearest(chars, i + 1, 1) ?? paragraph;
        d = before === after ? before : paragraph;
      }
      return d === 'rtl' ? mirror : c;
    })
    .join('');
}

/** The map data with every Arabic text property (`*_ar`) prepared for MapLibre. */
export function rtlReadyData(data: MapData): MapData {
  const out: Record<string, FeatureCollection> = {};
  for (const [name, fc] of Object.entries(data)) {
    out[name] = {
      ...fc,
      features: fc.features.map((f) => {
        const props = f.properties ?? {};
        const changed = Object.entries(props).map(([k, v]) => [k, k.endsWith('_ar') && typeof v === 'string' ? mirrorRtlBrackets(v) : v]);
        return { ...f, properties: Object.fromEntries(changed) };
      }),
    };
  }
  return out as MapData;
}

/** The literal texts of a layer's `text-field` (plain, or the strings of a `format` expression) prepared for MapLibre. */
function rtlReadyLayer(layer: LayerSpecification): LayerSpecification {
  if (layer.type !== 'symbol' || !layer.layout) return layer;
  const field = layer.layout['text-field'];
  const ready =
    typeof field === 'string'
      ? mirrorRtlBrackets(field)
      : Array.isArray(field) && field[0] === 'format'
        ? field.map((part, i) => (i > 0 && typeof part === 'string' ? mirrorRtlBrackets(part) : part))
        : field;
  return { ...layer, layout: { ...layer.layout, 'text-field': ready as typeof field } };
}

/** A built Arabic style, its texts prepared for MapLibre. */
export function rtlReadyStyle(style: StyleSpecification): StyleSpecification {
  return { ...style, layers: style.layers.map(rtlReadyLayer) };
}
