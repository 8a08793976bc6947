/**
 * One step's scene as a small SVG, from the same data files and the same scene as the live map: the camera framed
 * like MapLibre frames it, the scene's layer groups only, its highlighted places, labels in the step's language,
 * and every animated line already drawn. Pure: no DOM, no MapLibre; rendered at build time for every step and
 * language (scripts/vite/static-maps.ts) and shown when the live map is loading, unavailable or printed.
 */
import type { Feature } from 'geojson';
import type { Lang, Scene } from '../../story/types.ts';
import type { MapData } from '../data.ts';
import { theme } from '../theme.ts';
import { t } from '../../i18n/strings.ts';
import { formatKm } from '../../i18n/format.ts';
import { frameScene, mapPadding, type Padding, type Size } from '../camera.ts';
import { frameBounds, projector, STATIC_SIZE } from './frame.ts';
import { along, lineLength, type Pt } from './geometry.ts';
import { blockSize, escapeXml, Placer, textBlock, textWidth, wrap, type Align, type LabelStyle, type Line } from './labels.ts';
import { circle, lineRuns, path, polygonPath, riverWidth, runsPath, where, type Painter } from './shapes.ts';

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

const str = (f: Feature | undefined, key: string): string => {
  const v = f?.properties?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

const numberProp = (f: Feature | undefined, key: string): number => {
  const v = f?.properties?.[key];
  return typeof v === 'number' ? v : Number.NaN;
};

function pointOf(f: Feature): [number, number] | null {
  return f.geometry.type === 'Point' ? [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0] : null;
}

/** Keeps text upright: an angle in degrees within (-90, 90]. */
function upright(deg: number): number {
  if (deg > 90) return deg - 180;
  if (deg <= -90) return deg + 180;
  return deg;
}

interface Labels {
  lang: Lang;
  placer: Placer;
}

/** A block of lines beside a point at one of MapLibre's variable anchors, the first that fits. */
function pointLabel(ctx: Labels, at: Pt, lines: Line[], style: LabelStyle, anchors: ('left' | 'right' | 'top' | 'bottom' | 'center')[], offset: number): string {
  const { width, height } = blockSize(lines, style);
  for (const anchor of anchors) {
    const r = offset * style.size;
    const [x, top, align]: [number, number, Align] =
      anchor === 'left' ? [at[0] + r, at[1] - height / 2, 'left']
      : anchor === 'right' ? [at[0] - r - width, at[1] - height / 2, 'right']
      : anchor === 'top' ? [at[0] - width / 2, at[1] + r, 'center']
      : anchor === 'bottom' ? [at[0] - width / 2, at[1] - r - height, 'center']
      : [at[0] - width / 2, at[1] - height / 2, 'center'];
    if (ctx.placer.take({ x0: x - 2, y0: top, x1: x + width + 2, y1: top + height })) return textBlock(lines, style, x, top, width, align, ctx.lang);
  }
  return '';
}

/** One line of text along a line at `distance` px from its start, kept upright, shifted `offset` ems above it. */
function lineLabel(ctx: Labels, line: Pt[], distance: number, text: string, style: LabelStyle, offset = 0): string {
  const { at, angle } = along(line, distance);
  const deg = upright((angle * 180) / Math.PI);
  const rad = (deg * Math.PI) / 180;
  const cx = at[0] + Math.sin(rad) * offset * style.size;
  const cy = at[1] - Math.cos(rad) * offset * style.size;
  const { width, height } = blockSize([{ text, scale: 1 }], style);
  const w = Math.abs(Math.cos(rad)) * width + Math.abs(Math.sin(rad)) * height;
  const h = Math.abs(Math.sin(rad)) * width + Math.abs(Math.cos(rad)) * height;
  if (!ctx.placer.take({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 })) return '';
  return textBlock([{ text, scale: 1 }], style, cx - width / 2, cy - height / 2, width, 'center', ctx.lang, { angle: deg, cx, cy });
}

/** Renders a scene to an SVG document string. */
export function renderSceneSvg(input: StaticMapInput): string {
  const { data, scene, lang } = input;
  const size = input.size ?? STATIC_SIZE;
  const frame = frameScene(scene, size, input.padding ?? mapPadding(size));
  const project = projector(frame);
  const p: Painter = { project, clip: { x0: -4, y0: -4, x1: size.width + 4, y1: size.height + 4 } };
  const on = (group: Scene['layers'][number]): boolean => scene.layers.includes(group);
  const ctx: Labels = { lang, placer: new Placer({ x0: 2, y0: 2, x1: size.width - 2, y1: size.height - 2 }) };
  const name = (f: Feature | undefined): string => str(f, `name_${lang}`);
  const halo = theme.place.halo;

  // Labels are placed in MapLibre's priority order (top layer first) and drawn in the style's order.
  const placeLabels: Record<'hl' | 'muted', string[]> = { hl: [], muted: [] };
  const points = data.places.features.filter((f) => str(f, 'kind') !== 'area' && pointOf(f));
  const highlighted = new Set<string>(scene.highlight);
  for (const hl of [true, false]) {
    const style: LabelStyle = hl
      ? { size: 15, bold: true, color: theme.place.label, halo, haloWidth: 1.6 }
      : { size: 13, bold: false, color: theme.place.labelMuted, halo, haloWidth: 1.6 };
    for (const f of points.filter((pl) => highlighted.has(str(pl, 'id')) === hl)) {
      const at = project(...pointOf(f)!);
      const max = 12 * style.size;
      const lines: Line[] = wrap(name(f), style.size, style.bold, max).map((text) => ({ text, scale: 1 }));
      if (str(f, 'precision') === 'approximate') {
        lines.push(...wrap(str(f, `note_${lang}`), style.size * 0.72, style.bold, max).map((text) => ({ text, scale: 0.72 })));
      }
      placeLabels[hl ? 'hl' : 'muted'].push(pointLabel(ctx, at, lines, style, ['left', 'right', 'top', 'bottom'], 0.9));
    }
  }

  // The transfer arrow is labelled under its head (it ends somewhere in Iraq, not at a place), always shown.
  let transferLabel = '';
  const arrowHead = data.arrows.features.find((f) => str(f, 'kind') === 'transfer' && str(f, 'part') === 'head');
  if (on('transfer') && arrowHead?.geometry.type === 'Polygon') {
    const ring = (arrowHead.geometry.coordinates[0] ?? []).slice(0, -1);
    const at = ring.map((c) => project(c[0] ?? 0, c[1] ?? 0)).reduce<Pt>((acc, q) => [acc[0] + q[0] / ring.length, acc[1] + q[1] / ring.length], [0, 0]);
    const style: LabelStyle = { size: 12, bold: true, color: theme.transfer.line, halo, haloWidth: 1.8 };
    const lines = wrap(t(lang, 'transferLabel'), 12, true, 9 * 12).map((text) => ({ text, scale: 1 }));
    const { width } = blockSize(lines, style);
    const top = at[1] + 0.9 * 12;
    ctx.placer.force({ x0: at[0] - width / 2, y0: top, x1: at[0] + width / 2, y1: top + blockSize(lines, style).height });
    transferLabel = textBlock(lines, style, at[0] - width / 2, top, width, 'center', lang);
  }

  let trenchLabel = '';
  const trenchLine = data.trench.features.find((f) => str(f, 'role') === 'line');
  const trenchPoint = data.trench.features.find((f) => str(f, 'role') === 'label');
  if (on('trench') && trenchPoint && pointOf(trenchPoint)) {
    const claimed = formatKm(lang, numberProp(trenchLine, 'claimed_km'));
    const measured = formatKm(lang, Math.round(numberProp(trenchLine, 'border_km')));
    const style: LabelStyle = { size: 13, bold: true, color: theme.trench.label, halo: theme.trench.halo, haloWidth: 2 };
    const lines = [t(lang, 'trenchLabel'), t(lang, 'trenchClaim', { claimed }), t(lang, 'trenchMeasured', { measured })]
      .flatMap((text) => wrap(text, 13, true, 16 * 13))
      .map((text) => ({ text, scale: 1 }));
    trenchLabel = pointLabel(ctx, project(...pointOf(trenchPoint)!), lines, style, ['left'], 0.8);
  }

  let areaLabel = '';
  const area = data.areas.features[0];
  if (on('mosul-desert') && area && area.geometry.type === 'Polygon') {
    const ring = area.geometry.coordinates[0] ?? [];
    const centre = ring.reduce<Pt>((acc, c) => [acc[0] + (c[0] ?? 0) / ring.length, acc[1] + (c[1] ?? 0) / ring.length], [0, 0]);
    const style: LabelStyle = { size: 14, bold: true, color: theme.place.approximate, halo, haloWidth: 1.6 };
    const lines: Line[] = [
      ...wrap(name(area), 14, true, 140).map((text) => ({ text, scale: 1 })),
      ...wrap(t(lang, 'approximateArea'), 14 * 0.75, true, 140).map((text) => ({ text, scale: 0.75 })),
    ];
    areaLabel = pointLabel(ctx, project(centre[0], centre[1]), lines, style, ['center'], 0);
  }

  const riverLabels: string[] = [];
  const riverStyle: LabelStyle = { size: 12, bold: false, color: theme.river.label, halo: theme.river.halo, haloWidth: 1.5, letterSpacing: lang === 'ar' ? 0 : 0.05 };
  for (const river of data.rivers.features) {
    const runs = lineRuns(p, [river]).sort((a, b) => lineLength(b) - lineLength(a));
    const longest = runs[0];
    const text = name(river);
    if (!longest || lineLength(longest) < textWidth(text, 12, false, riverStyle.letterSpacing) + 60) continue;
    riverLabels.push(lineLabel(ctx, longest, lineLength(longest) / 2, text, riverStyle));
  }

  const countryLabels: string[] = [];
  const countrySize = 12 + (4 * Math.min(3, Math.max(0, frame.zoom - 5))) / 3;
  const countryStyle: LabelStyle = { size: countrySize, bold: false, color: theme.country.label, halo: theme.country.halo, haloWidth: 1.5, letterSpacing: lang === 'ar' ? 0 : 0.18 };
  for (const f of data['country-labels'].features) {
    const at = pointOf(f);
    if (!at) continue;
    const text = lang === 'en' ? name(f).toUpperCase() : name(f);
    countryLabels.push(pointLabel(ctx, project(...at), [{ text, scale: 1 }], countryStyle, ['center'], 0));
  }

  // Shapes, bottom to top, in the order of src/map/layers/index.ts.
  const countries = data.countries.features;
  const other = polygonPath(p, countries.filter((f) => !['syria', 'iraq'].includes(str(f, 'id'))));
  const syria = polygonPath(p, where(data.countries, (pr) => pr.id === 'syria'));
  const iraq = polygonPath(p, where(data.countries, (pr) => pr.id === 'iraq'));
  const border = runsPath(lineRuns(p, data.border.features));
  // Shapes drawn more than once are defined once, without paint, and painted by each <use>.
  const shared = { o: other, s: syria, i: iraq, b: border };
  const use = (id: keyof typeof shared, attrs: string): string => (shared[id] ? `<use href="#${id}"${attrs}/>` : '');
  const out: string[] = [
    `<defs>${Object.entries(shared).map(([id, d]) => path(d, { id })).join('')}</defs>`,
    `<rect width="${size.width}" height="${size.height}" fill="${theme.background}"/>`,
    use('o', ` fill="${theme.land.other}"`),
    use('s', ` fill="${theme.land.focus}"`),
    use('i', ` fill="${theme.land.focus}"`),
    on('iraq-focus') ? `<g fill="${theme.land.dim}" fill-opacity="${theme.land.dimOpacity}">${use('o', '')}${use('s', '')}</g>` : '',
    `<g fill="none" stroke="${theme.land.outline}" stroke-width=".8">${use('o', '')}${use('s', '')}${use('i', '')}</g>`,
    ...countryLabels,
    `<g fill="none" stroke="${theme.river.line}" stroke-linecap="round" stroke-linejoin="round">`,
    ...data.rivers.features.map((f) => path(runsPath(lineRuns(p, [f])), { 'stroke-width': riverWidth(str(f, 'id'), frame.zoom) })),
    '</g>',
    ...riverLabels,
    use('b', ` fill="none" stroke="${theme.border.casing}" stroke-width="4"`),
    use('b', ` fill="none" stroke="${theme.border.line}" stroke-width="1.6" stroke-dasharray="6.4 2.4"`),
  ];
  if (on('mosul-desert')) {
    const d = polygonPath(p, data.areas.features);
    out.push(path(d, { fill: theme.area.fill, 'fill-opacity': theme.area.fillOpacity, stroke: theme.area.outline, 'stroke-width': 1.5, 'stroke-dasharray': '3 3' }), areaLabel);
  }
  if (on('trench') && trenchLine) {
    out.push(path(runsPath(lineRuns(p, [trenchLine])), { fill: 'none', stroke: theme.trench.line, 'stroke-width': 4, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }), trenchLabel);
  }
  for (const [kind, group, color] of [['convoy', 'convoys', theme.convoy.line], ['transfer', 'transfer', theme.transfer.line]] as const) {
    if (!on(group)) continue;
    const shafts = where(data.arrows, (pr) => pr.kind === kind && pr.part === 'shaft');
    const heads = where(data.arrows, (pr) => pr.kind === kind && pr.part === 'head');
    out.push(
      path(runsPath(lineRuns(p, shafts)), { fill: 'none', stroke: color, 'stroke-width': 3.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
      path(polygonPath(p, heads), { fill: color }),
    );
  }
  out.push(transferLabel);
  if (on('places')) {
    for (const hl of [false, true]) {
      for (const f of points.filter((pl) => highlighted.has(str(pl, 'id')) === hl)) {
        const at = project(...pointOf(f)!);
        if (at[0] < -20 || at[1] < -20 || at[0] > size.width + 20 || at[1] > size.height + 20) continue;
        const radius = hl ? 6 : 4;
        out.push(
          str(f, 'precision') === 'approximate'
            ? circle(at, radius * 2.6, 'none', theme.place.approximate, 2)
            : circle(at, radius, hl ? theme.place.dotHighlight : theme.place.dot, halo, 1.5),
        );
      }
    }
    out.push(...placeLabels.muted, ...placeLabels.hl);
  }

  const bounds = frameBounds(frame).map((v) => v.toFixed(4)).join(' ');
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"`,
    ` lang="${lang}"${lang === 'ar' ? ' direction="rtl"' : ''} font-family="${FONTS[lang]}" paint-order="stroke" stroke-linejoin="round"`,
    ` data-bounds="${bounds}" data-zoom="${frame.zoom.toFixed(3)}">`,
    input.title ? `<title>${escapeXml(input.title)}</title>` : '',
  ].join('');
  return `${head}${out.filter(Boolean).join('')}</svg>`;
}
