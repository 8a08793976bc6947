import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory, REPO_ROOT } from '../../src/story/load-node.ts';
import { LANGS, type Lang } from '../../src/story/types.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';
import { PREVIEW_SIZE, previewFonts, previewPath, previewSvg, renderPreview, renderPreviewPng, renderPreviews } from '../../scripts/vite/preview-image.ts';
import { parseWoff, woffToSfnt } from '../../scripts/vite/woff.ts';

const story = loadStory();
const data = readMapData();
// A step whose Arabic title mixes the Arabic face with digits or Latin punctuation, the hard case for resvg.
const step = story.steps.find((s) => /[0-9:]/.test(s.title.ar)) ?? story.steps[0]!;
const card = (lang: Lang, title = step.title[lang], headline = story.meta.title[lang]): string =>
  previewSvg({ data, scene: step.scene, lang, headline, title, kicker: step.date });

/** The text panel (inside its margins) and the map panel of a card. */
const panels = (lang: Lang) =>
  lang === 'ar' ? { text: { x0: 736, x1: 1144 }, map: { x0: 20, x1: 660 } } : { text: { x0: 56, x1: 464 }, map: { x0: 540, x1: 1180 } };

interface Region {
  x0: number;
  x1: number;
}

function scan(pixels: Buffer, region: Region, y0 = 56, y1 = PREVIEW_SIZE.height - 56) {
  let ink = 0;
  let left = Infinity;
  let right = -Infinity;
  const colours = new Set<number>();
  for (let y = y0; y < y1; y++) {
    for (let x = region.x0; x < region.x1; x++) {
      const i = (y * PREVIEW_SIZE.width + x) * 4;
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (Math.max(r, g, b) < 100) {
        ink++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { ink, left, right, colours: colours.size };
}

const differing = (a: Buffer, b: Buffer, region: Region): number => {
  let n = 0;
  for (let y = 56; y < PREVIEW_SIZE.height - 56; y++) {
    for (let x = region.x0; x < region.x1; x++) {
      const i = (y * PREVIEW_SIZE.width + x) * 4;
      if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 60) n++;
    }
  }
  return n;
};

describe('link-preview images', () => {
  for (const lang of LANGS) {
    it(`renders a 1200×630 PNG with the step's text and map (${lang})`, () => {
      const png = renderPreviewPng(card(lang));
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect(png.toString('latin1', 12, 16)).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.length).toBeLessThan(250_000);

      const { text, map } = panels(lang);
      const full = scan(renderPreview(card(lang)).pixels, text);
      const empty = scan(renderPreview(card(lang, ' ', ' ')).pixels, text);
      expect(full.ink).toBeGreaterThan(8000);
      expect(empty.ink).toBeLessThan(full.ink / 20);
      // Set from the panel's outer margin: left-aligned in English, right-aligned in Arabic.
      if (lang === 'ar') expect(full.right).toBeGreaterThan(text.x1 - 12);
      else expect(full.left).toBeLessThan(text.x0 + 12);
      expect(scan(renderPreview(card(lang)).pixels, map).colours).toBeGreaterThan(8);
    });
  }

  it('sets Arabic in the Arabic font, with the Latin font for digits and punctuation', () => {
    const svg = card('ar');
    const fonts = previewFonts();
    const withBoth = renderPreview(svg).pixels;
    const latinOnly = renderPreview(
      svg,
      fonts.filter((f) => !f.includes('arabic')),
    ).pixels;
    const arabicOnly = renderPreview(
      svg,
      fonts.filter((f) => f.includes('arabic')),
    ).pixels;
    const { text } = panels('ar');
    // Without the Arabic font the letters become empty boxes; without the Latin one, the digits and ':' do.
    expect(differing(withBoth, latinOnly, text)).toBeGreaterThan(3000);
    expect(differing(withBoth, arabicOnly, text)).toBeGreaterThan(1000);
  });

  it('renders every card, at its path', () => {
    const files = renderPreviews();
    expect(files.size).toBe(LANGS.length * (story.steps.length + 1));
    for (const lang of LANGS) {
      expect(files.has(previewPath(lang))).toBe(true);
      for (const s of story.steps) expect(files.get(previewPath(lang, s.id))?.readUInt32BE(16)).toBe(1200);
    }
    expect(previewPath('ar', 'convoys')).toBe('preview/ar/convoys.png');
  });
});

describe('WOFF decoding', () => {
  const woffs = [
    'noto-sans/files/noto-sans-latin-400-normal.woff',
    'noto-sans/files/noto-sans-latin-700-normal.woff',
    'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
    'noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff',
  ].map((f) => join(REPO_ROOT, 'node_modules', '@fontsource', f));

  const checksum = (table: Buffer): number => {
    let sum = 0;
    for (let i = 0; i < table.length; i += 4) {
      const word = Buffer.alloc(4);
      table.copy(word, 0, i, Math.min(i + 4, table.length));
      sum = (sum + word.readUInt32BE(0)) >>> 0;
    }
    return sum;
  };

  it.each(woffs)('decodes %s to an sfnt with the same tables', (path) => {
    const woff = readFileSync(path);
    const sfnt = woffToSfnt(woff, path);
    expect([0x00010000, 0x4f54544f]).toContain(sfnt.readUInt32BE(0));
    const numTables = sfnt.readUInt16BE(4);
    expect(numTables).toBe(woff.readUInt16BE(12));
    expect(numTables).toBe(parseWoff(woff).tables.length);
    const searchRange = sfnt.readUInt16BE(6);
    expect(searchRange).toBe(2 ** Math.floor(Math.log2(numTables)) * 16);
    expect(sfnt.readUInt16BE(10)).toBe(numTables * 16 - searchRange);
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const [tag, sum, offset, length] = [
        sfnt.toString('latin1', at, at + 4),
        sfnt.readUInt32BE(at + 4),
        sfnt.readUInt32BE(at + 8),
        sfnt.readUInt32BE(at + 12),
      ];
      tags.push(tag);
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(sfnt.length);
      // The checksums are those of the original tables ('head' is summed with its checkSumAdjustment as zero).
      const table = Buffer.from(sfnt.subarray(offset, offset + length));
      if (tag === 'head') table.writeUInt32BE(0, 8);
      expect(checksum(table), tag).toBe(sum);
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'name']));
  });

  it('names the file when it is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font, just some bytes for the header of it....'), 'fonts/x.woff')).toThrow(
      /fonts\/x\.woff: not a WOFF 1\.0 file/,
    );
  });
});
