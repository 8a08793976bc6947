/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { loadStory } from './src/story/load-node.ts';
import { forReaders } from './src/story/reader-claims.ts';
import type { Claim } from './src/story/types.ts';
import { playwright } from '@vitest/browser-playwright';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { pwa } from './scripts/vite/pwa.ts';
import { csp } from './scripts/vite/csp.ts';
import { preloadMap } from './scripts/vite/preload.ts';
import { staticMaps } from './scripts/vite/static-maps.ts';
import { prerender } from './scripts/vite/prerender.ts';

/** Validates the story's content before anything is built: a broken step fails with file, step and field. */
function storyCheck(): Plugin {
  return {
    name: 'story-check',
    buildStart() {
      loadStory();
    },
  };
}

/**
 * The page ships the fact-check log without its editor-only fields (the summaries and the notes on derived numbers):
 * the "Source" controls show who, when, which report and the passages, which is all the page reads.
 */
function claimsForReaders(): Plugin {
  return {
    name: 'claims-for-readers',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/story/content/claims.json')) return null;
      const claims = (JSON.parse(code) as Claim[]).map(forReaders);
      return { code: JSON.stringify(claims), map: null };
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [storyCheck(), claimsForReaders(), staticMaps(), prerender(), pwa(), preloadMap(), csp()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/**/*.unit.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
