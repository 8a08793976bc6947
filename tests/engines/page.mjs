// In-page checks for the engine smoke tests. Each function runs inside the page (sent as source by the driver), so it
// may use only browser globals and its own arguments. Shared by Firefox (puppeteer-core) and WebKit (selenium-webdriver).
/* global getComputedStyle, requestAnimationFrame */

/** Collects errors: window.onerror, unhandled rejections and console.error, into window.__engineErrors. */
export function hookErrors() {
  if (window.__engineErrors) return;
  const errors = [];
  window.__engineErrors = errors;
  window.addEventListener('error', (e) => errors.push(`error: ${e.message || e.type} ${e.filename ?? ''}:${e.lineno ?? ''}`));
  window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${e.reason?.message ?? e.reason}`));
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console.error: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
    original(...args);
  };
}

/** The story's state: active step, the steps in order, WebGL, the live map, the still image and its notice. */
export function storyState() {
  const story = document.querySelector('map-story');
  const deep = (root, selectors) => selectors.reduce((node, s) => node?.shadowRoot?.querySelector(s) ?? node?.querySelector?.(s) ?? null, root);
  const live = deep(story, ['live-map']);
  const still = deep(live, ['static-map', '[role="img"]']);
  const notice = live?.shadowRoot?.querySelector('.notice') ?? null;
  const canvas = document.createElement('canvas');
  const webgl = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  const map = story?.map;
  return {
    step: story?.step ?? '',
    steps: [...(story?.shadowRoot?.querySelectorAll('story-step') ?? [])].map((s) => s.id),
    webgl,
    mapReady: Boolean(map && map.loaded() && map.isStyleLoaded()),
    still: Boolean(still),
    notice: notice && notice.getClientRects().length > 0 ? notice.textContent.trim() : '',
    errors: window.__engineErrors ?? [],
  };
}

/** Resolves when the live map exists and has gone idle (true), or after `timeout` ms (false). */
export function waitForMap(timeout) {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => {
      const map = document.querySelector('map-story')?.map;
      if (map && map.loaded() && map.isStyleLoaded()) return resolve(true);
      if (Date.now() - started > timeout) return resolve(false);
      setTimeout(poll, 100);
    };
    poll();
  });
}

/**
 * Whether the dots of final and isolated yeh show, in the page's Arabic font, at weights 400 and 700. Runs in any
 * browser page of the story (the engine tests and tests/e2e/yeh.e2e.ts).
 *
 * Each case draws a word with yeh (U+064A) and the same word with alef maksura (U+0649), the same bowl without dots,
 * and counts the pixels under the final letter (the leftmost, below the baseline) that are ink in the yeh word and
 * blank in the alef maksura word: the two dots. An engine that drops the dots, or draws them inside the bowl, leaves
 * few: fewer than 75 % of what it draws for U+FEF2, final yeh whose glyph has its dots in its outline (see below).
 *  - text: «في» and «الشدادي» shaped by the engine (canvas text takes the same path as the page's text);
 *  - glyph: the presentation forms (U+FEF2 final, U+FEF1 isolated) one at a time, as the live map's labels draw them
 *    (MapLibre shapes Arabic itself and rasterizes each form with canvas fillText);
 *  - map: the same forms as the live map's own glyph manager rasterized them (signed distance fields), when it has
 *    loaded: reported only (min 0), since the count on the distance fields did not separate the fonts reliably;
 *  - reference: the same words in DejaVu Sans, a font whose yeh has its dots in the glyph itself (a check of the method).
 */
export async function yehDots(debug = false) {
  const size = 80;
  const W = 640;
  const H = 240;
  const BASE = 120;
  const images = [];
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-arabic').split(',')[0].trim() || 'serif';
  const draw = (text, font) => {
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
    ctx.font = font;
    ctx.direction = 'rtl';
    ctx.textAlign = 'left';
    ctx.fillText(text, 40, BASE);
    if (debug) images.push(canvas.toDataURL());
    const { data } = ctx.getImageData(0, 0, W, H);
    const alpha = new Uint8Array(W * H);
    for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4 + 3];
    return alpha;
  };
  // Ink in `dotted` and none in `dotless` (images { data, width, height }, ink from `on`), with the two aligned on
  // their top and right edges (the start of the word, far from the final letter's dots: WebKit may draw the dotted
  // word a few pixels lower), and only where `keep(x, y)` (coordinates of `dotless`).
  const extra = (dotted, dotless, on, keep) => {
    const edges = ({ data, width }) => {
      let top = Infinity;
      let right = -1;
      let left = Infinity;
      for (let i = 0; i < data.length; i++)
        if (data[i] >= on) {
          top = Math.min(top, Math.floor(i / width));
          right = Math.max(right, i % width);
          left = Math.min(left, i % width);
        }
      return { top, right, left };
    };
    const [a, b] = [edges(dotted), edges(dotless)];
    if (a.right < 0 || b.right < 0) return 0;
    const [dx, dy] = [a.right - b.right, a.top - b.top];
    let count = 0;
    for (let y = 0; y < dotless.height; y++)
      for (let x = 0; x < dotless.width; x++) {
        if (!keep(x, y, b)) continue;
        const [ax, ay] = [x + dx, y + dy];
        const ink = ax >= 0 && ay >= 0 && ax < dotted.width && ay < dotted.height ? dotted.data[ay * dotted.width + ax] : 0;
        if (ink >= on && dotless.data[y * dotless.width + x] < on / 2) count += 1;
      }
    return count;
  };
  // Below the baseline, within 0.7 em of the word's left edge (the final letter).
  const underFinal = (x, y, { left }) => y > BASE && x >= left - 0.1 * size && x < left + 0.7 * size;
  const dots = (dotted, dotless) => extra({ data: dotted, width: W, height: H }, { data: dotless, width: W, height: H }, 128, underFinal);
  const words = [
    ['في', 'فى'],
    ['الشدادي', 'الشدادى'],
  ];
  const forms = [
    ['\uFEF2', '\uFEF0'],
    ['\uFEF1', '\uFEEF'],
  ];
  const cases = [];
  for (const weight of [400, 700]) {
    const font = `${weight} ${size}px ${family}`;
    await document.fonts.load(font, 'في الشدادى \uFEF2\uFEF0\uFEF1\uFEEF');
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    for (const [dotted, dotless] of words) cases.push({ kind: 'text', weight, text: dotted, dots: dots(draw(dotted, font), draw(dotless, font)), min: 40 });
    for (const [dotted, dotless] of forms) cases.push({ kind: 'glyph', weight, text: dotted, dots: dots(draw(dotted, font), draw(dotless, font)), min: 40 });
    const reference = `${weight} ${size}px 'DejaVu Sans'`;
    for (const [dotted, dotless] of words)
      cases.push({ kind: 'reference', weight, text: dotted, dots: dots(draw(dotted, reference), draw(dotless, reference)), min: 40 });
  }
  // The live map's glyphs: its label font stacks (regular and bold), through its own glyph manager.
  const map = document.querySelector('map-story')?.map;
  const manager = map?.style?.glyphManager;
  if (manager?.getGlyphs && map.loaded()) {
    const stacks = [
      ...new Set(
        map
          .getStyle()
          .layers.map((l) => l.layout?.['text-font']?.join(','))
          .filter(Boolean),
      ),
    ];
    for (const stack of stacks) {
      for (const [dotted, dotless] of forms) {
        const got = (await manager.getGlyphs({ [stack]: { default: [dotted, dotless] } }))[stack]?.default ?? {};
        const [a, b] = [got[dotted], got[dotless]];
        if (!a || !b) {
          cases.push({ kind: 'map', weight: stack, text: dotted, dots: 0, min: 0, note: 'no glyph' });
          continue;
        }
        // Signed distance fields: inside the shape from 191 up (TinySDF's cutoff 0.25).
        const count = extra(a.bitmap, b.bitmap, 191, () => true);
        cases.push({ kind: 'map', weight: stack, text: dotted, dots: count, min: 0 });
      }
    }
  }
  // The yardstick: U+FEF2, whose glyph in this font has the dots in its own outline (no mark to place), as the same
  // engine drew it at the same weight. Every other Noto case must reach 75 % of it (broken WebKit: 50 and 0 of 94 and 179).
  for (const c of cases) {
    const yardstick = cases.find((o) => o.kind === (c.kind === 'text' ? 'glyph' : c.kind) && o.weight === c.weight && o.text === '\uFEF2');
    if (c.kind !== 'reference' && c.kind !== 'map' && yardstick && c !== yardstick) c.min = Math.max(c.min, Math.round(0.75 * yardstick.dots));
  }
  const faces = [...document.fonts].filter((f) => f.family.includes('Arabic') && f.status === 'loaded').map((f) => `${f.family} ${f.weight}`);
  return { family, faces, cases: cases.map((c) => ({ ...c, ok: c.dots >= c.min })), images };
}
