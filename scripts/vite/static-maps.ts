/**
 * Static scene images: at build time, one SVG per step and language (`static/<lang>/<step-id>.svg`), rendered by
 * src/map/static/render-svg.ts from the same data files (public/data) and the same scenes as the live map.
 * They are the map's first frame while MapLibre loads, the map itself where WebGL is missing, the printed map and the
 * no-JavaScript page's pictures. The dev server renders them on request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadStory, REPO_ROOT } from '../../src/story/load-node.ts';
import { LANGS } from '../../src/story/types.ts';
import { DATA_FILES, dataFile, parseDataFile, type MapData } from '../../src/map/data.ts';
import { renderSceneSvg } from '../../src/map/static/render-svg.ts';

/** Where a step's image is served from, relative to the page. */
export function staticMapPath(lang: string, stepId: string): string {
  return `static/${lang}/${stepId}.svg`;
}

/** Reads the derived data files the live map fetches, decoded as the live map decodes them (src/map/data.ts). */
export function readMapData(root: string = REPO_ROOT): MapData {
  const entries = DATA_FILES.map((name) => [name, parseDataFile(name, JSON.parse(readFileSync(join(root, 'public', 'data', dataFile(name)), 'utf8')))]);
  return Object.fromEntries(entries) as MapData;
}

/** Every static image of the story: file name (relative to the site root) → SVG text. */
export function renderStaticMaps(root: string = REPO_ROOT): Map<string, string> {
  const story = loadStory(root);
  const data = readMapData(root);
  const files = new Map<string, string>();
  for (const lang of LANGS) {
    for (const step of story.steps) {
      // No <title>: the page gives each image its step's alt text (alt, aria-label), which saves bytes in every file.
      files.set(staticMapPath(lang, step.id), renderSceneSvg({ data, scene: step.scene, lang }));
    }
  }
  return files;
}

export function staticMaps(): Plugin {
  return {
    name: 'static-maps',
    generateBundle() {
      for (const [fileName, source] of renderStaticMaps()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/(static\/(?:en|ar)\/[a-z0-9-]+\.svg)$/.exec(req.url?.split('?')[0] ?? '');
        const svg = match?.[1] ? renderStaticMaps().get(match[1]) : undefined;
        if (!svg) return next();
        res.setHeader('content-type', 'image/svg+xml');
        res.end(svg);
      });
    },
  };
}
