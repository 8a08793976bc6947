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
import { editions } from './scripts/vite/editions.ts';
import { fonts } from './scripts/vite/fonts.ts';
import { maplibre } from './scripts/vite/maplibre.ts';

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
 * The components' styles are CSS in Lit `css` templates, which the JavaScript minifier leaves as written: at build,
 * their whitespace is taken out where CSS does not need it (runs become one space; none around braces, semicolons,
 * commas, child combinators or after colons: the components' selectors have no descendant ' :pseudo').
 */
function compactCssTemplates(): Plugin {
  return {
    name: 'compact-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/components\/[^/]+\.ts$/.test(id.replace(/\\/g, '/'))) return null;
      const compact = (body: string): string =>
        body
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .trim();
      const compacted = code.replace(/\bcss`([^`]*)`/g, (_, body: string) => `css\`${compact(body)}\``);
      return compacted === code ? null : { code: compacted, map: null };
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [maplibre(), storyCheck(), fonts(), compactCssTemplates(), staticMaps(), prerender(), pwa(), preloadMap(), csp(), editions()],
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
