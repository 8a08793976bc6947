/**
 * How MapLibre reaches the build.
 *
 * `MAPLIBRE_BUILD=src` (the default for `vite build`): MapLibre is compiled from the TypeScript sources that its npm
 * package ships (`node_modules/maplibre-gl/src`), in the story's own build. Its worker is a second entry chunk of the
 * same build, so the code that the main thread and the worker both run lands once, in a chunk that both import, and
 * the bundler drops what neither reaches. The main thread gets only what the story imports (the map and the
 * attribution control), not the package's whole public API. Module workers run in every engine the story supports.
 *
 * `MAPLIBRE_BUILD=dist`: the package's published bundles (`dist/maplibre-gl.mjs` and `dist/maplibre-gl-worker.mjs`),
 * as MapLibre builds them. This is the fallback for a MapLibre upgrade whose sources do not build here, and what the
 * development server always uses.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';
import { leanModules } from './maplibre-lean.ts';

export type MapLibreBuild = 'src' | 'dist';

/** The one setting: `MAPLIBRE_BUILD=dist npm run build` goes back to MapLibre's published bundles. */
export function mapLibreBuild(env: NodeJS.ProcessEnv = process.env): MapLibreBuild {
  const value = env.MAPLIBRE_BUILD ?? 'src';
  if (value !== 'src' && value !== 'dist') throw new Error(`MAPLIBRE_BUILD must be "src" or "dist", not "${value}"`);
  return value;
}

/** The package's folder, found the way Node finds it (its `exports` allow `package.json`). */
export const MAPLIBRE_DIR = dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json'));
export const MAPLIBRE_SRC = join(MAPLIBRE_DIR, 'src');

/** Whether a module is MapLibre's own or one of its dependencies' (everything it pulls from node_modules). */
function fromMapLibre(id: string): boolean {
  return id.includes('/node_modules/') || id.startsWith('\0');
}

/** The module that `src/map/maplibre.ts` imports as `maplibre-gl`, and the worker URL it hands to MapLibre. */
const MAIN_ID = '\0maplibre-main';
const WORKER_URL_ID = '\0maplibre-worker-url';
export const WORKER_URL_MODULE = 'virtual:maplibre-worker-url';

/** What the story's code takes from MapLibre at run time (types come from the package's own declarations). */
function mainModule(): string {
  const src = (path: string): string => JSON.stringify(join(MAPLIBRE_SRC, path));
  return [
    `export { Map } from ${src('ui/map.ts')};`,
    `export { AttributionControl } from ${src('ui/control/attribution_control.ts')};`,
    `import { config } from ${src('util/config.ts')};`,
    'export function setWorkerUrl(url) { config.WORKER_URL = url; }',
  ].join('\n');
}

export function maplibre(build: MapLibreBuild = mapLibreBuild()): Plugin {
  let fromSrc = false;
  const lean = leanModules(MAPLIBRE_SRC);
  return {
    name: 'maplibre-build',
    enforce: 'pre',
    config(_config, env) {
      if (env.command !== 'build' || build !== 'src') return;
      // The chunk of code that the map and its worker share is named for MapLibre, like the other two, so that the
      // prefetch, the budget and the tests find all of MapLibre's files by one pattern.
      return {
        build: {
          rolldownOptions: {
            output: {
              chunkFileNames: (chunk: { name: string; moduleIds: string[]; isEntry: boolean; isDynamicEntry: boolean }) =>
                !chunk.isEntry && !chunk.isDynamicEntry && chunk.moduleIds.length > 0 && chunk.moduleIds.every(fromMapLibre)
                  ? 'assets/maplibre-shared-[hash].js'
                  : 'assets/[name]-[hash].js',
            },
          },
        },
      };
    },
    configResolved(config) {
      fromSrc = config.command === 'build' && build === 'src';
      if (config.command === 'build') config.logger.info(`MapLibre: built from ${fromSrc ? 'its sources' : 'its published bundles'}`);
    },
    resolveId(id, importer) {
      if (id === WORKER_URL_MODULE) return WORKER_URL_ID;
      if (!fromSrc) return null;
      if (id === 'maplibre-gl' && importer !== undefined && !importer.startsWith(MAPLIBRE_DIR)) return MAIN_ID;
      return null;
    },
    async load(id) {
      if (id === MAIN_ID) return mainModule();
      if (id === WORKER_URL_ID) {
        if (!fromSrc) return `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';`;
        const ref = this.emitFile({ type: 'chunk', id: join(MAPLIBRE_SRC, 'source/worker.ts'), name: 'maplibre-worker' });
        return `export default import.meta.ROLLDOWN_FILE_URL_${ref};`;
      }
      if (fromSrc) return lean(id);
      return null;
    },
    async transform(code, id) {
      if (!fromSrc || !id.startsWith(MAPLIBRE_SRC) || !id.endsWith('.ts')) return null;
      // MapLibre's sources are written for TypeScript's class-field semantics (its tsconfig sets
      // useDefineForClassFields: false): a declared field such as `int16: Int16Array` must not become a field that
      // resets, after the constructor of the base class has set it, to undefined. No tsconfig of ours covers
      // node_modules, so the setting is given here.
      const result = await transformWithOxc(code, id, {
        lang: 'ts',
        tsconfig: { compilerOptions: { useDefineForClassFields: false } },
      });
      return { code: result.code, map: result.map };
    },
  };
}
