/**
 * What the page asks for ahead of use.
 * - The text fonts in the default language (English, regular and bold) are preloaded, so the text's first paint
 *   is already in them and does not reflow when they arrive.
 * - The live map (the MapLibre chunk, its worker and the map's data files) starts at the reader's first gesture;
 *   until then the still image stands in. Its prefetch links are written into an inert <template id="map-prefetch">,
 *   which src/map/prefetch.ts puts into the head once the page has loaded, its first still image has painted and the
 *   browser is idle: on a slow link the text, its fonts and the still image get the whole connection first, and the
 *   map's files are usually in the cache by the time the reader moves. Prefetched responses go to the HTTP cache, where the module import, the module worker
 *   and `loadMapData`'s fetches (same URL, CORS mode, same-origin credentials) find them. The links carry no `as`:
 *   HTML allows it only on preload and modulepreload (the Nu HTML Checker rejects it on prefetch), and the HTTP
 *   cache does not key on it.
 */
import type { Plugin } from 'vite';
import type { HtmlTagDescriptor } from 'vite';
import { DATA_FILES, dataFile } from '../../src/map/data.ts';
import { MAP_PREFETCH_ID } from '../../src/map/prefetch.ts';
import { loadStory } from '../../src/story/load-node.ts';

/**
 * The preload of the story's first still map, in the page's language: `<static-map>` fetches it once the story's
 * script has run, so it is preloaded beside the script instead of after it (as `fetch`, with the credentials mode of
 * the script's `fetch()`, so that fetch takes it). scripts/vite/editions.ts gives the Arabic page its own.
 */
export const STILL_PRELOAD = /<link rel="preload" as="fetch" crossorigin href="\.\/static\/en\/([\w-]+)\.svg">/;

const FONTS = /^assets\/noto-sans-latin-(400|700)-normal-[\w-]+\.woff2$/;
const MAP_CODE = /^assets\/maplibre-(gl-worker-)?[\w-]+\.m?js$/;

export function preloadMap(): Plugin {
  return {
    name: 'preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {}).map((f) => f.fileName);
        const tags: HtmlTagDescriptor[] = [];
        const first = loadStory().steps[0]?.id;
        if (first) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `./static/en/${first}.svg` }, injectTo: 'head' });
        for (const font of files.filter((f) => FONTS.test(f)).sort()) {
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${font}` }, injectTo: 'head' });
        }
        const later: HtmlTagDescriptor[] = [];
        for (const code of files.filter((f) => MAP_CODE.test(f)).sort()) {
          later.push({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `./${code}` } });
        }
        for (const name of DATA_FILES) {
          later.push({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `./data/${dataFile(name)}` } });
        }
        tags.push({ tag: 'template', attrs: { id: MAP_PREFETCH_ID }, children: later, injectTo: 'body' });
        return tags;
      },
    },
  };
}
