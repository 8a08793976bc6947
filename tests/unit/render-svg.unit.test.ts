import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Scene } from '../../src/story/types.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { placeById } from '../../src/map/gazetteer.ts';
import { theme } from '../../src/map/theme.ts';
import { frameScene, mapPadding } from '../../src/map/camera.ts';
import { projector, STATIC_SIZE } from '../../src/map/static/frame.ts';
import { clipLine, clipRing, pathData, simplify } from '../../src/map/static/geometry.ts';
import { renderSceneSvg } from '../../src/map/static/render-svg.ts';
import { readMapData, renderStaticMaps } from '../../scripts/vite/static-maps.ts';

const story = loadStory();
const data = readMapData();
const scene = (id: string): Scene => story.steps.find((s) => s.id === id)!.scene;
const svg = (id: string, lang: 'en' | 'ar' = 'en', title?: string) => renderSceneSvg({ data, scene: scene(id), lang, title });

/** Checks that every element opened is closed in order (the images are parsed as XML by the page). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe('the camera of a scene', () => {
  const padding = mapPadding(STATIC_SIZE);

  test('a view puts its centre in the middle of the padded area', () => {
    const s = scene('trench');
    if (s.camera.kind !== 'view') throw new Error('trench is a view');
    const at = projector(frameScene(s, STATIC_SIZE, padding))(...s.camera.center);
    expect(at[0]).toBeCloseTo((padding.left + STATIC_SIZE.width - padding.right) / 2, 6);
    expect(at[1]).toBeCloseTo((padding.top + STATIC_SIZE.height - padding.bottom) / 2, 6);
  });

  test('a fit keeps every framed place inside the padded area, touching it on one axis unless capped by maxZoom', () => {
    for (const step of story.steps.filter((st) => st.scene.camera.kind === 'fit')) {
      const frame = frameScene(step.scene, STATIC_SIZE, padding);
      const project = projector(frame);
      if (step.scene.camera.kind !== 'fit') continue;
      const points = step.scene.camera.places.map((id) => project(...placeById(id)!.coordinates));
      for (const [x, y] of points) {
        expect(x, step.id).toBeGreaterThanOrEqual(padding.left - 1e-6);
        expect(x, step.id).toBeLessThanOrEqual(STATIC_SIZE.width - padding.right + 1e-6);
        expect(y, step.id).toBeGreaterThanOrEqual(padding.top - 1e-6);
        expect(y, step.id).toBeLessThanOrEqual(STATIC_SIZE.height - padding.bottom + 1e-6);
      }
      expect(frame.zoom, step.id).toBeLessThanOrEqual(step.scene.camera.maxZoom ?? 8);
    }
  });

  test('the image records the frame it shows, for comparison with the live map', () => {
    const text = svg('overview');
    const bounds = /data-bounds="([^"]+)"/.exec(text)![1]!.split(' ').map(Number);
    expect(bounds).toHaveLength(4);
    expect(bounds[0]!).toBeLessThan(bounds[2]!);
    expect(bounds[1]!).toBeLessThan(bounds[3]!);
  });
});

describe('geometry', () => {
  test('lines are clipped into the runs inside the frame', () => {
    const runs = clipLine(
      [
        [-10, 5],
        [5, 5],
        [20, 5],
        [5, 5],
      ],
      { x0: 0, y0: 0, x1: 10, y1: 10 },
    );
    expect(runs).toEqual([
      [
        [0, 5],
        [5, 5],
        [10, 5],
      ],
      [
        [10, 5],
        [5, 5],
      ],
    ]);
  });

  test('rings are clipped to the frame, and vanish when outside', () => {
    const r = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(
      clipRing(
        [
          [-5, -5],
          [5, -5],
          [5, 5],
          [-5, 5],
        ],
        r,
      ),
    ).toEqual([
      [0, 0],
      [5, 0],
      [5, 5],
      [0, 5],
    ]);
    expect(
      clipRing(
        [
          [20, 20],
          [30, 20],
          [30, 30],
        ],
        r,
      ),
    ).toEqual([]);
  });

  test('simplification drops points within the tolerance and keeps corners', () => {
    expect(
      simplify(
        [
          [0, 0],
          [5, 0.2],
          [10, 0],
          [10, 10],
        ],
        1,
      ),
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
    ]);
  });

  test('path data is rounded to 0.1 px and relative after the first point', () => {
    expect(
      pathData(
        [
          [1.234, 2.25],
          [3.26, 2.25],
          [3.26, -1],
        ],
        false,
      ),
    ).toBe('M1.2 2.3l2.1 0 0-3.3');
    expect(
      pathData(
        [
          [0, 0],
          [0.01, 0],
        ],
        true,
      ),
    ).toBe('');
  });
});

describe('the static images', () => {
  test('are well-formed SVG with rounded coordinates and an escaped title', () => {
    const text = svg('shaddadi', 'en', 'A & B <c>');
    expect(balanced(text)).toBe(true);
    expect(text).toContain('<title>A &#38; B &#60;c&#62;</title>');
    for (const m of text.matchAll(/ d="([^"]+)"/g)) expect(m[1]).not.toMatch(/\d\.\d\d/);
  });

  test('show only the layer groups of their scene, with every animated line already drawn', () => {
    const trench = svg('trench');
    expect(trench).toContain(`stroke="${theme.trench.line}"`);
    expect(trench).toContain('Trench (schematic)');
    // The measured length is rounded, so the label says "about", like the story text.
    expect(trench).toContain('border measured at about');
    const trenchAr = svg('trench', 'ar');
    expect(trenchAr).toContain('الخندق (رسم تخطيطي)');
    expect(trenchAr).toContain('طول الحدود المقيس نحو');
    expect(trenchAr).not.toMatch(/رسم (تقريبي|توضيحي)/);
    expect(trench).toContain(`fill="${theme.land.dim}"`);
    const overview = svg('overview');
    expect(overview).not.toContain(theme.trench.line);
    expect(overview).not.toContain(theme.convoy.line);
    expect(svg('convoys')).toContain(`fill="${theme.convoy.line}"`);
    expect(svg('transfer')).toContain('Into Iraq:');
    expect(svg('mosul-arrest')).toContain(`stroke="${theme.area.outline}"`);
  });

  test('draw highlighted places in the highlight colour and approximate ones as rings', () => {
    expect(svg('al-hol')).toContain(`fill="${theme.place.dotHighlight}"`);
    expect(svg('breach')).not.toContain(`fill="${theme.place.dotHighlight}"`);
    expect(svg('shaddadi')).toMatch(new RegExp(`<circle[^>]*fill="none" stroke="${theme.place.approximate}"`));
  });

  test('label in the step language: Arabic in logical order, right to left, in Noto Sans Arabic, with Western digits', () => {
    const ar = svg('trench', 'ar');
    expect(ar).toContain('direction="rtl"');
    expect(ar).toContain(`font-family="'Noto Sans Arabic','Noto Sans',sans-serif"`);
    expect(ar).toContain('الحسكة');
    expect(ar).not.toContain([...'الحسكة'].reverse().join(''));
    expect(ar).toContain('620 كم');
    expect(ar).not.toMatch(/[٠-٩]/);
    const en = svg('trench', 'en');
    expect(en).toContain('Hasakah');
    expect(en).not.toContain('direction="rtl"');
  });

  test('every step and language has an image, and each language stays under 32 KB gzip in total', () => {
    const files = renderStaticMaps();
    expect(files.size).toBe(story.steps.length * 2);
    for (const lang of ['en', 'ar']) {
      const total = [...files].filter(([name]) => name.startsWith(`static/${lang}/`)).reduce((sum, [, text]) => sum + gzipSync(text, { level: 9 }).length, 0);
      console.log(`static maps, ${lang}: ${(total / 1024).toFixed(1)} KB gzip`);
      expect(total).toBeLessThan(32 * 1024);
    }
  });
});
