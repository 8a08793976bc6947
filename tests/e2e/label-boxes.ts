/**
 * The live map's labels as MapLibre placed them, for tests/e2e/labels.e2e.ts.
 *
 * The boxes come from MapLibre's own collision index (`map.style.placement.collisionIndex.grid`): after placement,
 * it holds one box, in screen pixels plus a 100 px margin, for every label that was placed and is drawn, and for no
 * label that collision dropped. They are the boxes MapLibre's collision detection compares, made from the shaped
 * glyphs (with `text-padding`) at the label's chosen anchor, so they are where the text is on screen. Each box's key
 * names its bucket and feature; the bucket's feature index gives the layer and the feature's properties. Labels
 * that are placed but transparent (`text-opacity` 0) are not drawn and are left out.
 *
 * Besides the labels: the place markers (dots and rings, from the circle layers' evaluated paint), the trench line
 * (projected from its source), the page's things over the map (the key, the locator, the map's controls and, on
 * phones, the story's text cards), and the labels the scene must show.
 *
 * Which labels must be drawn (the rule of src/map/layers/places.ts): the names of the scene's `highlight` places, and
 * the trench's, the area's and the transfer's labels whenever their layers show (the convoys have no label). The other
 * places' names, and the country and river names, are context: MapLibre may drop one that has no room. Every label
 * that is drawn, required or not, must be whole and in view: not cut by the edge of the map the reader sees, and not
 * partly under the key, the locator, a control or a card; and a place's name must sit next to its own marker, nearer
 * to it than to any other place's dot or ring (`misplacedNames`). (A context label wholly outside that area, under a card
 * with its dot or beyond the edge, is not seen at all, and is no fault; a required one is.)
 */

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DrawnLabel {
  layer: string;
  id: string;
  box: Rect;
}

export interface LabelScene {
  step: string;
  width: number;
  height: number;
  labels: DrawnLabel[];
  markers: { id: string; x: number; y: number; r: number }[];
  lines: { layer: string; points: [number, number][] }[];
  covers: { name: string; box: Rect }[];
  required: { layer: string; id: string }[];
}

/** Runs in the page: everything above, in pixels of the map's canvas. Self-contained, so that it can be evaluated. */
export async function collectLabels(): Promise<LabelScene> {
  interface Key {
    bucketInstanceId: number;
    featureIndex: number;
  }
  interface VtLayer {
    feature(i: number): { properties: Record<string, unknown> };
  }
  interface Internals {
    style: {
      placement: {
        collisionIndex: { grid: { boxKeys: Key[]; bboxes: number[] } };
        retainedQueryData: Record<number, { bucketIndex: number; featureIndex: { bucketLayerIDs: string[][]; loadVTLayers(): Record<string, VtLayer> } }>;
      };
    };
  }
  const VIEWPORT_PADDING = 100;
  const story = document.querySelector('map-story');
  const live = story?.shadowRoot?.querySelector('live-map');
  const map = story?.map;
  if (!story || !live || !map) throw new Error('no map');
  const canvas = map.getCanvas().getBoundingClientRect();
  const scene = live.scene;
  const placement = (map as unknown as Internals).style.placement;
  const featureId = (p: Record<string, unknown>): string => String(p.id ?? p.role ?? `${String(p.kind)}-${String(p.part)}`);

  const labels: DrawnLabel[] = [];
  const grid = placement.collisionIndex.grid;
  grid.boxKeys.forEach((key, i) => {
    const data = placement.retainedQueryData[key.bucketInstanceId];
    if (!data) return;
    const layer = data.featureIndex.bucketLayerIDs[data.bucketIndex]?.[0] ?? '';
    if (map.getPaintProperty(layer, 'text-opacity') === 0) return;
    const vt = Object.values(data.featureIndex.loadVTLayers())[0];
    const props = vt?.feature(key.featureIndex).properties ?? {};
    const [x0, y0, x1, y1] = grid.bboxes.slice(i * 4, i * 4 + 4).map((v) => v - VIEWPORT_PADDING);
    labels.push({ layer, id: featureId(props), box: { x0: x0!, y0: y0!, x1: x1!, y1: y1! } });
  });

  const drawn = (id: string, opacity: string): boolean =>
    Boolean(map.getLayer(id)) && map.getLayoutProperty(id, 'visibility') !== 'none' && map.getPaintProperty(id, opacity as 'line-opacity') !== 0;
  const markers = new Map<string, { x: number; y: number; r: number }>();
  for (const f of map.queryRenderedFeatures({ layers: ['places-dot', 'places-dot-hl'].filter((id) => drawn(id, 'circle-opacity')) })) {
    if (f.geometry.type !== 'Point') continue;
    const paint = f.layer.paint as Record<string, number>;
    const r = (paint['circle-radius'] ?? 0) + (paint['circle-stroke-width'] ?? 0) / 2;
    const p = map.project(f.geometry.coordinates as [number, number]);
    markers.set(String(f.properties.id), { x: p.x, y: p.y, r });
  }

  const lines: LabelScene['lines'] = [];
  if (drawn('trench-line', 'line-opacity')) {
    const data = (await map.getSource<import('maplibre-gl').GeoJSONSource>('trench')!.getData()) as import('geojson').FeatureCollection;
    for (const f of data.features) {
      if (f.properties?.role !== 'line' || f.geometry.type !== 'LineString') continue;
      lines.push({ layer: 'trench-line', points: f.geometry.coordinates.map((c) => map.project([c[0]!, c[1]!])).map((p) => [p.x, p.y] as [number, number]) });
    }
  }

  // What lies over the map: the key, the locator, the controls, and cards of text (phones).
  const covers: LabelScene['covers'] = [];
  const cover = (name: string, el: Element): void => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.display === 'none' || style.visibility === 'hidden') return;
    const box = { x0: r.left - canvas.left, y0: r.top - canvas.top, x1: r.right - canvas.left, y1: r.bottom - canvas.top };
    if (box.x1 > 0 && box.y1 > 0 && box.x0 < canvas.width && box.y0 < canvas.height) covers.push({ name, box });
  };
  const root = live.shadowRoot!;
  for (const el of root.querySelectorAll('map-legend, map-locator, .maplibregl-ctrl')) cover(el.localName === 'div' ? 'map control' : el.localName, el);
  const opaque = (el: Element): boolean => !/rgba\(.*, 0\)|transparent/.test(getComputedStyle(el).backgroundColor);
  for (const el of story.shadowRoot!.querySelectorAll('.intro')) if (opaque(el)) cover('intro card', el);
  for (const step of story.shadowRoot!.querySelectorAll('story-step')) {
    for (const el of step.shadowRoot?.querySelectorAll('article, .block') ?? []) if (opaque(el)) cover(`card of ${step.id}`, el);
  }

  // The part of the canvas the reader sees: inside the window.
  const width = Math.min(canvas.width, innerWidth - canvas.left);
  const height = Math.min(canvas.height, innerHeight - canvas.top);
  const required: LabelScene['required'] = [];
  const places = (await map.getSource<import('maplibre-gl').GeoJSONSource>('places')!.getData()) as import('geojson').FeatureCollection;
  const highlight = (scene?.highlight ?? []) as readonly string[];
  for (const f of places.features) {
    const id = String(f.properties?.id);
    if (highlight.includes(id) && f.properties?.kind !== 'area') required.push({ layer: 'places-label-hl', id });
  }
  if (drawn('trench-line', 'line-opacity')) required.push({ layer: 'trench-label', id: 'label' });
  if (drawn('areas-fill', 'fill-opacity')) required.push({ layer: 'areas-label', id: 'mosul-desert' });
  if (drawn('arrows-transfer-shaft', 'line-opacity')) required.push({ layer: 'arrows-transfer-label', id: 'transfer-iraq' });
  return { step: story.step, width, height, labels, markers: [...markers].map(([id, m]) => ({ id, ...m })), lines, covers, required };
}

const intersects = (a: Rect, b: Rect, slack = 0.5): boolean => a.x0 < b.x1 - slack && b.x0 < a.x1 - slack && a.y0 < b.y1 - slack && b.y0 < a.y1 - slack;

/** Whether a circle (a place's dot or ring) and a box overlap by more than half a pixel. */
function circleTouches(m: { x: number; y: number; r: number }, b: Rect): boolean {
  const dx = Math.max(b.x0 - m.x, 0, m.x - b.x1);
  const dy = Math.max(b.y0 - m.y, 0, m.y - b.y1);
  return Math.hypot(dx, dy) < m.r - 0.5;
}

/** Whether the segment p–q passes through the box (Liang–Barsky clipping). */
function segmentCrosses(p: [number, number], q: [number, number], b: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const d = [q[0] - p[0], q[1] - p[1]] as const;
  const checks: [number, number][] = [
    [-d[0], p[0] - b.x0],
    [d[0], b.x1 - p[0]],
    [-d[1], p[1] - b.y0],
    [d[1], b.y1 - p[1]],
  ];
  for (const [num, lim] of checks) {
    if (num === 0) {
      if (lim < 0) return false;
    } else {
      const t = lim / num;
      if (num < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

const name = (l: { layer: string; id: string }): string => `${l.layer}/${l.id}`;

const fmt = (r: Rect): string => [r.x0, r.y0, r.x1, r.y1].map((v) => Math.round(v)).join(',');

/** The layers of the places' names, whose `id` is the place's. */
export const PLACE_NAME_LAYERS: readonly string[] = ['places-label', 'places-label-hl'];

/** How far a box lies from a place's marker: from the dot's or the ring's outline to the nearest point of the box. */
export function markerGap(m: { x: number; y: number; r: number }, b: Rect): number {
  const dx = Math.max(b.x0 - m.x, 0, m.x - b.x1);
  const dy = Math.max(b.y0 - m.y, 0, m.y - b.y1);
  return Math.max(0, Math.hypot(dx, dy) - m.r);
}

/**
 * A place's name must sit next to its own marker: nearer to it than to any other place's dot or ring, so that no
 * reader takes it for the name of a neighbour. Names of places whose marker is not drawn are faults too.
 */
export function misplacedNames(labels: readonly DrawnLabel[], markers: readonly { id: string; x: number; y: number; r: number }[]): string[] {
  const out: string[] = [];
  for (const l of labels) {
    if (!PLACE_NAME_LAYERS.includes(l.layer)) continue;
    const own = markers.find((m) => m.id === l.id);
    if (!own) {
      out.push(`${name(l)} [${fmt(l.box)}] is drawn without its marker`);
      continue;
    }
    const gap = markerGap(own, l.box);
    for (const m of markers) {
      if (m.id === l.id) continue;
      const other = markerGap(m, l.box);
      if (other <= gap) out.push(`${name(l)} [${fmt(l.box)}] is nearer the marker of ${m.id} (${other.toFixed(1)} px) than its own (${gap.toFixed(1)} px)`);
    }
  }
  return out;
}

/** Everything wrong with a scene's labels, in words; none when every label is drawn, apart and in view. */
export function labelProblems(s: LabelScene): string[] {
  const out: string[] = [];
  s.labels.forEach((a, i) => {
    for (const b of s.labels.slice(i + 1)) if (intersects(a.box, b.box)) out.push(`${name(a)} [${fmt(a.box)}] overlaps ${name(b)} [${fmt(b.box)}]`);
    for (const m of s.markers) if (circleTouches(m, a.box)) out.push(`${name(a)} [${fmt(a.box)}] covers the marker of ${m.id}`);
    for (const l of s.lines)
      if (l.points.some((p, k) => k > 0 && segmentCrosses(l.points[k - 1]!, p, a.box))) out.push(`${name(a)} [${fmt(a.box)}] crosses ${l.layer}`);
  });
  const view: Rect = { x0: 0, y0: 0, x1: s.width, y1: s.height };
  const inside = (b: Rect, c: Rect): boolean => b.x0 >= c.x0 && b.y0 >= c.y0 && b.x1 <= c.x1 && b.y1 <= c.y1;
  // Not seen at all: beyond the edge or wholly under something over the map.
  const unseen = (b: Rect): boolean => !intersects(b, view, 0) || s.covers.some((c) => inside(b, c.box));
  for (const r of s.required) if (!s.labels.some((l) => l.layer === r.layer && l.id === r.id)) out.push(`${name(r)} is not drawn`);
  out.push(
    ...misplacedNames(
      s.labels.filter((l) => !unseen(l.box)),
      s.markers,
    ),
  );
  for (const l of s.labels) {
    const b = l.box;
    const required = s.required.some((r) => r.layer === l.layer && r.id === l.id);
    if (unseen(b)) {
      if (required) out.push(`${name(l)} [${fmt(b)}] is drawn where the reader cannot see it`);
      continue;
    }
    if (!inside(b, view)) out.push(`${name(l)} [${fmt(b)}] is cut by the edge of the map (${Math.round(s.width)}×${Math.round(s.height)})`);
    for (const c of s.covers) if (intersects(b, c.box)) out.push(`${name(l)} [${fmt(b)}] is under the ${c.name} [${fmt(c.box)}]`);
  }
  return out;
}

/**
 * What the tests still find and the story does not yet solve, each with its reason. A problem not listed fails its
 * test, as does a listed one at another step; listed ones are reported as annotations, so a fix shows.
 * - The last step brings everything together at the region's zoom (the story test asks for the whole region there):
 *   Al-Hol camp sits between Hasakah's dot, Shaddadi's ring, the transfer arrow and the trench, and no position for
 *   its name is free of all four; the transfer label and, on a phone, Shaddadi's name lose out the same way.
 * - In Arabic at the overview and the last step, Shaddadi's name and note (two lines, longer than in English) end
 *   nearer Deir Ezzor's dot than its own ring, by a few pixels.
 */
export const KNOWN_LABEL_GAPS: readonly { step: string; problem: RegExp }[] = [
  { step: 'what-next', problem: /^places-label-hl\/(al-hol|shaddadi) is not drawn$/ },
  { step: 'what-next', problem: /^arrows-transfer-label\/transfer-iraq is not drawn$/ },
  { step: 'what-next', problem: /^(al-hol|shaddadi) \(highlighted\) is not labelled$|^the transfer is not labelled$/ },
  { step: 'what-next', problem: /^places-label-hl\/shaddadi \[[\d,]+\] is nearer the marker of deir-ezzor/ },
  { step: 'overview', problem: /^places-label-hl\/shaddadi \[[\d,]+\] is nearer the marker of deir-ezzor/ },
];

/** Splits a step's problems into the known gaps and the rest. */
export function knownGaps(step: string, problems: readonly string[]): { known: string[]; other: string[] } {
  const isKnown = (p: string): boolean => KNOWN_LABEL_GAPS.some((g) => g.step === step && g.problem.test(p));
  return { known: problems.filter(isKnown), other: problems.filter((p) => !isKnown(p)) };
}
