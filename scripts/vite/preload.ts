/**
 * Starts the live map's downloads with the page instead of after the story's script has run: a modulepreload for
 * the MapLibre chunk (imported dynamically by <story-map>) and preloads for the map's data files (consumed by
 * `loadMapData`'s fetches, which match them: same URL, CORS mode, same-origin credentials). The text still paints
 * first: none of these block rendering, and nothing runs before it is imported.
 * (MapLibre's worker script is not prefetched: Chromium does not reuse a prefetched response for a module worker,
 * so it would be downloaded twice.)
 */
import type { Plugin } from 'vite';
import type { HtmlTagDescriptor } from 'vite';
import { DATA_FILES } from '../../src/map/data.ts';

export function preloadMap(): Plugin {
  return {
    name: 'preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {}).map((f) => f.fileName);
        const tags: HtmlTagDescriptor[] = [];
        const chunk = files.find((f) => /^assets\/maplibre-[\w-]+\.js$/.test(f));
        if (chunk) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk}` }, injectTo: 'head' });
        for (const name of DATA_FILES) {
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `./data/${name}.geojson` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}
