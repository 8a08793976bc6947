/**
 * Fonts cut to the text: at build, each woff2 file of src/styles/fonts.css is subset with subset-font (hb-subset, in
 * wasm) to the characters the story can show (editionText: content, both prerendered editions, the dates the live page
 * formats, the string literals of src/, the map's labels, a safety set), with every layout feature and the glyphs it
 * reaches (joining forms, marks, the moved yeh dots of scripts/fonts/arabic-yeh.py, whose files are the ones subset),
 * and for Arabic the presentation forms that MapLibre's own shaping asks for. Each @font-face's unicode-range becomes
 * what its subset holds, so a browser fetches a file only for text it draws with it. A file serves both editions: the
 * Latin files draw the digits and names of the Arabic one, the Arabic files the language switch of the English one.
 * Vite hashes the bytes it reads from disk for a CSS url(), so the subsets are written to a cache directory and a
 * PostCSS step (after @import, before Vite resolves urls) points the rules at them: the emitted names follow the bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin as PostcssPlugin, Root } from 'postcss';
import type { Plugin, ResolvedConfig } from 'vite';
import { loadStory, REPO_ROOT } from '../../src/story/load-node.ts';
import { LANGS, type Lang } from '../../src/story/types.ts';
import { sourceNotes } from '../../src/story/source-notes.ts';
import { formatDate, formatDateTime, formatSourceDate } from '../../src/i18n/format.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { pageTitle } from './head.ts';
import { renderStoryHtml } from './prerender.ts';
import { readMapData, renderStaticMaps } from './static-maps.ts';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: 'truetype'; glyphNames?: boolean }) => Promise<Buffer>;
/** The WOFF2 converter subset-font itself uses (resolved from it, as it resolves it). */
const fontverter = createRequire(require.resolve('subset-font'))('fontverter') as { convert: (font: Buffer, to: 'sfnt' | 'woff2') => Promise<Buffer> };
let converting: Promise<unknown> = Promise.resolve();
/** A font converted to SFNT or WOFF2, one at a time: conversions that overlap share the decoder's memory and corrupt
 * each other's output. */
function convert(font: Buffer, to: 'sfnt' | 'woff2'): Promise<Buffer> {
  const result = converting.then(async () => Buffer.from(await fontverter.convert(font, to)));
  converting = result.catch(() => undefined);
  return result;
}
/** A WOFF2 (or WOFF, or SFNT) font as SFNT bytes. */
export const toSfnt = (font: Buffer): Promise<Buffer> => convert(font, 'sfnt');

export const FONTS_CSS = join('src', 'styles', 'fonts.css');
type Ranges = readonly (readonly [number, number])[];

/** Characters any text may hold: printable ASCII, common punctuation of both languages, both sets of digits, spaces,
 * joiners and bidi marks. */
export const SAFETY = [
  ...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'\u00a0\u202f\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u2039\u203a\u060c\u061b\u061f\u066a\u066b\u066c\u0640',
  ...'\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069',
].join('');

/** One font file cut to the text; `unicodes`: what the subset holds within the face's declared ranges. */
export type CutFont = { file: string; name: string; original: Buffer; woff2: Buffer; unicodes: number[] };

export function parseRanges(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match) throw new Error(`fonts: cannot read unicode-range "${part.trim()}" in ${FONTS_CSS}`);
    return [parseInt(match[1]!, 16), parseInt(match[2] ?? match[1]!, 16)];
  });
}

/** Sorted code points as a unicode-range, runs of consecutive ones as one range. */
export function formatRanges(unicodes: readonly number[]): string {
  const parts: string[] = [];
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
  for (let i = 0; i < unicodes.length; i++) {
    const start = unicodes[i]!;
    while (unicodes[i + 1] === unicodes[i]! + 1) i++;
    parts.push(unicodes[i] === start ? `U+${hex(start)}` : `U+${hex(start)}-${hex(unicodes[i]!)}`);
  }
  return parts.join(', ');
}

export const inRanges = (cp: number, ranges: Ranges): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** The file a url() of a CSS file points at: relative to the CSS file, or a package path in node_modules. */
const urlFile = (root: string, url: string, cssFile: string): string =>
  url.startsWith('.') ? resolve(dirname(cssFile), url) : join(root, 'node_modules', url);

/** The woff2 faces of fonts.css: each file with the code points its faces' unicode-range declares. */
export function declaredFaces(root: string = REPO_ROOT): { file: string; ranges: [number, number][] }[] {
  const cssFile = join(root, FONTS_CSS);
  const faces = new Map<string, [number, number][]>();
  for (const [, body = ''] of readFileSync(cssFile, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const url = /url\(['"]?([^'")]+\.woff2)['"]?\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!url) continue;
    if (!range) throw new Error(`fonts: the @font-face of ${url} in ${FONTS_CSS} has no unicode-range`);
    const file = urlFile(root, url, cssFile);
    faces.set(file, [...(faces.get(file) ?? []), ...parseRanges(range)]);
  }
  return [...faces].map(([file, ranges]) => ({ file, ranges }));
}

const langOf = (key: string): Lang | undefined => LANGS.find((lang) => key === lang || key.endsWith(`_${lang}`));
const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?)?$/;

/** Every string literal and template text of the TypeScript files under `dir` (no comments, no code). */
function literals(dir: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    visit(ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest));
  }
  return found;
}

/** The texts each edition can show (see the top of this file), one string per language. */
export function editionText(root: string = REPO_ROOT): Record<Lang, string> {
  const texts: Record<Lang, string[]> = { en: [], ar: [] };
  const add = (lang: Lang | undefined, ...text: string[]): void => {
    for (const l of lang ? [lang] : LANGS) texts[l].push(...text);
  };
  const dates = new Set<string>();
  // A value's strings, in the language its key names (`en`, `ar`, `name_en`…), else in both.
  const walk = (value: unknown, lang?: Lang, upper = false): void => {
    if (typeof value === 'string') {
      add(lang, value, upper ? value.toUpperCase() : '');
      if (ISO_DATE.test(value)) dates.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, lang, upper));
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, langOf(key) ?? lang, upper);
  };
  const content = join(root, 'src', 'story', 'content');
  for (const file of readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(content, file), 'utf8')) as unknown);
  }
  const story = loadStory(root);
  const data = readMapData(root);
  for (const lang of LANGS) {
    add(lang, renderStoryHtml(story, lang), pageTitle({ story, lang }));
    const claimIds = story.claims.map((c) => c.id);
    walk(sourceNotes(claimIds, story.claims, story.meta.sources, lang), lang);
    // The map's labels: the style's texts and its sources' data, upper-cased too (`upcase`, text-transform).
    walk(buildStyle({ data, lang }).style, lang, true);
  }
  for (const iso of dates) {
    for (const lang of LANGS) add(lang, formatDate(lang, iso), formatDate(lang, iso, 'short'), formatSourceDate(lang, iso), formatDateTime(lang, iso));
  }
  for (const [file, svg] of renderStaticMaps(root)) add(langOf(file.split('/')[1] ?? ''), svg);
  add(undefined, ...literals(join(root, 'src')), SAFETY);
  return { en: texts.en.join('\n'), ar: texts.ar.join('\n') };
}

/** The Arabic presentation forms (A and B) of the letters in `chars`: each letter's isolated, final, initial and medial
 * forms, its marks' forms and the lam-alef ligatures, which are what MapLibre's own Arabic shaping asks a font for. */
export function presentationForms(chars: ReadonlySet<string>): string[] {
  const forms: string[] = [];
  for (let cp = 0xfb50; cp <= 0xfefc; cp++) {
    const form = String.fromCodePoint(cp);
    // A mark's isolated and medial forms decompose to a space or a tatweel and the mark.
    const parts = [...form.normalize('NFKC').replace(/^[ \u0640](?=\p{M}$)/u, '')];
    const lamAlef = parts.length === 2 && parts[0] === '\u0644' && /[\u0622\u0623\u0625\u0627]/.test(parts[1]!);
    if (/\p{Script=Arabic}/u.test(form) && parts.join('') !== form && (parts.length === 1 || lamAlef) && parts.every((p) => chars.has(p))) forms.push(form);
  }
  return forms;
}

/** A table of an SFNT (TrueType/OpenType) font, sharing its bytes; undefined when the font has none. */
export function table(sfnt: Buffer, tag: string): Buffer | undefined {
  for (let at = 12; at < 12 + sfnt.readUInt16BE(4) * 16; at += 16) {
    if (sfnt.toString('latin1', at, at + 4) === tag) return sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12));
  }
  return undefined;
}

/** The font's character map, code point → glyph id: its format 4 subtables, which hb-subset always writes and which
 * hold the Basic Multilingual Plane, where every character of these faces' ranges is. */
export function sfntCmap(sfnt: Buffer): Map<number, number> {
  const cmap = table(sfnt, 'cmap');
  const found = new Map<number, number>();
  const u16 = (at: number): number => cmap!.readUInt16BE(at);
  for (let i = 0; cmap && i < u16(2); i++) {
    const at = cmap.readUInt32BE(8 + i * 8);
    if (u16(at) === 4) {
      const n = u16(at + 6) / 2;
      const [ends, starts, deltas, offsets] = [at + 14, at + 16 + n * 2, at + 16 + n * 4, at + 16 + n * 6];
      for (let s = 0; s < n; s++) {
        for (let c = u16(starts + s * 2); c <= u16(ends + s * 2) && c !== 0xffff; c++) {
          const offset = u16(offsets + s * 2);
          const glyph = offset === 0 ? c : u16(offsets + s * 2 + offset + (c - u16(starts + s * 2)) * 2);
          if (glyph !== 0 && ((glyph + u16(deltas + s * 2)) & 0xffff) !== 0) found.set(c, (glyph + u16(deltas + s * 2)) & 0xffff);
        }
      }
    }
  }
  return found;
}

export const sfntUnicodes = (sfnt: Buffer): number[] => [...sfntCmap(sfnt).keys()].sort((a, b) => a - b);

/** Glyph names by glyph id, from a `post` table of format 2 (standard Macintosh names as '#index'); [] without one. */
export function glyphNames(sfnt: Buffer): string[] {
  const post = table(sfnt, 'post');
  if (!post || post.readUInt32BE(0) !== 0x20000) return [];
  const strings: string[] = [];
  for (let at = 34 + post.readUInt16BE(32) * 2; at < post.length; at += 1 + post[at]!) strings.push(post.toString('latin1', at + 1, at + 1 + post[at]!));
  return Array.from({ length: post.readUInt16BE(32) }, (_, g) => post.readUInt16BE(34 + g * 2)).map((i) => (i < 258 ? `#${i}` : (strings[i - 258] ?? '')));
}

/** The GPOS mark-attachment subtables (mark-to-base, -ligature, -mark, also in extension lookups): each one's lookup,
 * type and offset in the table, its mark class count and where each of its mark records' class is stored. */
export function markSubtables(sfnt: Buffer): { lookup: number; kind: number; at: number; classCount: number; records: number[] }[] {
  const gpos = table(sfnt, 'GPOS');
  if (!gpos) return [];
  const u16 = (at: number): number => gpos.readUInt16BE(at);
  const list = u16(8);
  const found: { lookup: number; kind: number; at: number; classCount: number; records: number[] }[] = [];
  for (let l = 0; l < u16(list); l++) {
    const lookup = list + u16(list + 2 + l * 2);
    for (let s = 0; s < u16(lookup + 4); s++) {
      let [at, kind] = [lookup + u16(lookup + 6 + s * 2), u16(lookup)];
      if (kind === 9) [at, kind] = [at + gpos.readUInt32BE(at + 4), u16(at + 2)];
      if (kind < 4 || kind > 6) continue;
      const marks = at + u16(at + 8);
      found.push({ lookup: l, kind, at, classCount: u16(at + 6), records: Array.from({ length: u16(marks) }, (_, m) => marks + 2 + m * 4) });
    }
  }
  return found;
}

/**
 * The font with every mark record whose class is outside its subtable's classes given class 0. HarfBuzz never applies
 * such a record (it finds no anchor for it), but hb-subset then writes that subtable's anchors out of bounds, and OTS
 * (Firefox) drops the whole GPOS table: every mark and kerning pair. arabic-yeh.py's moved yeh dots have one in
 * mark-to-base lookup 1, which has none of the bowls they follow, so class 0 changes no shaping.
 */
export function repairMarkClasses(sfnt: Buffer): Buffer {
  const fixed = Buffer.from(sfnt);
  const gpos = table(fixed, 'GPOS');
  for (const { classCount, records } of markSubtables(fixed)) for (const at of records) if (gpos!.readUInt16BE(at) >= classCount) gpos!.writeUInt16BE(0, at);
  return fixed;
}

/** The characters of `text` a face with these ranges draws, with the presentation forms of its Arabic letters. */
export function faceText(text: string, ranges: Ranges): string {
  const inRange = (ch: string): boolean => inRanges(ch.codePointAt(0)!, ranges);
  const chars = new Set([...text].filter(inRange));
  return [...chars, ...presentationForms(chars).filter(inRange)].sort().join('');
}

/**
 * Cuts every woff2 face of fonts.css to the characters of both editions. The cmap then also maps every other code
 * point of the font whose glyph the subset keeps anyway (the dotless bowls that ccmp splits letters into, marks):
 * FreeType's auto-hinter, which Firefox and Chromium use on Linux, sorts glyphs into scripts by the cmap, and a kept
 * glyph missing from it would be hinted otherwise, a pixel off the whole font's rendering.
 */
export async function cutFonts(root: string = REPO_ROOT, texts: Record<Lang, string> = editionText(root)): Promise<CutFont[]> {
  const cut: CutFont[] = [];
  for (const { file, ranges } of declaredFaces(root)) {
    const original = readFileSync(file);
    const source = repairMarkClasses(await toSfnt(original));
    const text = faceText(texts.en + texts.ar, ranges);
    const kept = new Set(glyphNames(await subsetFont(source, text, { targetFormat: 'truetype', glyphNames: true })));
    const names = glyphNames(source);
    const alsoKept = [...sfntCmap(source)].filter(([, glyph]) => names[glyph] && kept.has(names[glyph])).map(([cp]) => String.fromCodePoint(cp));
    const sfnt = await subsetFont(source, text + alsoKept.join(''), { targetFormat: 'truetype' });
    const woff2 = await convert(sfnt, 'woff2');
    cut.push({ file, name: basename(file), original, woff2, unicodes: sfntUnicodes(sfnt).filter((cp) => inRanges(cp, ranges)) });
  }
  return cut;
}

/** Writes a subset where Vite will read it, in a directory named by its hash, so that parallel builds never clash. */
function writeSubset(root: string, font: CutFont): string {
  const out = join(root, 'node_modules', '.cache', 'font-subsets', createHash('sha256').update(font.woff2).digest('hex').slice(0, 16), font.name);
  if (!existsSync(out) || !readFileSync(out).equals(font.woff2)) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.${process.pid}.tmp`, font.woff2);
    renameSync(`${out}.${process.pid}.tmp`, out);
  }
  return out;
}

type Subsets = ReadonlyMap<string, { path: string; unicodes: number[] }>;

/** Points a stylesheet's @font-face rules at the subsets and sets their unicode-range to what each holds. */
export function pointAtSubsets(css: Root, root: string, subsets: Subsets): void {
  css.walkAtRules('font-face', (face) => {
    let unicodes: number[] | undefined;
    face.walkDecls('src', (decl) => {
      const from = decl.source?.input.file ?? join(root, FONTS_CSS);
      decl.value = decl.value.replace(/url\((['"]?)([^'")]+\.woff2)\1\)/g, (whole, _quote: string, url: string) => {
        const subset = subsets.get(urlFile(root, url, from));
        unicodes = subset?.unicodes ?? unicodes;
        return subset ? `url('${subset.path}')` : whole;
      });
    });
    const range = unicodes && formatRanges(unicodes);
    if (range) face.walkDecls('unicode-range', (decl) => void (decl.value = range));
  });
}

/** The plugin; `text` replaces the story's texts (tests). */
export function fonts(options: { text?: (root: string) => Record<Lang, string> } = {}): Plugin {
  let config: ResolvedConfig | undefined;
  let cut: CutFont[] = [];
  const subsets = new Map<string, { path: string; unicodes: number[] }>();
  const postcss: PostcssPlugin = { postcssPlugin: 'fonts-subset', Once: (css) => pointAtSubsets(css, config?.root ?? REPO_ROOT, subsets) };
  return {
    name: 'fonts-subset',
    apply: 'build',
    config: () => ({ css: { postcss: { plugins: [postcss] } } }),
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      const root = config?.root ?? REPO_ROOT;
      cut = await cutFonts(root, options.text?.(root));
      subsets.clear();
      for (const font of cut) subsets.set(font.file, { path: writeSubset(root, font), unicodes: font.unicodes });
      config?.logger.info(`fonts: ${cut.map((f) => `${f.name} ${f.original.length} → ${f.woff2.length} B (${f.unicodes.length} characters)`).join('; ')}`);
    },
    generateBundle(_options, bundle) {
      const assets = Object.values(bundle).flatMap((a) => (a.type === 'asset' && a.fileName.endsWith('.woff2') ? [Buffer.from(a.source)] : []));
      for (const font of cut) {
        if (!assets.some((a) => a.equals(font.woff2))) this.error(`fonts: the build has no subset of ${font.name} (its @font-face rules were not rewritten)`);
        if (assets.some((a) => a.equals(font.original))) this.error(`fonts: the build still has the whole ${font.name}`);
      }
    },
  };
}
