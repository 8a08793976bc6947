// Builds the two pages the benchmark compares, each into its own folder, plus a gzip-encoded copy of each folder:
// served with `content-encoding: gzip`, it is what a reader downloads from any real host.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');

/** The story, with the project's own Vite config (the same build as `npm run build`). */
export async function buildStory(outDir) {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** The floor page: scripts/bench/floor.html, with the project's data files, no story. */
export async function buildFloor(outDir) {
  await build({
    configFile: false,
    root: here,
    base: './',
    publicDir: path.join(ROOT, 'public'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: path.join(here, 'floor.html') },
    },
  });
}

/** Copies `from` to `to` with every file gzip-compressed (level 9) under its own name. */
export function gzipCopy(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, zlib.gzipSync(fs.readFileSync(source), { level: 9 }));
  }
}

/** Total bytes of the JavaScript files in a folder, raw and gzip-encoded. */
export function jsSizes(dir, gzDir) {
  let raw = 0;
  let gzip = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name) || entry.name === 'sw.js' || entry.name.startsWith('workbox-')) continue;
    const file = path.join(entry.parentPath, entry.name);
    raw += fs.statSync(file).size;
    gzip += fs.statSync(path.join(gzDir, path.relative(dir, file))).size;
  }
  return { raw, gzip };
}
