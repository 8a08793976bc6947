/**
 * The still images follow the live style: for every step and language, the layers in the SVG are exactly the layers
 * the live map shows for that scene, in the style's order, and paint values read back from the SVG equal the style's
 * at the image's zoom.
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { loadStory } from '../../src/story/load-node.ts';
import { LANGS } from '../../src/story/types.ts';
import { buildStyle, visibleLayerIds } from '../../src/map/layers/index.ts';
import { renderSceneSvg } from '../../src/map/static/render-svg.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';

const story = loadStory();
const data = readMapData();

const layerIds = (svg: string): string[] => [...svg.matchAll(/<g data-layer="([^"]+)"/g)].map((m) => m[1]!);
const zoomOf = (svg: string): number => Number(/data-zoom="([\d.]+)"/.exec(svg)?.[1]);
/** The attributes of the first element drawn in a layer's group. */
function firstDrawn(svg: string, id: string): Record<string, string> {
  const m = new RegExp(`<g data-layer="${id}">(<[a-z]+)([^>]*)`).exec(svg);
  if (!m) throw new Error(`no drawn element in layer ${id}`);
  return Object.fromEntries([...m[2]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}
const layer = (id: string): LayerSpecification => buildStyle({ data, lang: 'en' }).style.layers.find((l) => l.id === id)!;
const paint = (id: string): Record<string, unknown> => (layer(id) as { paint?: Record<string, unknown> }).paint ?? {};
const layout = (id: string): Record<string, unknown> => (layer(id) as { layout?: Record<string, unknown> }).layout ?? {};
/** A linear zoom curve written as ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1], at a zoom. */
function linear(curve: unknown, zoom: number, pick: (v: unknown) => number = Number): number {
  const [, , , z0, v0, z1, v1] = curve as [string, unknown, unknown, number, unknown, number, unknown];
  const t = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
  return pick(v0) + (pick(v1) - pick(v0)) * t;
}

describe('still images and the live style', () => {
  for (const lang of LANGS) {
    for (const step of story.steps) {
      it(`${lang} "${step.id}": the image's layers are the layers the live map shows, in order`, () => {
        const svg = renderSceneSvg({ data, scene: step.scene, lang });
        expect(layerIds(svg)).toEqual(visibleLayerIds(buildStyle({ data, lang }).layers, step.scene));
      });
    }
  }

  it('the border keeps the style’s width and its dash, scaled by the width as MapLibre scales it', () => {
    const svg = renderSceneSvg({ data, scene: story.steps[0]!.scene, lang: 'en' });
    const drawn = firstDrawn(svg, 'border-line');
    const width = paint('border-line')['line-width'] as number;
    const dash = paint('border-line')['line-dasharray'] as number[];
    expect(Number(drawn['stroke-width'])).toBe(width);
    expect(drawn['stroke-dasharray']!.split(' ').map(Number)).toEqual(dash.map((d) => Math.round(d * width * 100) / 100));
    expect(drawn.stroke).toBe(paint('border-line')['line-color']);
  });

  it('the rivers’ width follows the style’s zoom curve at the image’s zoom', () => {
    for (const step of [story.steps[0]!, story.steps.find((s) => s.id === 'transfer')!]) {
      const svg = renderSceneSvg({ data, scene: step.scene, lang: 'en' });
      const width = Number(firstDrawn(svg, 'rivers-line')['stroke-width']);
      // The first river drawn is the Euphrates (the curve's value for rivers other than the Khabur).
      const other = (v: unknown) => (Array.isArray(v) ? Number(v[3]) : Number(v));
      expect(width).toBeCloseTo(linear(paint('rivers-line')['line-width'], zoomOf(svg), other), 1);
    }
  });

  it('labels keep the style’s sizes: fixed for places, a zoom curve for countries', () => {
    const step = story.steps.find((s) => s.id === 'shaddadi')!;
    const svg = renderSceneSvg({ data, scene: step.scene, lang: 'en' });
    expect(Number(firstDrawn(svg, 'places-label-hl')['font-size'])).toBe(layout('places-label-hl')['text-size']);
    expect(Number(firstDrawn(svg, 'places-label')['font-size'])).toBe(layout('places-label')['text-size']);
    const overview = renderSceneSvg({ data, scene: story.steps[0]!.scene, lang: 'en' });
    expect(Number(firstDrawn(overview, 'countries-label')['font-size'])).toBeCloseTo(linear(layout('countries-label')['text-size'], zoomOf(overview)), 1);
  });
});
