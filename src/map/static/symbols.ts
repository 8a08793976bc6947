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

export interface Labels {
  lang: Lang;
  placer: Placer;
  project: Painter['project'];
  painter: Painter;
}

type Anchor = 'left' | 'right' | 'top' | 'bottom' | 'center';

/** Keeps text upright: an angle in degrees within (-90, 90]. */
function upright(deg: number): number {
  if (deg > 90) return deg - 180;
  if (deg <= -90) return deg + 180;
  return deg;
}

/** A block of lines beside a point at the first of the anchors that fits (or the first, when forced). */
function pointLabel(ctx: Labels, at: Pt, lines: Line[], style: LabelStyle, anchors: Anchor[], offset: number, force: boolean): string {
  const { width, height } = blockSize(lines, style);
  for (const anchor of anchors) {
    const r = offset * style.size;
    const [x, top, align]: [number, number, Align] =
      anchor === 'left'
        ? [at[0] + r, at[1] - height / 2, 'left']
        : anchor === 'right'
          ? [at[0] - r - width, at[1] - height / 2, 'right']
          : anchor === 'top'
            ? [at[0] - width / 2, at[1] + r, 'center']
            : anchor === 'bottom'
              ? [at[0] - width / 2, at[1] - r - height, 'center']
              : [at[0] - width / 2, at[1] - height / 2, 'center'];
    const box = { x0: x - 2, y0: top, x1: x + width + 2, y1: top + height };
    if (force) ctx.placer.force(box);
    if (force || ctx.placer.take(box)) return textBlock(lines, style, x, top, width, align, ctx.lang);
  }
  return '';
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
  for (const f of features) {
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
    const variable = r.layout('text-variable-anchor', f);
    const anchors = (Array.isArray(variable) && variable.length ? variable : [r.layout('text-anchor', f)]) as Anchor[];
    const radial = r.number('layout', 'text-radial-offset', f);
    const shift = r.layout('text-offset', f);
    const offset =
      Array.isArray(variable) && variable.length && radial ? radial : Array.isArray(shift) ? Math.hypot(Number(shift[0]) || 0, Number(shift[1]) || 0) : 0;
    out.push(pointLabel(ctx, at, lines, style, anchors, offset, r.layout('text-allow-overlap', f) === true));
  }
  return out;
}
