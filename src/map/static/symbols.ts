/**
 * Symbol layers of the still image: each feature's text, size, font, colours, anchors, offsets and wrapping read from
 * the layer (style-eval.ts), placed like MapLibre places them (the first anchor that fits, no overlaps unless the
 * layer allows them; line labels along the longest visible run) and written as SVG text.
 */
import type { Feature } from 'geojson';
import type { Lang } from '../../story/types.ts';
import { along, lineLength, type Pt } from './geometry.ts';
import { blockSize, textBlock, textWidth, wrap, type Align, type LabelStyle, type Line, type Placer } from './labels.ts';
import { lineRuns, type Painter } from './shapes.ts';
import { svgColor, textLines, type LayerReader } from './style-eval.ts';
import { KEEP_OUT } from '../layers/label-anchors.ts';

export interface Labels {
  lang: Lang;
  placer: Placer;
  project: Painter['project'];
  painter: Painter;
}

type Anchor = 'left' | 'right' | 'top' | 'bottom' | 'center' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** One candidate position of a point label: the side or corner of the text at the point, moved by `offset` ems. */
interface Spot {
  anchor: Anchor;
  offset: [number, number];
}

/** The unit direction, in ems, from a point to its text for an anchor (MapLibre's radial offset). */
const DIRECTION: Readonly<Record<Anchor, [number, number]>> = {
  left: [1, 0],
  right: [-1, 0],
  top: [0, 1],
  bottom: [0, -1],
  center: [0, 0],
  'top-left': [Math.SQRT1_2, Math.SQRT1_2],
  'top-right': [-Math.SQRT1_2, Math.SQRT1_2],
  'bottom-left': [Math.SQRT1_2, -Math.SQRT1_2],
  'bottom-right': [-Math.SQRT1_2, -Math.SQRT1_2],
};

/** Keeps text upright: an angle in degrees within (-90, 90]. */
function upright(deg: number): number {
  if (deg > 90) return deg - 180;
  if (deg <= -90) return deg + 180;
  return deg;
}

/** A block of lines beside a point at the first of the spots that fits (or the first, when forced). */
function pointLabel(
  ctx: Labels,
  at: Pt,
  lines: Line[],
  style: LabelStyle,
  spots: Spot[],
  justify: string,
  force: boolean,
  name: { layer: string; id: string },
): string {
  const { width, height } = blockSize(lines, style);
  for (const { anchor, offset } of spots) {
    const px = at[0] + offset[0] * style.size;
    const py = at[1] + offset[1] * style.size;
    const h = anchor.endsWith('left') ? 'left' : anchor.endsWith('right') ? 'right' : 'center';
    const x = h === 'left' ? px : h === 'right' ? px - width : px - width / 2;
    const top = anchor.startsWith('top') ? py : anchor.startsWith('bottom') ? py - height : py - height / 2;
    const align: Align = justify === 'left' || justify === 'right' || justify === 'center' ? justify : h;
    const box = { x0: x - 2, y0: top, x1: x + width + 2, y1: top + height, ...name };
    if (force) ctx.placer.force(box);
    if (force || ctx.placer.take(box)) return textBlock(lines, style, x, top, width, align, ctx.lang);
  }
  return '';
}

/** The spots of a point label: `text-variable-anchor-offset`, else the variable anchors or the anchor with their offset. */
function spotsOf(r: LayerReader, f: Feature): Spot[] {
  const listed = r.layout('text-variable-anchor-offset', f);
  const values = Array.isArray(listed) ? listed : (listed as { values?: unknown } | null)?.values;
  if (Array.isArray(values) && values.length) {
    const spots: Spot[] = [];
    for (let i = 0; i + 1 < values.length; i += 2) {
      const o = values[i + 1];
      spots.push({ anchor: values[i] as Anchor, offset: Array.isArray(o) ? [Number(o[0]) || 0, Number(o[1]) || 0] : [0, 0] });
    }
    return spots;
  }
  const variable = r.layout('text-variable-anchor', f);
  const radial = r.number('layout', 'text-radial-offset', f);
  if (Array.isArray(variable) && variable.length && radial) {
    return (variable as Anchor[]).map((anchor) => ({ anchor, offset: [DIRECTION[anchor][0] * radial, DIRECTION[anchor][1] * radial] }));
  }
  const shift = r.layout('text-offset', f);
  const offset: [number, number] = Array.isArray(shift) ? [Number(shift[0]) || 0, Number(shift[1]) || 0] : [0, 0];
  const anchors = (Array.isArray(variable) && variable.length ? variable : [r.layout('text-anchor', f)]) as Anchor[];
  return anchors.map((anchor) => ({ anchor, offset }));
}

/** A layer that only keeps labels clear (see layers/label-anchors.ts `keepOut`): its squares are taken, nothing drawn. */
function keepClear(ctx: Labels, r: LayerReader, features: Feature[]): void {
  for (const f of features) {
    const half = r.number('layout', 'text-size', f) / 2;
    const square = (p: Pt): void => ctx.placer.keep({ x0: p[0] - half, y0: p[1] - half, x1: p[0] + half, y1: p[1] + half });
    if (r.layout('symbol-placement', f) === 'line') {
      const step = r.number('layout', 'symbol-spacing', f) || 6;
      for (const run of lineRuns(ctx.painter, [f])) for (let d = 0; d <= lineLength(run); d += step) square(along(run, d).at);
      continue;
    }
    const at = labelPoint(ctx, f);
    if (at) square(at);
  }
}

/** One line of text along a line at `distance` px from its start, kept upright. */
function lineLabel(ctx: Labels, line: Pt[], distance: number, text: string, style: LabelStyle): string {
  const { at, angle } = along(line, distance);
  const deg = upright((angle * 180) / Math.PI);
  const rad = (deg * Math.PI) / 180;
  const [cx, cy] = at;
  const { width, height } = blockSize([{ text, scale: 1 }], style);
  const w = Math.abs(Math.cos(rad)) * width + Math.abs(Math.sin(rad)) * height;
  const h = Math.abs(Math.sin(rad)) * width + Math.abs(Math.cos(rad)) * height;
  if (!ctx.placer.take({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 })) return '';
  return textBlock([{ text, scale: 1 }], style, cx - width / 2, cy - height / 2, width, 'center', ctx.lang, { angle: deg, cx, cy });
}

/** Where a point label of a feature sits: a point, or the middle of a polygon's outer ring. */
function labelPoint(ctx: Labels, f: Feature): Pt | null {
  const g = f.geometry;
  if (g.type === 'Point') return ctx.project(g.coordinates[0] ?? 0, g.coordinates[1] ?? 0);
  if (g.type !== 'Polygon') return null;
  const ring = (g.coordinates[0] ?? []).slice(0, -1).map((c) => ctx.project(c[0] ?? 0, c[1] ?? 0));
  if (!ring.length) return null;
  return ring.reduce<Pt>((acc, q) => [acc[0] + q[0] / ring.length, acc[1] + q[1] / ring.length], [0, 0]);
}

/** The labels of one symbol layer, placed against those already placed. */
export function placeSymbols(ctx: Labels, r: LayerReader, features: Feature[]): string[] {
  const out: string[] = [];
  if ((r.layer.metadata as Record<string, unknown> | undefined)?.[KEEP_OUT]) {
    keepClear(ctx, r, features);
    return out;
  }
  // MapLibre places a layer's labels in the order of their `symbol-sort-key`, the lowest first.
  const sortKey = (f: Feature): number => Number(r.layout('symbol-sort-key', f) ?? 0) || 0;
  for (const f of [...features].sort((a, b) => sortKey(a) - sortKey(b))) {
    const size = r.number('layout', 'text-size', f);
    const fonts = r.layout('text-font', f);
    const style: LabelStyle = {
      size,
      bold: Array.isArray(fonts) && fonts.some((name) => /bold/i.test(String(name))),
      color: svgColor(r.paint('text-color', f)).color,
      halo: svgColor(r.paint('text-halo-color', f)).color,
      haloWidth: r.number('paint', 'text-halo-width', f),
    };
    const spacing = r.number('layout', 'text-letter-spacing', f);
    if (spacing) style.letterSpacing = spacing;
    const texts = textLines(r.layout('text-field', f));
    if (!texts.length) continue;
    if (r.layout('symbol-placement', f) === 'line') {
      const text = texts.map((l) => l.text).join(' ');
      const longest = lineRuns(ctx.painter, [f]).sort((a, b) => lineLength(b) - lineLength(a))[0];
      if (!longest || lineLength(longest) < textWidth(text, size, style.bold, spacing) + 60) continue;
      out.push(lineLabel(ctx, longest, lineLength(longest) / 2, text, style));
      continue;
    }
    const at = labelPoint(ctx, f);
    if (!at) continue;
    const max = r.number('layout', 'text-max-width', f) * size;
    const lines = texts.flatMap((l) => wrap(l.text, size * l.scale, style.bold, max).map((text) => ({ text, scale: l.scale })));
    const name = { layer: r.layer.id, id: String(f.properties?.id ?? '') };
    out.push(pointLabel(ctx, at, lines, style, spotsOf(r, f), String(r.layout('text-justify', f)), r.layout('text-allow-overlap', f) === true, name));
  }
  return out;
}
