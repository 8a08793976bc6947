/**
 * Labels of the static maps: estimated text widths, line wrapping like MapLibre's `text-max-width`, a simple
 * collision pass (first come, first placed, the way higher style layers win in MapLibre), and SVG <text> output.
 * Arabic is written in logical order with `direction="rtl"` set on the image; it is never reversed here.
 */
import type { Lang } from '../../story/types.ts';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** One line of a label; `scale` is MapLibre's `font-scale` of a formatted section. */
export interface Line {
  text: string;
  scale: number;
}

export interface LabelStyle {
  size: number;
  bold: boolean;
  color: string;
  halo: string;
  haloWidth: number;
  letterSpacing?: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A placed label's box, named by its layer and its feature's id (for the tests). */
export interface LabelBox extends Box {
  layer?: string;
  id?: string;
}

/** Rough advance of a text in px (Noto Sans / Noto Sans Arabic averages), enough to keep labels apart. */
export function textWidth(text: string, size: number, bold = false, letterSpacing = 0): number {
  let width = 0;
  for (const ch of text) {
    const em = ARABIC.test(ch) ? 0.48 : ch === ' ' ? 0.26 : /[A-Z]/.test(ch) ? 0.66 : /[0-9]/.test(ch) ? 0.57 : 0.53;
    width += em + letterSpacing;
  }
  return width * size * (bold ? 1.06 : 1);
}

/** Splits a text into lines no wider than `maxWidth` px, at spaces. */
export function wrap(text: string, size: number, bold: boolean, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A place's marker in the image: its dot or ring, centre and outer radius. */
export interface Marker {
  id: string;
  x: number;
  y: number;
  r: number;
}

/** How far a box lies from a marker's outline. */
export function markerGap(m: Marker, b: Box): number {
  const dx = Math.max(b.x0 - m.x, 0, m.x - b.x1);
  const dy = Math.max(b.y0 - m.y, 0, m.y - b.y1);
  return Math.max(0, Math.hypot(dx, dy) - m.r);
}

/** Boxes already taken by placed labels. */
export class Placer {
  private readonly taken: Box[] = [];
  /** The boxes of the labels placed, in order (not the areas only kept clear). */
  readonly labels: LabelBox[] = [];

  /** `markers`: the places' dots and rings; a place's name is placed only where its own marker is the nearest. */
  constructor(
    private readonly bounds: Box,
    private readonly markers: readonly Marker[] = [],
  ) {}

  /** True when the box names a place and sits nearer another place's marker than its own. */
  private misleading(box: LabelBox): boolean {
    const own = this.markers.find((m) => m.id === box.id);
    if (!own) return false;
    const gap = markerGap(own, box);
    return this.markers.some((m) => m !== own && markerGap(m, box) <= gap);
  }

  /** Takes a label's box whatever it overlaps (MapLibre's `text-allow-overlap`), so later labels keep clear of it. */
  force(box: LabelBox): void {
    this.taken.push(box);
    this.labels.push(box);
  }

  /** Keeps an area clear of later labels (a marker, a line) without a label in it. */
  keep(box: Box): void {
    this.taken.push(box);
  }

  /** Takes the box when it is inside the image and free; false when it would collide. */
  take(box: LabelBox): boolean {
    const b = this.bounds;
    if (box.x0 < b.x0 || box.y0 < b.y0 || box.x1 > b.x1 || box.y1 > b.y1) return false;
    if (this.taken.some((t) => overlaps(t, box)) || this.misleading(box)) return false;
    this.taken.push(box);
    this.labels.push(box);
    return true;
  }
}

const LINE_HEIGHT = 1.2;

/** Width and height of a block of lines. */
export function blockSize(lines: Line[], style: LabelStyle): { width: number; height: number } {
  const width = Math.max(0, ...lines.map((l) => textWidth(l.text, style.size * l.scale, style.bold, style.letterSpacing ?? 0)));
  const height = lines.reduce((h, l) => h + style.size * l.scale * LINE_HEIGHT, 0);
  return { width, height };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export type Align = 'left' | 'center' | 'right';

/**
 * A block of lines whose box starts at (x, top), aligned inside its width. `left` and `right` are physical;
 * under `direction="rtl"` (Arabic) `text-anchor` start is the right edge, so the anchors are swapped.
 */
export function textBlock(
  lines: Line[],
  style: LabelStyle,
  x: number,
  top: number,
  width: number,
  align: Align,
  lang: Lang,
  rotate?: { angle: number; cx: number; cy: number },
): string {
  const rtl = lang === 'ar';
  const anchor = align === 'center' ? 'middle' : (align === 'left') !== rtl ? 'start' : 'end';
  const ax = align === 'left' ? x : align === 'right' ? x + width : x + width / 2;
  let y = top;
  const spans = lines.map((l) => {
    const size = style.size * l.scale;
    const baseline = y + size * (LINE_HEIGHT / 2 + 0.35);
    y += size * LINE_HEIGHT;
    const sizeAttr = l.scale === 1 ? '' : ` font-size="${num(size)}"`;
    return { baseline, tspan: `<tspan x="${num(ax)}" y="${num(baseline)}"${sizeAttr}>${escapeXml(l.text)}</tspan>` };
  });
  const attrs = [
    `font-size="${num(style.size)}"`,
    style.bold ? 'font-weight="700"' : '',
    `fill="${style.color}"`,
    `stroke="${style.halo}"`,
    `stroke-width="${num(style.haloWidth * 2)}"`,
    anchor === 'start' ? '' : `text-anchor="${anchor}"`,
    style.letterSpacing ? `letter-spacing="${num(style.letterSpacing * style.size)}"` : '',
    rotate && Math.abs(rotate.angle) > 0.5 ? `transform="rotate(${num(rotate.angle)} ${num(rotate.cx)} ${num(rotate.cy)})"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const first = lines[0];
  if (lines.length === 1 && first && first.scale === 1) {
    return `<text x="${num(ax)}" y="${num(spans[0]?.baseline ?? top)}" ${attrs}>${escapeXml(first.text)}</text>`;
  }
  return `<text ${attrs}>${spans.map((s) => s.tspan).join('')}</text>`;
}
