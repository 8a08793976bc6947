/**
 * The fonts cut to the text (scripts/vite/fonts.ts), checked against the whole fonts with HarfBuzz (harfbuzzjs, which
 * subset-font brings): every character of the story, the interface and the map in either language is in the subset of
 * the face that draws it; the subsets shape every text exactly as the whole fonts do (glyph outlines and positions),
 * the Arabic ones with their joining and mark features and the moved yeh dots of scripts/fonts/arabic-yeh.py; their
 * GPOS is one OTS (Firefox's font sanitiser) accepts; unicode-range is what each subset holds; and a build whose text
 * changes emits its font under a new name.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadStory, REPO_ROOT } from '../../src/story/load-node.ts';
import { LANGS, type Lang } from '../../src/story/types.ts';
import { t, type StringKey } from '../../src/i18n/strings.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';
import {
  cutFonts,
  declaredFaces,
  fonts,
  inRanges,
  markSubtables,
  parseRanges,
  sfntCmap,
  sfntUnicodes,
  table,
  toSfnt,
  type CutFont,
} from '../../scripts/vite/fonts.ts';

const ARABIC = /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const OTS = '/usr/bin/ots-sanitize';

/** Every text a reader of `lang` can meet, with where it is: the whole story (the other language's texts left out),
 * the interface strings and the map data's labels. */
function readerTexts(lang: Lang): [string, string][] {
  const found: [string, string][] = [];
  const other = lang === 'en' ? 'ar' : 'en';
  const walk = (where: string, value: unknown): void => {
    if (typeof value === 'string') found.push([where, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${where}[${i}]`, v));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== other && !key.endsWith(`_${other}`)) walk(`${where}.${key}`, v);
    }
  };
  walk('story', loadStory());
  walk('map data', readMapData());
  const strings = readFileSync(join(REPO_ROOT, 'src', 'i18n', 'strings.ts'), 'utf8');
  for (const key of new Set([...strings.matchAll(/^ {2}(\w+): '/gm)].map((m) => m[1]!))) found.push([`strings.ts ${key}`, t(lang, key as StringKey)]);
  return found;
}

const fontOf = (sfnt: Buffer): hb.Font => new hb.Font(new hb.Face(new hb.Blob(sfnt)));

/** A text shaped by HarfBuzz: each glyph's outline and position. */
function shape(font: hb.Font, text: string, features: hb.Feature[] = []): string[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer, features);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((g, i) => `${font.glyphToPath(g.codepoint)} @${positions[i]!.xAdvance},${positions[i]!.xOffset},${positions[i]!.yOffset}`);
}

/** The runs of a text that one font draws: the longest stretches of characters its cmap maps. */
function runs(text: string, cmap: ReadonlyMap<number, number>): string[] {
  const found: string[] = [];
  let run = '';
  for (const ch of text) {
    if (cmap.has(ch.codePointAt(0)!)) run += ch;
    else if (run) [found[found.length], run] = [run, ''];
  }
  return run ? [...found, run] : found;
}

/** What OTS checks of the mark attachment subtables: mark classes below the class count, and every anchor offset
 * past its own offset array and inside the table. */
function markProblems(sfnt: Buffer): string[] {
  const gpos = table(sfnt, 'GPOS');
  if (!gpos) return [];
  const u16 = (at: number): number => gpos.readUInt16BE(at);
  const problems: string[] = [];
  for (const { lookup, kind, at, classCount, records } of markSubtables(sfnt)) {
    for (const record of records) if (u16(record) >= classCount) problems.push(`lookup ${lookup}: mark class ${u16(record)} of ${classCount}`);
    const array = at + u16(at + 10);
    // Mark-to-ligature: one anchor array per ligature; the others: one for all their bases (or second marks).
    const arrays = kind === 5 ? Array.from({ length: u16(array) }, (_, i) => array + u16(array + 2 + i * 2)) : [array];
    for (const a of arrays) {
      const cells = u16(a) * classCount;
      for (let i = 0; i < cells; i++) {
        const offset = u16(a + 2 + i * 2);
        if (offset && (offset < 2 + cells * 2 || a + offset >= gpos.length)) problems.push(`lookup ${lookup}: anchor offset ${offset} at ${a}, cell ${i}`);
      }
    }
  }
  return problems;
}

let cut: CutFont[];
let sfnts: Map<string, Buffer>;
/** Every text of both editions, and the map's labels and interface strings as MapLibre's own Arabic shaping rewrites
 * them (presentation forms; its module is read from its sources, by a path the type checker does not follow). */
let texts: Set<string>;
beforeAll(async () => {
  const shapingModule = join(REPO_ROOT, 'node_modules', 'maplibre-gl', 'src', 'symbol', 'arabic_shaping.ts');
  const { applyArabicShaping } = (await import(/* @vite-ignore */ shapingModule)) as { applyArabicShaping: (text: string) => string };
  expect(applyArabicShaping('الشدادي')).toMatch(/^[\ufe70-\ufeff]+$/);
  const labels = readerTexts('ar').filter(([where]) => where.startsWith('map data') || where.startsWith('strings.ts'));
  texts = new Set([...LANGS.flatMap((lang) => readerTexts(lang).map(([, text]) => text)), ...labels.map(([, text]) => applyArabicShaping(text))]);
  cut = await cutFonts();
  // The subsets as shipped (decoded from their woff2), by file name.
  sfnts = new Map(await Promise.all(cut.map(async (font) => [font.name, await toSfnt(font.woff2)] as const)));
}, 120_000);

describe('fonts cut to the text', () => {
  test('four files are cut, each much smaller than the whole font, and they are the files fonts.css names', () => {
    expect(cut.map((f) => f.name).sort()).toEqual([
      'noto-sans-arabic-arabic-400-normal.woff2',
      'noto-sans-arabic-arabic-700-normal.woff2',
      'noto-sans-latin-400-normal.woff2',
      'noto-sans-latin-700-normal.woff2',
    ]);
    for (const font of cut) {
      expect(font.woff2.subarray(0, 4).toString('latin1'), font.name).toBe('wOF2');
      expect(font.woff2.length, font.name).toBeLessThan(font.original.length * 0.75);
    }
    // The Arabic files subset are the ones arabic-yeh.py wrote, not @fontsource's.
    expect(cut.filter((f) => f.name.includes('arabic')).every((f) => f.file.startsWith(join(REPO_ROOT, 'src', 'styles', 'fonts')))).toBe(true);
  });

  test.each(LANGS)('every character a reader of the %s edition meets is in the subset of the face that draws it', async (lang) => {
    const missing: string[] = [];
    for (const face of declaredFaces()) {
      const whole = sfntCmap(await toSfnt(readFileSync(face.file)));
      const subset = sfntCmap(sfnts.get(face.file.split('/').pop()!)!);
      const unicodes = new Set(cut.find((f) => f.file === face.file)!.unicodes);
      for (const [where, text] of readerTexts(lang)) {
        for (const ch of new Set(text)) {
          const cp = ch.codePointAt(0)!;
          if (!inRanges(cp, face.ranges) || !whole.has(cp)) continue;
          if (!subset.has(cp) || !unicodes.has(cp)) missing.push(`${face.file.split('/').pop()}: U+${cp.toString(16).toUpperCase()} «${ch}» (${where})`);
        }
      }
    }
    expect([...new Set(missing)].slice(0, 20)).toEqual([]);
  });

  test('each edition has text in both scripts: the Latin faces serve the Arabic edition too, and the reverse', () => {
    const chars = (lang: Lang): string[] => [
      ...new Set(
        readerTexts(lang)
          .map(([, text]) => text)
          .join(''),
      ),
    ];
    expect(chars('en').filter((c) => ARABIC.test(c)).length).toBeGreaterThan(10); // the language switch, names in Arabic
    expect(chars('ar').filter((c) => /[0-9A-Za-z]/.test(c)).length).toBeGreaterThan(10); // digits, source names
  });

  test('the Arabic subsets also map what engines ask of them beyond the text itself', async () => {
    for (const font of cut.filter((f) => f.name.includes('arabic'))) {
      const [whole, subset] = [sfntCmap(await toSfnt(readFileSync(font.file))), sfntCmap(sfnts.get(font.name)!)];
      // MapLibre draws each Arabic letter of a label by its presentation form.
      const forms = [...new Set([...texts].join(''))].filter((ch) => /[\ufb50-\ufdff\ufe70-\ufeff]/.test(ch) && whole.has(ch.codePointAt(0)!));
      expect(forms.length, font.name).toBeGreaterThan(40);
      expect(
        forms.filter((ch) => !subset.has(ch.codePointAt(0)!)),
        font.name,
      ).toEqual([]);
      // The dotless bowls ccmp splits dotted letters into: FreeType's auto-hinter (Firefox, Chromium on Linux) sorts
      // glyphs into scripts by the cmap, and hints a kept glyph that it does not map otherwise.
      for (const ch of 'ٮٯڡں') expect(subset.has(ch.codePointAt(0)!), `${font.name} ${ch}`).toBe(true);
    }
  });

  test('unicode-range is what each subset holds within its declared range', async () => {
    for (const font of cut) {
      const ranges = declaredFaces().find((f) => f.file === font.file)!.ranges;
      expect(font.unicodes, font.name).toEqual(sfntUnicodes(sfnts.get(font.name)!).filter((cp) => inRanges(cp, ranges)));
    }
  });

  test('the subsets shape every text of both editions, and the map labels as MapLibre shapes them, as the whole fonts do', async () => {
    for (const font of cut) {
      const [whole, subset] = [fontOf(await toSfnt(readFileSync(font.file))), fontOf(sfnts.get(font.name)!)];
      const all = [...new Set([...texts].flatMap((text) => runs(text, sfntCmap(sfnts.get(font.name)!))))];
      expect(all.length, font.name).toBeGreaterThan(50);
      expect(all.filter((run) => shape(subset, run).join('|') !== shape(whole, run).join('|')).slice(0, 5), font.name).toEqual([]);
    }
  });

  test('the subsets keep the joining, contextual and mark features; those they drop change none of the texts', async () => {
    for (const font of cut) {
      const [wholeSfnt, subsetSfnt] = [await toSfnt(readFileSync(font.file)), sfnts.get(font.name)!];
      const [wholeFace, subsetFace] = [new hb.Face(new hb.Blob(wholeSfnt)), new hb.Face(new hb.Blob(subsetSfnt))];
      const all = [...new Set([...texts].flatMap((text) => runs(text, sfntCmap(subsetSfnt))))];
      for (const tag of ['GSUB', 'GPOS'] as const) {
        const kept = new Set(subsetFace.getTableFeatureTags(tag));
        if (font.name.includes('arabic'))
          expect([...kept], font.name).toEqual(
            expect.arrayContaining(tag === 'GSUB' ? ['ccmp', 'init', 'medi', 'fina', 'rlig', 'locl'] : ['mark', 'mkmk', 'kern']),
          );
        else expect([...kept], font.name).toEqual(expect.arrayContaining(tag === 'GSUB' ? ['liga', 'locl'] : ['kern']));
        // A feature hb-subset dropped has no lookup left that touches the subset's glyphs (the Arabic «liga» only makes
        // «ﷲ», from letters the story never writes): turning it off in the whole font changes no run.
        const whole = fontOf(wholeSfnt);
        for (const dropped of new Set(wholeFace.getTableFeatureTags(tag).filter((f) => !kept.has(f)))) {
          const off = [new hb.Feature(dropped, 0)];
          expect(all.filter((run) => shape(whole, run, off).join('|') !== shape(whole, run).join('|')).slice(0, 3), `${font.name} ${dropped}`).toEqual([]);
        }
      }
    }
  });

  test('the Arabic subsets keep the moved yeh dots: «في» is drawn as by the changed font, not as by @fontsource’s', async () => {
    for (const font of cut.filter((f) => f.name.includes('arabic'))) {
      const fontsource = fontOf(await toSfnt(readFileSync(join(REPO_ROOT, 'node_modules', '@fontsource', 'noto-sans-arabic', 'files', font.name))));
      const [changed, subset] = [fontOf(await toSfnt(readFileSync(font.file))), fontOf(sfnts.get(font.name)!)];
      for (const word of ['في', 'الشدادي']) {
        expect(shape(subset, word), `${font.name} ${word}`).toEqual(shape(changed, word));
        expect(shape(subset, word), `${font.name} ${word}`).not.toEqual(shape(fontsource, word));
      }
    }
  });

  test('the subsets’ mark attachment is well formed, as OTS (Firefox) requires, or Firefox drops the whole GPOS', () => {
    for (const font of cut) expect(markProblems(sfnts.get(font.name)!), font.name).toEqual([]);
  });

  test.skipIf(!existsSync(OTS))('OTS accepts every subset (needs Debian’s opentype-sanitizer)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-ots-'));
    for (const font of cut) {
      writeFileSync(join(dir, font.name), font.woff2);
      const result = spawnSync(OTS, [join(dir, font.name), join(dir, 'out.ttf')], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`.trim(), font.name).toBe('File sanitized successfully!');
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the build', () => {
  const root = mkdtempSync(join(tmpdir(), 'fonts-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Builds a page whose stylesheet @imports a fonts.css with one face, the story's text replaced by `text`. */
  async function buildWith(text: string): Promise<{ fonts: [string, Buffer][]; css: string }> {
    mkdirSync(join(root, 'src', 'styles', 'fonts'), { recursive: true });
    copyFileSync(
      join(REPO_ROOT, 'node_modules', '@fontsource', 'noto-sans', 'files', 'noto-sans-latin-400-normal.woff2'),
      join(root, 'src', 'styles', 'fonts', 'face.woff2'),
    );
    const face = `@font-face { font-family: T; src: url('./fonts/face.woff2') format('woff2'); unicode-range: U+0000-00FF, U+2013; }`;
    writeFileSync(join(root, 'src', 'styles', 'fonts.css'), face);
    writeFileSync(join(root, 'src', 'styles', 'page.css'), "@import './fonts.css';\nbody { font-family: T; }\n");
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><link rel="stylesheet" href="./src/styles/page.css"></head><body>x</body></html>');
    const result = await build({
      root,
      base: './',
      configFile: false,
      logLevel: 'silent',
      plugins: [fonts({ text: () => ({ en: text, ar: '' }) })],
      build: { write: false, assetsInlineLimit: 0 },
    });
    const output = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
    const assets = output.flatMap((o) => (o.type === 'asset' ? [[o.fileName, Buffer.from(o.source)] as [string, Buffer]] : []));
    return { fonts: assets.filter(([name]) => name.endsWith('.woff2')), css: assets.find(([name]) => name.endsWith('.css'))?.[1].toString('utf8') ?? '' };
  }

  test('the emitted font is the subset, named by its bytes, and the stylesheet points at it with its unicode-range', async () => {
    const a = await buildWith('abc');
    const b = await buildWith('abc–xyz');
    for (const [run, chars] of [
      [a, 'abc'],
      [b, 'abc–xyz'],
    ] as const) {
      expect(run.fonts).toHaveLength(1);
      const [name, bytes] = run.fonts[0]!;
      expect(name).toMatch(/^assets\/face-[\w-]+\.woff2$/);
      expect(run.css).toContain(`url(./${name.slice('assets/'.length)})`);
      const held = sfntUnicodes(await toSfnt(bytes));
      for (const ch of chars) expect(held).toContain(ch.codePointAt(0));
      expect(held).not.toContain('q'.codePointAt(0));
      const range = /unicode-range:([^;}]+)/.exec(run.css)?.[1] ?? '';
      expect(parseRanges(range).flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i))).toEqual(
        held.filter((cp) => cp <= 0xff || cp === 0x2013),
      );
    }
    expect(b.fonts[0]![0]).not.toBe(a.fonts[0]![0]);
    expect(b.fonts[0]![1].length).toBeGreaterThan(a.fonts[0]![1].length);
  }, 60_000);
});
