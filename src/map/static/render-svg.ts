/**
 * One step's scene as a small SVG, read from the live map's own style: the layers the scene shows, in the style's
 * order, each drawn by its type (fill, line, circle, symbol) with the paint and layout values the style gives at the
 * frame's zoom for each feature (see style-eval.ts). The camera is framed as MapLibre frames it (camera.ts); labels
 * are placed in MapLibre's priority order, top layer first, and every animated line is drawn whole. Each layer is a
 * <g data-layer="…"> named by its MapLibre id. Pure: rendered at build time for every step and language
 * (scripts/vite/static-maps.ts) and shown when the live map is loading, unavailable or printed.
 */
import type { Feature } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang, Scene } from '../../story/types.ts';
import type { MapData } from '../data.ts';
import { buildStyle, sceneFilter, visibleLayerIds } from '../layers/index.ts';
import { frameScene, mapPadding, type Padding, type Size } from '../camera.ts';
import { frameBounds, projector, STATIC_SIZE } from './frame.ts';
import { escapeXml, Placer, type LabelBox, type Marker } from './labels.ts';
import { LayerReader, svgColor } from './style-eval.ts';
import { circle, lineRuns, path, polygonPath, runsPath, type Painter } from './shapes.ts';
import { placeSymbols, type Labels } from './symbols.ts';

export interface StaticMapInput {
  data: MapData;
  scene: Scene;
  lang: Lang;
  /** The image's text alternative, written into its <title>. */
  title?: string;
  size?: Size;
  padding?: Padding;
}

const FONTS: Record<Lang, string> = {
  en: "'Noto Sans','Noto Sans Arabic',sans-serif",
  ar: "'Noto Sans Arabic','Noto Sans',sans-serif",
};

/** A number or text attribute of a paint value, as SVG writes it. */
function dash(value: unknown, width: number): string | undefined {
  const list = Array.isArray(value) ? value : (value as { values?: unknown } | null)?.values;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list
    .map((v) => Number(v) * width)
    .map((v) => Math.round(v * 100) / 100)
    .join(' ');
}

/** Features of a layer grouped by the SVG attributes they get, in order of first appearance. */
function byAttributes(
  features: Feature[],
  attrs: (f: Feature) => Record<string, string | number | undefined>,
): { attrs: Record<string, string | number | undefined>; features: Feature[] }[] {
  const groups = new Map<string, { attrs: Record<string, string | number | undefined>; features: Feature[] }>();
  for (const f of features) {
    const a = attrs(f);
    const key = JSON.stringify(a);
    const g = groups.get(key);
    if (g) g.features.push(f);
    else groups.set(key, { attrs: a, features: [f] });
  }
  return [...groups.values()];
}

function fill(r: LayerReader, p: Painter, features: Feature[]): string[] {
  return byAttributes(features, (f) => {
    const { color, opacity } = svgColor(r.paint('fill-color', f));
    const o = opacity * r.number('paint', 'fill-opacity', f);
    return { fill: color, 'fill-opacity': o < 1 ? o : undefined };
  }).map((g) => path(polygonPath(p, g.features), g.attrs));
}

function line(r: LayerReader, p: Painter, features: Feature[]): string[] {
  const gradient = 'line-gradient' in (r.layer.paint ?? {});
  return byAttributes(features, (f) => {
    const { color, opacity } = svgColor(gradient ? r.paint('line-gradient', f, 1) : r.paint('line-color', f));
    const width = r.number('paint', 'line-width', f);
    const o = opacity * r.number('paint', 'line-opacity', f);
    return {
      fill: 'none',
      stroke: color,
      'stroke-width': width,
      'stroke-opacity': o < 1 ? o : undefined,
      'stroke-dasharray': dash(r.paint('line-dasharray', f), width),
      'stroke-linecap': String(r.layout('line-cap', f)) === 'butt' ? undefined : String(r.layout('line-cap', f)),
      'stroke-linejoin': String(r.layout('line-join', f)) === 'round' ? undefined : String(r.layout('line-join', f)),
    };
  }).map((g) => {
    // Polygons are stroked along their rings; lines along their runs.
    const polygons = g.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
    const lines = g.features.filter((f) => !polygons.includes(f));
    return [polygons.length ? path(polygonPath(p, polygons), g.attrs) : '', lines.length ? path(runsPath(lineRuns(p, lines)), g.attrs) : ''].join('');
  });
}

function circles(r: LayerReader, p: Painter, features: Feature[], size: Size): string[] {
  const out: string[] = [];
  for (const f of features) {
    if (f.geometry.type !== 'Point') continue;
    const at = p.project(f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
    if (at[0] < -20 || at[1] < -20 || at[0] > size.width + 20 || at[1] > size.height + 20) continue;
    const fillColour = svgColor(r.paint('circle-color', f)).color;
    const stroke = svgColor(r.paint('circle-stroke-color', f)).color;
    out.push(circle(at, r.number('paint', 'circle-radius', f), fillColour, stroke, r.number('paint', 'circle-stroke-width', f)));
  }
  return out;
}

/** The places' dots and rings of a circle layer, with their outer radius. */
function markersOf(r: LayerReader | undefined, p: Painter, features: Feature[]): Marker[] {
  if (!r) return [];
  return features.flatMap((f) => {
    const id = f.properties?.['id'];
    if (f.geometry.type !== 'Point' || typeof id !== 'string') return [];
    const [x, y] = p.project(f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0);
    return [{ id, x, y, r: r.number('paint', 'circle-radius', f) + r.number('paint', 'circle-stroke-width', f) / 2 }];
  });
}

/** Renders a scene to an SVG document string. */
export function renderSceneSvg(input: StaticMapInput): string {
  return renderScene(input).svg;
}

/** A scene's SVG, with the boxes of the labels placed in it and its size (for tests/unit/still-labels.unit.test.ts). */
export function renderScene(input: StaticMapInput): { svg: string; labels: readonly LabelBox[]; size: Size } {
  const { data, scene, lang } = input;
  const size = input.size ?? STATIC_SIZE;
  const frame = frameScene(scene, size, input.padding ?? mapPadding(size));
  const p: Painter = { project: projector(frame), clip: { x0: -4, y0: -4, x1: size.width + 4, y1: size.height + 4 } };
  const { style, layers } = buildStyle({ data, lang });
  const visible = new Set(visibleLayerIds(layers, scene));
  const shown = layers.map((l) => l.layer).filter((l) => visible.has(l.id));
  const readers = new Map(shown.map((l) => [l.id, new LayerReader(l, frame.zoom, sceneFilter(l, scene))]));
  const featuresOf = (l: LayerSpecification): Feature[] => {
    const source = 'source' in l ? style.sources[l.source] : undefined;
    const fc = source?.type === 'geojson' && typeof source.data === 'object' && 'features' in source.data ? source.data.features : [];
    const r = readers.get(l.id);
    return r ? fc.filter((f) => r.accepts(f)) : [];
  };

  // Labels are placed top layer first, as MapLibre places them, then drawn in the style's order; a place's name only
  // where its own dot or ring is the nearest.
  const markers = shown.filter((l) => l.type === 'circle').flatMap((l) => markersOf(readers.get(l.id), p, featuresOf(l)));
  const inside = { x0: 2, y0: 2, x1: size.width - 2, y1: size.height - 2 };
  const ctx: Labels = { lang, placer: new Placer(inside, markers), project: p.project, painter: p };
  const labels = new Map<string, string[]>();
  for (const l of [...shown].reverse()) {
    const r = readers.get(l.id);
    if (l.type === 'symbol' && r) labels.set(l.id, placeSymbols(ctx, r, featuresOf(l)));
  }

  const body: string[] = [
    `<rect width="${size.width}" height="${size.height}" fill="${svgColor(new LayerReader(style.layers[0]!, frame.zoom).paint('background-color')).color}"/>`,
  ];
  for (const l of shown) {
    const r = readers.get(l.id);
    if (!r) continue;
    const features = featuresOf(l);
    const parts =
      l.type === 'fill'
        ? fill(r, p, features)
        : l.type === 'line'
          ? line(r, p, features)
          : l.type === 'circle'
            ? circles(r, p, features, size)
            : l.type === 'symbol'
              ? (labels.get(l.id) ?? [])
              : [];
    // Every layer the scene shows has its group, even when nothing of it falls in the frame.
    const content = parts.filter(Boolean).join('');
    body.push(content ? `<g data-layer="${l.id}">${content}</g>` : `<g data-layer="${l.id}"/>`);
  }

  const bounds = frameBounds(frame)
    .map((v) => v.toFixed(4))
    .join(' ');
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"`,
    ` lang="${lang}"${lang === 'ar' ? ' direction="rtl"' : ''} font-family="${FONTS[lang]}" paint-order="stroke" stroke-linejoin="round"`,
    ` data-bounds="${bounds}" data-zoom="${frame.zoom.toFixed(3)}">`,
    input.title ? `<title>${escapeXml(input.title)}</title>` : '',
  ].join('');
  return { svg: `${head}${body.join('')}</svg>`, labels: ctx.placer.labels, size };
}
