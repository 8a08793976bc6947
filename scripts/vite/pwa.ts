/**
 * The service worker and web app manifest (vite-plugin-pwa with Workbox's generateSW).
 * Precaches everything the story needs, so that after one visit the story, its map, both languages and any deep
 * link load with no network. Updates wait for the reader: `registerType: 'prompt'`, and <update-notice> registers
 * the worker itself (src/state/service-worker.ts; `injectRegister: false`), with absolute
 * addresses that hold from both editions' pages; no inline script lands in the pages.
 */
import { loadStory } from '../../src/story/load-node.ts';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's colours, repeated in index.html's theme-color and in the icons (scripts/icons.mjs). */
export const THEME_COLOUR = '#a12a1f';
const BACKGROUND_COLOUR = '#eef0f2';

/** Large enough for MapLibre's main chunk (≈ 1.1 MB) and its worker (≈ 0.5 MB), with room to grow. */
const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

export function pwa(): PluginOption {
  // One title and one standfirst, from the story's data (src/story/content/story.json).
  const { meta } = loadStory();
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: meta.title.en,
      short_name: 'Syria–Iraq map story',
      description: meta.dek.en,
      lang: 'en',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      categories: ['news'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,woff2,json,geojson,svg,png,webmanifest}'],
      // The plugin adds the manifest itself, with its own revision. The link-preview images are for other sites'
      // cards, not for readers (and are large): they stay out of the precache.
      globIgnores: ['**/node_modules/**/*', 'manifest.webmanifest', 'preview/**'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      // Deep links are the one page with `#step`, `?lang`, `?embed` (and whatever tracking parameters a newsletter
      // adds): the precache answers all of them, because it ignores query parameters. A navigation fallback would
      // answer for every other page under the scope too (at a bucket's root: other stories), so there is none.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      // The first visit's page is controlled at once; updates still wait for the reader (no skipWaiting).
      clientsClaim: true,
      skipWaiting: false,
      // No file of the story is chosen by a query parameter.
      ignoreURLParametersMatching: [/.*/],
      runtimeCaching: [],
      sourcemap: false,
    },
  });
}
