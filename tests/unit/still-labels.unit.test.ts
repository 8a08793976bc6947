import { describe, expect, test } from 'vitest';
import { loadStory } from '../../src/story/load-node.ts';
import { LANGS, type Lang, type Scene } from '../../src/story/types.ts';
import { overlaps, type Box } from '../../src/map/static/labels.ts';
import { renderScene } from '../../src/map/static/render-svg.ts';
import { readMapData, renderStaticMaps } from '../../scripts/vite/static-maps.ts';
import { frameScene, mapPadding, type Padding, type Size } from '../../src/map/camera.ts';
import { projector, STATIC_SIZE } from '../../src/map/static/frame.ts';
import { knownGaps, misplacedNames } from '../e2e/label-boxes.ts';
import { PREVIEW_MAP } from '../../scripts/vite/head.ts';

/**
 * The still images' labels follow the live map's rule (src/map/layers/places.ts): the names of a scene's `highlight`
 * places must be drawn, as must the trench's, the area's and the transfer's labels whenever their layers show; the
 * other places' names are context, placed after those and dropped when they have no room. Every label that is drawn
 * is whole inside the image, clear of every other label and of every place's dot or ring, and a place's name is
 * nearer to its own dot or ring than to any other (the live map's rule, tests/e2e/label-boxes.ts `misplacedNames`).
 *
 * Two sizes: the page's still image, and the map panel of the link-preview card (scripts/vite/preview-image.ts
 * renders the scene at PREVIEW_MAP's size within its even edge).
 */
const SIZES: { name: string; size: Size; padding: Padding }[] = [
  { name: 'still', size: STATIC_SIZE, padding: mapPadding(STATIC_SIZE) },
  {
    name: 'preview card',
    size: { width: PREVIEW_MAP.width, height: PREVIEW_MAP.height },
    padding: { top: PREVIEW_MAP.edge, right: PREVIEW_MAP.edge, bottom: PREVIEW_MAP.edge, left: PREVIEW_MAP.edge },
  },
];

const story = loadStory();
const data = readMapData();
const fmt = (b: Box): string => [b.x0, b.y0, b.x1, b.y1].map((v) => Math.round(v)).join(',');

/** The content of a layer's <g data-layer="…"> in the SVG ('' when it draws nothing). */
function layerContent(svg: string, id: string): string {
  const m = new RegExp(`<g data-layer="${id}"(?:/>|>(.*?)</g>)`).exec(svg);
  return m?.[1] ?? '';
}

/** Everything wrong with a scene's still labels, in words. */
function problems(scene: Scene, lang: Lang, size: Size, padding: Padding): string[] {
  const { svg, labels } = renderScene({ data, scene, lang, size, padding });
  const out: string[] = [];
  if (labels.length === 0) out.push('no label is drawn');
  const project = projector(frameScene(scene, size, padding));
  const placeAt = (x: number, y: number): string =>
    String(
      data.places.features.find((f) => {
        if (f.geometry.type !== 'Point') return false;
        const [px, py] = project(f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
        return Math.abs(px - x) < 0.2 && Math.abs(py - y) < 0.2;
      })?.properties?.id ?? '',
    );
  // Each dot or ring drawn, with its place (found by its position) and its outer radius (half its stroke outside).
  const attr = (tag: string, a: string): number => Number(new RegExp(` ${a}="([\\d.-]+)"`).exec(tag)?.[1] ?? 0);
  const dots = [...`${layerContent(svg, 'places-dot')}${layerContent(svg, 'places-dot-hl')}`.matchAll(/<circle [^>]*>/g)]
    .map((m) => ({ x: attr(m[0], 'cx'), y: attr(m[0], 'cy'), r: attr(m[0], 'r'), stroke: attr(m[0], 'stroke-width') }))
    .map((d) => ({ ...d, id: placeAt(d.x, d.y) }));
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlaps(a, b)) out.push(`[${fmt(a)}] overlaps [${fmt(b)}]`);
    if (a.x0 < 0 || a.y0 < 0 || a.x1 > size.width || a.y1 > size.height) out.push(`[${fmt(a)}] is outside ${size.width}×${size.height}`);
    for (const d of dots) {
      const dx = Math.max(a.x0 - d.x, 0, d.x - a.x1);
      const dy = Math.max(a.y0 - d.y, 0, d.y - a.y1);
      if (Math.hypot(dx, dy) < d.r - 0.5) out.push(`[${fmt(a)}] covers the dot at ${Math.round(d.x)},${Math.round(d.y)}`);
    }
  });
  const named = labels.flatMap((l) => (l.layer && l.id ? [{ layer: l.layer, id: l.id, box: l }] : []));
  out.push(
    ...misplacedNames(
      named,
      dots.map((d) => ({ id: d.id, x: d.x, y: d.y, r: d.r + d.stroke / 2 })),
    ),
  );
  // The labels the scene must show.
  const highlighted = layerContent(svg, 'places-label-hl');
  for (const id of scene.highlight) {
    const place = data.places.features.find((f) => f.properties?.id === id);
    if (!place || place.properties?.kind === 'area') continue;
    if (!highlighted.includes(`>${String(place.properties?.[`name_${lang}`])}<`)) out.push(`${id} (highlighted) is not labelled`);
  }
  const layers = scene.layers as readonly string[];
  if (layers.includes('trench') && !layerContent(svg, 'trench-label')) out.push('the trench is not labelled');
  if (layers.includes('mosul-desert') && !layerContent(svg, 'areas-label')) out.push('the Mosul desert is not labelled');
  if (layers.includes('transfer') && !layerContent(svg, 'arrows-transfer-label')) out.push('the transfer is not labelled');
  return out;
}

describe('the still images’ labels', () => {
  for (const { name, size, padding } of SIZES) {
    for (const lang of LANGS) {
      for (const step of story.steps) {
        test(`${step.id} (${lang}, ${name} ${size.width}×${size.height}): the required labels are drawn, none overlaps, all inside`, () => {
          // Known gaps (tests/e2e/label-boxes.ts KNOWN_LABEL_GAPS) are listed there with their reasons.
          expect(knownGaps(step.id, problems(step.scene, lang, size, padding)).other).toEqual([]);
        });
      }
    }
  }

  test('the images the build writes are the ones tested', () => {
    const files = renderStaticMaps();
    for (const lang of LANGS)
      for (const step of story.steps) expect(files.get(`static/${lang}/${step.id}.svg`)).toBe(renderScene({ data, scene: step.scene, lang }).svg);
  });
});
