/**
 * The service worker and web app manifest (vite-plugin-pwa, injectManifest: the worker is src/sw.ts, and the plugin
 * gives it the list of the story's files with their revisions). After one visit, the story in the reader's language,
 * its map and any deep link load with no network. Updates wait for the reader: `registerType: 'prompt'`, and <update-notice> registers
 * the worker itself (src/state/service-worker.ts; `injectRegister: false`), with absolute
 * addresses that hold from both editions' pages; no inline script lands in the pages.
 */
import { loadStory } from '../../src/story/load-node.ts';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's colours, repeated in index.html's theme-color and in the icons (scripts/icons.mjs). */
export const THEME_COLOUR = '#a12a1f';
const BACKGROUND_COLOUR = '#eef0f2';

/** Large enough for MapLibre's largest chunk (≈ 0.5 MB built from its sources, 1.1 MB published), with room to grow. */
const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

export function pwa(): PluginOption {
  // One title and one standfirst, from the story's data (src/story/content/story.json).
  const { meta } = loadStory();
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
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
    // The worker is the story's own (src/sw.ts): it downloads nothing when it installs, keeps what the reader loads,
    // and the rest of the reader's language only when the connection is idle (src/state/offline.ts).
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectManifest: {
      // The files the worker may keep: both editions' pages, code, styles, fonts, data and still maps.
      globPatterns: ['**/*.{html,js,mjs,css,woff2,json,geojson,svg,webmanifest}'],
      // The plugin lists the manifest itself. Not for readers: the link-preview images (for other sites' cards), the app icons (the browser fetches them
      // itself when a reader installs the story), and the files for host sites (embed script, example host page).
      globIgnores: ['**/node_modules/**/*', 'manifest.webmanifest', 'preview/**', 'icons/*.png', 'embed.js', 'example-host.*'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      rollupFormat: 'iife',
    },
  });
}
