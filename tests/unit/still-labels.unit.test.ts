import { describe, expect, test } from 'vitest';
import { loadStory } from '../../src/story/load-node.ts';
import { LANGS } from '../../src/story/types.ts';
import { overlaps } from '../../src/map/static/labels.ts';
import { renderScene } from '../../src/map/static/render-svg.ts';
import { readMapData, renderStaticMaps } from '../../scripts/vite/static-maps.ts';
import { frameScene, mapPadding } from '../../src/map/camera.ts';
import { projector } from '../../src/map/static/frame.ts';
import { t } from '../../src/i18n/strings.ts';

const story = loadStory();
const data = readMapData();
const fmt = (b: { x0: number; y0: number; x1: number; y1: number }): string => [b.x0, b.y0, b.x1, b.y1].map((v) => Math.round(v)).join(',');

describe('the still images’ labels', () => {
  for (const lang of LANGS) {
    for (const step of story.steps) {
      test(`${step.id} (${lang}): no label overlaps another, and every label is inside the image`, () => {
        const { labels, size } = renderScene({ data, scene: step.scene, lang });
        expect(labels.length).toBeGreaterThan(0);
        const problems: string[] = [];
        labels.forEach((a, i) => {
          for (const b of labels.slice(i + 1)) if (overlaps(a, b)) problems.push(`[${fmt(a)}] overlaps [${fmt(b)}]`);
          if (a.x0 < 0 || a.y0 < 0 || a.x1 > size.width || a.y1 > size.height) problems.push(`[${fmt(a)}] is outside ${size.width}×${size.height}`);
        });
        // Every label the scene means to show is drawn: each place whose dot is in the image, and the trench's.
        const { svg } = renderScene({ data, scene: step.scene, lang });
        const project = projector(frameScene(step.scene, size, mapPadding(size)));
        for (const f of data.places.features) {
          if (f.geometry.type !== 'Point' || f.properties?.kind === 'area') continue;
          const [x, y] = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
          if (x > 0 && y > 0 && x < size.width && y < size.height && !svg.includes(`>${String(f.properties?.[`name_${lang}`])}<`))
            problems.push(`${String(f.properties?.id)} is not labelled`);
        }
        if ((step.scene.layers as readonly string[]).includes('trench') && !svg.includes(t(lang, 'trenchLabel'))) problems.push('the trench is not labelled');
        expect(problems).toEqual([]);
      });
    }
  }

  test('the images the build writes are the ones tested', () => {
    const files = renderStaticMaps();
    for (const lang of LANGS)
      for (const step of story.steps) expect(files.get(`static/${lang}/${step.id}.svg`)).toBe(renderScene({ data, scene: step.scene, lang }).svg);
  });
});
