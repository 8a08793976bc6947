import { test as base, expect, type Page, type BrowserContext } from '@playwright/test';

export interface Guard {
  /** Requests to any host other than the loopback, refused. */
  refused: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Refuses and records every request that would leave the machine; records console errors. */
export async function guard(context: BrowserContext, page: Page): Promise<Guard> {
  const g: Guard = { refused: [], errors: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    g.refused.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => g.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') g.errors.push(m.text());
  });
  return g;
}

export const test = base.extend<{ g: Guard }>({
  g: async ({ context, page }, use) => {
    await use(await guard(context, page));
  },
});
export { expect };

/**
 * A reader's first gesture: the pointer moves over the page. Until one (or a change of step) the story shows its
 * still image and does not start the live map.
 */
export async function readerArrives(page: Page): Promise<void> {
  await page.mouse.move(3, 3);
  await page.mouse.move(4, 5);
}

/** How long a map that has loaded may take to go idle (camera arrived, tiles drawn) before the wait fails. */
const IDLE_TIMEOUT = 8000;

/**
 * The reader arrives; waits until the map exists, has finished its unseen first pass and drawing (idle), with every
 * scene change applied.
 * Fails, saying what the map was still doing, if it does not go idle within 8 s of having loaded.
 */
export async function mapIdle(page: Page): Promise<void> {
  await readerArrives(page);
  await page.waitForFunction(
    () => {
      const map = document.querySelector('map-story')?.map;
      // Once on screen, the map draws what its first scene hides once, unseen (map/warm-up.ts): wait for that too.
      const warm = performance.getEntriesByName('live-map-warm').length > 0;
      return Boolean(map && warm && map.loaded() && !map.isMoving());
    },
    undefined,
    { timeout: 60_000 },
  );
  const failure = await page.evaluate(
    (timeout) =>
      new Promise<string | null>((resolve) => {
        const map = document.querySelector('map-story')?.map;
        if (!map) return resolve('the map went away before it was idle');
        if (!map.isMoving() && map.areTilesLoaded()) return resolve(null);
        const timer = setTimeout(() => {
          map.off('idle', idle);
          const step = document.querySelector('map-story')?.step ?? '';
          resolve(
            `the map did not go idle within ${timeout} ms (step "${step}", moving: ${map.isMoving()}, tiles loaded: ${map.areTilesLoaded()}, style loaded: ${map.isStyleLoaded()})`,
          );
        }, timeout);
        const idle = (): void => {
          clearTimeout(timer);
          resolve(null);
        };
        map.once('idle', idle);
      }),
    IDLE_TIMEOUT,
  );
  if (failure) throw new Error(`mapIdle: ${failure}`);
}

export interface MapState {
  step: string;
  center: [number, number];
  zoom: number;
  visible: string[];
}

/**
 * Runs in the page (or a frame): the ids of the map's layers a reader can see. A layer is drawn unless it is switched
 * off or fully transparent: the story fades fills, lines and dots out. Self-contained, so that it can be evaluated.
 */
export function drawnLayerIds(): string[] {
  const map = document.querySelector('map-story')?.map;
  if (!map) return [];
  const opacity: Record<string, string[]> = { fill: ['fill-opacity'], line: ['line-opacity'], circle: ['circle-opacity', 'circle-stroke-opacity'] };
  const drawn = (l: { id: string; type: string }) =>
    map.getLayoutProperty(l.id, 'visibility') !== 'none' &&
    (!opacity[l.type] || (opacity[l.type] ?? []).some((name) => map.getPaintProperty(l.id, name as 'fill-opacity') !== 0));
  // Before its style has loaded a map has no layers to show.
  return (map.getStyle()?.layers ?? []).filter(drawn).map((l) => l.id);
}

export async function mapState(page: Page): Promise<MapState> {
  const state = await page.evaluate(() => {
    const story = document.querySelector('map-story');
    const map = story?.map;
    if (!story || !map) throw new Error('no map');
    const c = map.getCenter();
    return { step: story.step, center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
  });
  return { ...state, visible: await page.evaluate(drawnLayerIds) };
}

/**
 * The colours of a PNG screenshot, [r, g, b] for every `step`-th pixel. Decoded in the page, without fetch(): the
 * page's Content-Security-Policy (connect-src 'self') refuses data: URLs.
 */
export async function pixelsOf(page: Page, png: Buffer, step = 1): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ b64, step }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!ctx) throw new Error('no 2D canvas to decode a screenshot');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < data.length; i += 4 * step) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
      return out;
    },
    { b64: png.toString('base64'), step },
  );
}

/** How many distinct colours (quantised) the map's area shows: a blank map has one or two. */
export async function mapColours(page: Page): Promise<number> {
  const shot = await page.locator('map-story').locator('live-map').screenshot();
  const pixels = await pixelsOf(page, shot, 7);
  return new Set(pixels.map(([r, g, b]) => ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4))).size;
}

export async function stepIds(page: Page): Promise<string[]> {
  return page.locator('map-story story-step').evaluateAll((els) => els.map((e) => e.id));
}
