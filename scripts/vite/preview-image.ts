/**
 * Link-preview images (Open Graph / Twitter cards): 1200×630 PNG for the story and for each step, in each language,
 * rendered at build time by resvg, without a browser: the still map (src/map/static/render-svg.ts) on one side, the
 * headline and the step's title on the other, in the page's fonts (the subsets of src/styles/fonts.css, from WOFF).
 *
 * resvg (0.3x, in @resvg/resvg-js 2.6.2) shapes and joins Arabic, but in a text that mixes fonts its fallback fails
 * (the digits and ':' of an Arabic title, which the Arabic subset lacks, come out as boxes), it orders right-to-left
 * text as if the base direction were left-to-right, mirrors no brackets and anchors text by x, not by direction. So
 * the text is laid out here: lines cut into runs of one font and bidi level, measured with resvg, each drawn alone.
 */
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { loadStory, REPO_ROOT } from '../../src/story/load-node.ts';
import { LANGS, type Lang, type Scene } from '../../src/story/types.ts';
import type { MapData } from '../../src/map/data.ts';
import { renderSceneSvg } from '../../src/map/static/render-svg.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { readMapData } from './static-maps.ts';
import { PREVIEW_MAP, PREVIEW_SIZE, previewPath } from './head.ts';
import { lineSvg, mapForResvg, options, previewFonts, wrapText, type Style } from './preview-text.ts';

export { PREVIEW_SIZE, previewFonts, previewPath };

/** The page's colours (src/styles/page.css). */
const INK = '#1c1f23';
const MUTED = '#4f555c';
const ACCENT = '#a12a1f';
const PANEL = '#eef0f2';
const RULE = '#c9ccd1';

const MAP_PANEL = PREVIEW_MAP.width;
const TEXT_PANEL = PREVIEW_SIZE.width - MAP_PANEL;
const MARGIN = 56;
const TEXT_WIDTH = TEXT_PANEL - 2 * MARGIN;

/** Line height and the baseline's depth below a line's top, in ems: Arabic needs more room. */
const METRICS: Record<Lang, { line: number; ascent: number; descent: number }> = {
  en: { line: 1.2, ascent: 0.98, descent: 0.26 },
  ar: { line: 1.5, ascent: 1.12, descent: 0.42 },
};

type Block = { lines: string[]; style: Style; height: number };

function block(text: string, lang: Lang, style: Style, maxLines = Infinity): Block {
  const lines = wrapText(text, lang, style, TEXT_WIDTH, maxLines);
  const m = METRICS[lang];
  return { lines, style, height: style.size * (m.ascent + m.descent + (lines.length - 1) * m.line) };
}

/**
 * The largest size (from `sizes`) at which the text fits `height` in at most `maxLines`, preferring one that leaves no
 * short word alone on the last line; the smallest size, cut to `maxLines`, when none fits.
 */
function fitBlock(text: string, lang: Lang, sizes: number[], weight: 400 | 700, fill: string, height: number, maxLines: number): Block {
  const fitting = sizes.map((size) => block(text, lang, { size, weight, fill })).filter((b) => b.lines.length <= maxLines && b.height <= height);
  const widow = (b: Block): boolean => b.lines.length > 1 && /^\S{1,4}$/.test(b.lines[b.lines.length - 1]!);
  return fitting.find((b) => !widow(b)) ?? fitting[0] ?? block(text, lang, { size: sizes[sizes.length - 1]!, weight, fill }, maxLines);
}

function blockSvg(b: Block, lang: Lang, x: number, top: number): string {
  const m = METRICS[lang];
  return b.lines.map((line, i) => lineSvg(line, lang, b.style, x, top + b.style.size * (m.ascent + i * m.line))).join('');
}

export interface PreviewInput {
  data: MapData;
  scene: Scene;
  lang: Lang;
  /** The story's headline. */
  headline: string;
  /** The step's title: set large, with the headline smaller below; without it the headline is the card's title. */
  title?: string;
  /** A short line above the title (the step's number and date). */
  kicker?: string;
}

/** The card as SVG: the map on the right (English) or the left (Arabic), the text on the other side. */
export function previewSvg(input: PreviewInput): string {
  const { lang, headline, title, kicker } = input;
  const { width, height } = PREVIEW_SIZE;
  const rtl = lang === 'ar';
  const mapX = rtl ? 0 : TEXT_PANEL;
  const textX = rtl ? width - MARGIN : MARGIN;
  const edge = PREVIEW_MAP.edge;
  const padding = { top: edge, bottom: edge, left: edge, right: edge };
  const map = renderSceneSvg({ data: input.data, scene: input.scene, lang, size: { width: MAP_PANEL, height }, padding });
  const nested = (rtl ? mapForResvg(map) : map).replace(
    /^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/,
    `<svg$1 x="${mapX}" y="0" width="${MAP_PANEL}" height="${height}" preserveAspectRatio="xMidYMid slice"`,
  );

  const parts: string[] = [];
  let top = MARGIN;
  parts.push(`<rect x="${rtl ? textX - 72 : textX}" y="${top}" width="72" height="6" fill="${ACCENT}"/>`);
  top += 6 + 22;
  if (kicker) {
    const k = block(kicker, lang, { size: 22, weight: 700, fill: ACCENT }, 1);
    parts.push(blockSvg(k, lang, textX, top));
    top += k.height + 18;
  }
  const bottom = height - MARGIN;
  if (title) {
    const foot = fitBlock(headline, lang, [24, 22, 20], 400, MUTED, 140, 3);
    parts.push(`<rect x="${rtl ? textX - TEXT_WIDTH : textX}" y="${bottom - foot.height - 22}" width="${TEXT_WIDTH}" height="1.5" fill="${RULE}"/>`);
    parts.push(blockSvg(foot, lang, textX, bottom - foot.height));
    const main = fitBlock(title, lang, [54, 50, 46, 42, 38, 34, 30], 700, INK, bottom - foot.height - 44 - top, 6);
    parts.push(blockSvg(main, lang, textX, top));
  } else {
    parts.push(blockSvg(fitBlock(headline, lang, [60, 56, 52, 48, 44, 40, 36], 700, INK, bottom - top, 7), lang, textX, top));
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="${PANEL}"/>`,
    nested,
    `<rect x="${rtl ? MAP_PANEL : TEXT_PANEL - 1}" y="0" width="1" height="${height}" fill="${RULE}"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** Renders a card's SVG to pixels, exactly 1200×630; `fonts` replaces the page's fonts (tests). */
export function renderPreview(svg: string, fonts: string[] = previewFonts()): RenderedImage {
  return new Resvg(svg, options(fonts)).render();
}

export function renderPreviewPng(svg: string, fonts?: string[]): Buffer {
  return renderPreview(svg, fonts).asPng();
}

/** Every card: file name → PNG. */
export function renderPreviews(root: string = REPO_ROOT): Map<string, Buffer> {
  const story = loadStory(root);
  const data = readMapData(root);
  const files = new Map<string, Buffer>();
  for (const lang of LANGS) {
    const headline = story.meta.title[lang];
    const first = story.steps[0]!;
    files.set(previewPath(lang), renderPreviewPng(previewSvg({ data, scene: first.scene, lang, headline, kicker: formatDate(lang, story.meta.published) })));
    story.steps.forEach((step, i) => {
      const kicker = `${t(lang, 'stepOf', { n: i + 1, total: story.steps.length })} · ${formatDate(lang, step.date)}`;
      files.set(previewPath(lang, step.id), renderPreviewPng(previewSvg({ data, scene: step.scene, lang, headline, title: step.title[lang], kicker })));
    });
  }
  return files;
}
