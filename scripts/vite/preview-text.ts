/**
 * The text of the preview cards, laid out for resvg: the page's fonts decoded from WOFF, lines cut into runs of one
 * font and bidi level (resvg 0.3x orders right-to-left text as if the base direction were left-to-right, mirrors no
 * brackets, anchors by x and falls back badly between fonts), each run measured with resvg and drawn alone.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { REPO_ROOT } from '../../src/story/load-node.ts';
import type { Lang } from '../../src/story/types.ts';
import { escapeXml } from '../../src/map/static/labels.ts';
import { PREVIEW_SIZE } from './head.ts';
import { sfntFile } from './woff.ts';

const FONT_FILES = [
  'noto-sans/files/noto-sans-latin-400-normal',
  'noto-sans/files/noto-sans-latin-700-normal',
  'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal',
  'noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal',
];

let fontPaths: string[] | undefined;

/** The fonts as TrueType files, decoded once into node_modules/.cache/preview-fonts (or the system's temp dir). */
export function previewFonts(root: string = REPO_ROOT): string[] {
  if (fontPaths) return fontPaths;
  const dir = [join(root, 'node_modules', '.cache', 'preview-fonts'), join(tmpdir(), 'preview-fonts')].find((d) => {
    try {
      mkdirSync(d, { recursive: true });
      return true;
    } catch {
      return false;
    }
  });
  if (!dir) throw new Error('preview images: no directory to write the decoded fonts to');
  fontPaths = FONT_FILES.map((file) => sfntFile(join(root, 'node_modules', '@fontsource', `${file}.woff`), dir));
  return fontPaths;
}

export const options = (fonts: string[]): ResvgRenderOptions => ({
  font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Noto Sans' },
  fitTo: { mode: 'width', value: PREVIEW_SIZE.width },
  logLevel: 'error',
});

export type Face = 'latin' | 'arabic';
const FAMILY: Record<Face, string> = { latin: 'Noto Sans', arabic: 'Noto Sans Arabic' };
/** What the Arabic face holds (its unicode-range in fonts.css); spaces too, which the Arabic edition takes from it. */
const ARABIC_FACE = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\u200C-\u200E\u2010\u2011\u204F\u2E41\uFB50-\uFDFF\uFE70-\uFEFC]/;
const STRONG_R = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

type Run = { text: string; face: Face; level: number };

/**
 * Splits a line into runs of one face and one bidi level, in visual order (left to right). Rules W4 (a separator
 * between digits), W7 (digits after Latin are Latin), N1/N2 (neutrals take their neighbours' direction, else the
 * line's; digits count as right-to-left there) and L2 (reordering) of the Unicode bidi algorithm.
 */
export function bidiRuns(line: string, lang: Lang): Run[] {
  const chars = [...line];
  const base = lang === 'ar' ? 'R' : 'L';
  const cls = chars.map((ch) => (/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(ch) ? 'EN' : STRONG_R.test(ch) ? 'R' : /\p{L}/u.test(ch) ? 'L' : 'N'));
  cls.forEach((c, i) => {
    if (c === 'N' && /[,.:/+\-\u00A0]/.test(chars[i]!) && cls[i - 1] === 'EN' && cls[i + 1] === 'EN') cls[i] = 'EN';
  });
  let strong = base;
  cls.forEach((c, i) => {
    if (c === 'L' || c === 'R') strong = c;
    else if (c === 'EN' && strong === 'L') cls[i] = 'L';
  });
  const dir = (c: string | undefined): 'L' | 'R' => (c === 'L' || c === 'R' ? c : c === 'EN' ? 'R' : base);
  for (let i = 0; i < cls.length; i++) {
    if (cls[i] !== 'N') continue;
    let j = i;
    while (cls[j] === 'N') j++;
    const before = dir(cls[i - 1]);
    const side = before === dir(cls[j]) ? before : base;
    for (let k = i; k < j; k++) cls[k] = side;
    i = j - 1;
  }
  const levels = cls.map((c) => (base === 'L' ? (c === 'L' ? 0 : c === 'R' ? 1 : 2) : c === 'R' ? 1 : 2));
  const runs: Run[] = [];
  chars.forEach((ch, i) => {
    const face: Face = ARABIC_FACE.test(ch) || (lang === 'ar' && /[ \u00A0]/.test(ch)) ? 'arabic' : 'latin';
    const last = runs[runs.length - 1];
    if (last && last.face === face && last.level === levels[i]) last.text += ch;
    else runs.push({ text: ch, face, level: levels[i]! });
  });
  for (let level = Math.max(0, ...runs.map((r) => r.level)); level >= 1; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs;
}

export type Style = { size: number; weight: 400 | 700; fill: string };

const textAttrs = (face: Face, style: Pick<Style, 'size' | 'weight'>, rtl: boolean): string =>
  `xml:space="preserve" font-family="${FAMILY[face]}" font-size="${style.size}" font-weight="${style.weight}"${rtl ? ' direction="rtl"' : ''}`;

const advances = new Map<string, number>();

/** A text's advance width at 100 px: the ink between two copies of a letter, less that of the two letters alone. */
function advance(text: string, face: Face, weight: 400 | 700, rtl: boolean): number {
  const key = `${face}${weight}${rtl}${text}`;
  const known = advances.get(key);
  if (known !== undefined) return known;
  const mark = face === 'arabic' ? '\u0621' : 'H';
  const ink = (s: string): number => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text x="0" y="100" ${textAttrs(face, { size: 100, weight }, rtl)}>${escapeXml(s)}</text></svg>`;
    return new Resvg(svg, options(previewFonts())).getBBox()?.width ?? 0;
  };
  const width = ink(mark + text + mark) - ink(mark + mark);
  advances.set(key, width);
  return width;
}

/** What to draw ('' for spaces, mirrored where it must be), and its advance width at 100 px. */
type Piece = { text: string; face: Face; rtl: boolean; width: number };

/**
 * A line's pieces, left to right, each drawn as one <text>. resvg orders a right-to-left text as if its base direction
 * were left-to-right, so neutrals at its ends (spaces, '،') land on the wrong side, and it mirrors no brackets: a
 * right-to-left run gives it only its core, first to last letter, and its other characters are pieces of their own,
 * in visual order, mirrored (rule L4).
 */
function pieces(line: string, lang: Lang, weight: 400 | 700): Piece[] {
  return bidiRuns(line, lang).flatMap((r) => {
    const rtl = r.level % 2 === 1;
    const piece = (text: string): Piece => ({ text: text.trim() ? text : '', face: r.face, rtl, width: advance(text, r.face, weight, rtl) });
    if (!rtl) return [piece(r.text)];
    const chars = [...r.text];
    const first = chars.findIndex((ch) => /\p{L}/u.test(ch));
    const last = chars.length - 1 - [...chars].reverse().findIndex((ch) => /[\p{L}\p{M}]/u.test(ch));
    const single = (cs: string[]): Piece[] => cs.reverse().map((c) => piece(MIRROR[c] ?? c));
    if (first < 0) return single(chars);
    return [...single(chars.slice(last + 1)), piece(chars.slice(first, last + 1).join('')), ...single(chars.slice(0, first))];
  });
}

const lineWidth = (line: string, lang: Lang, style: Style): number =>
  pieces(line, lang, style.weight).reduce((sum, p) => sum + (p.width * style.size) / 100, 0);

/** A line as SVG from its left edge, each piece centred on its place (resvg anchors start and end by x, not by direction); `fill` '' inherits. */
function runsSvg(line: string, lang: Lang, style: Style, left: number, y: number): string {
  const fill = style.fill ? ` fill="${style.fill}"` : '';
  return pieces(line, lang, style.weight)
    .map((p) => {
      const w = (p.width * style.size) / 100;
      left += w;
      if (!p.text) return '';
      return `<text x="${(left - w / 2).toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle"${fill} ${textAttrs(p.face, style, p.rtl)}>${escapeXml(p.text)}</text>`;
    })
    .join('');
}

/** A line starting at `x` (English) or ending at it (Arabic). */
export function lineSvg(line: string, lang: Lang, style: Style, x: number, y: number): string {
  return runsSvg(line, lang, style, lang === 'ar' ? x - lineWidth(line, lang, style) : x, y);
}

/**
 * The Arabic still map, set again for resvg: its labels are anchored for browsers, where text-anchor start is the right
 * edge under direction rtl, and resvg anchors by x alone, so start and end are swapped; a label line that mixes the
 * Arabic face with another ("620 كم") is laid out as runs, as resvg cannot fall back from one face to the other in it.
 */
export function mapForResvg(svg: string): string {
  const attr = (attrs: string, name: string): string | undefined => new RegExp(` ${name}="([^"]*)"`).exec(` ${attrs}`)?.[1];
  const decode = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return svg.replace(/<text ([^>]*)>(.*?)<\/text>/g, (whole, attrs: string, body: string) => {
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const size = Number(attr(attrs, 'font-size') ?? 16);
    const tspans = [...body.matchAll(/<tspan x="([^"]+)" y="([^"]+)"(?: font-size="([^"]+)")?>(.*?)<\/tspan>/g)];
    const lines = tspans.length
      ? tspans.map(([, x, y, size, text]) => ({ x, y, size, text: text! }))
      : [{ x: attr(attrs, 'x'), y: attr(attrs, 'y'), size: undefined, text: body }];
    const mixed = lines.some((l) => new Set(bidiRuns(decode(l.text), 'ar').map((r) => r.face)).size > 1);
    if (!mixed) {
      if (anchor === 'middle') return whole;
      const swapped = anchor === 'end' ? attrs.replace('text-anchor="end"', 'text-anchor="start"') : `${attrs} text-anchor="end"`;
      return `<text ${swapped}>${body}</text>`;
    }
    const weight = attr(attrs, 'font-weight') === '700' ? 700 : 400;
    const rest = attrs.replace(/ ?\b(x|y|text-anchor)="[^"]*"/g, '');
    const content = lines.map((l) => {
      const style: Style = { size: Number(l.size ?? size), weight, fill: '' };
      const text = decode(l.text);
      const w = lineWidth(text, 'ar', style);
      const x = Number(l.x ?? 0);
      return runsSvg(text, 'ar', style, anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x : x - w, Number(l.y ?? 0));
    });
    return `<g ${rest}>${content.join('')}</g>`;
  });
}

/**
 * Word wrapping to `width`, greedy, then balanced: the narrowest width that keeps the number of lines (so no word is
 * left alone on the last line). Past `maxLines` the last line ends with an ellipsis.
 */
export function wrapText(text: string, lang: Lang, style: Style, width: number, maxLines = Infinity): string[] {
  // A number stays with a short word after it ("620 km").
  const words = text.trim().split(/ +/);
  const units = words.flatMap((w, i) =>
    /^\d/.test(words[i - 1] ?? '') && w.length <= 3 ? [] : [/^\d/.test(w) && (words[i + 1]?.length ?? 9) <= 3 ? `${w} ${words[i + 1]}` : w],
  );
  const fits = (line: string, w: number): boolean => lineWidth(line, lang, style) <= w;
  const greedy = (w: number): string[] =>
    units.reduce<string[]>((lines, unit) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && fits(`${last} ${unit}`, w)) lines[lines.length - 1] = `${last} ${unit}`;
      else lines.push(unit);
      return lines;
    }, []);
  const lines = greedy(width);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let end = kept[maxLines - 1]!;
    while (end.includes(' ') && !fits(`${end}…`, width)) end = end.slice(0, end.lastIndexOf(' '));
    kept[maxLines - 1] = `${end}…`;
    return kept;
  }
  let [lo, hi] = [width / 2, width];
  for (let i = 0; i < 8 && lines.length > 1; i++) {
    const mid = (lo + hi) / 2;
    if (greedy(mid).length === lines.length) hi = mid;
    else lo = mid;
  }
  return greedy(hi);
}
