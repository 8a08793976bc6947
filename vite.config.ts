/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { loadStory } from './src/story/load-node.ts';
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

export default defineConfig({
  base: './',
  plugins: [storyCheck(), staticMaps(), prerender(), pwa(), preloadMap(), csp()],
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
