// Size budgets and "no request leaves the origin", checked over the built site (dist/, or $E2E_DIST).
// No browser: this reads files. Sizes are gzip level 9 (what a host that precompresses serves);
// 1 KB = 1024 bytes. The figures are printed so they appear in every run.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const KB = 1024;

/**
 * MapLibre built from its sources with the story (the default) must keep all JavaScript within 0.75 of the bare
 * MapLibre page's 434 KB; its published bundles (MAPLIBRE_BUILD=dist, the fallback for an upgrade) within 480 KB.
 */
const FROM_SOURCES = (process.env.MAPLIBRE_BUILD ?? 'src') === 'src';
const BUDGET = { jsGzip: (FROM_SOURCES ? 325 : 480) * KB, dataGzip: 150 * KB, fonts: 250 * KB };

/** The vendored MapLibre chunk and its worker: they carry help links that nothing requests. */
const VENDORED = /(^|\/)assets\/maplibre-[^/]*\.(js|mjs)$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile())
    .sort();
}

const gzip = (rel: string): number => gzipSync(fs.readFileSync(path.join(DIST, rel)), { level: 9 }).length;
const raw = (rel: string): number => fs.statSync(path.join(DIST, rel)).size;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

function report(title: string, rows: [string, number][], total: number, budget: number): void {
  console.log(`${title}: ${kb(total)} of ${kb(budget)}\n${rows.map(([f, n]) => `  ${kb(n).padStart(10)}  ${f}`).join('\n')}`);
}

const URL_RE = String.raw`((?:https?:)?//[^\s'"\`()<>\\]+)`;
/** Places where a URL makes the browser request it (not links a reader may click, not XML namespaces). */
const REQUEST_PATTERNS: [string, RegExp][] = [
  ['src attribute', new RegExp(String.raw`\bsrc(?:set)?\s*=\s*\\?["']?\s*` + URL_RE, 'gi')],
  ['<link href>', new RegExp(String.raw`<link\b[^>]*?\bhref\s*=\s*\\?["']?\s*` + URL_RE, 'gi')],
  ['url()', new RegExp(String.raw`url\(\s*\\?["']?\s*` + URL_RE, 'gi')],
  ['@import', new RegExp(String.raw`@import\s+\\?["']` + URL_RE, 'gi')],
  ['fetch()', new RegExp(String.raw`\bfetch\(\s*[\`"']` + URL_RE, 'g')],
  [
    'script or worker',
    new RegExp(
      String.raw`\b(?:importScripts|import|Worker|SharedWorker|WebSocket|EventSource|sendBeacon|open)\(\s*(?:"GET"\s*,\s*|'GET'\s*,\s*)?[\`"']` + URL_RE,
      'g',
    ),
  ],
  ['import from', new RegExp(String.raw`\bfrom\s*[\`"']` + URL_RE, 'g')],
  ['.src =', new RegExp(String.raw`\.(?:src|href)\s*=\s*[\`"']` + URL_RE, 'g')],
];

const isOtherHost = (url: string): boolean => !LOOPBACK.has(new URL(url, 'http://self.invalid').hostname);

/** Requests to another host that a text (HTML, CSS or JavaScript) would make. */
function requestsInText(text: string): string[] {
  const found: string[] = [];
  for (const [kind, re] of REQUEST_PATTERNS) {
    for (const match of text.matchAll(re)) {
      const url = match[1]!;
      if (isOtherHost(url.startsWith('//') ? `https:${url}` : url)) found.push(`${kind}: ${url}`);
    }
  }
  return found;
}

/** Absolute URLs to other hosts among a JSON file's strings, except links for a reader (`href`, `link`). */
function urlsInJson(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const absolute = /^(https?:)?\/\//i.test(value.trim());
    return absolute && !['href', 'link'].includes(key) && isOtherHost(value.trim().replace(/^\/\//, 'https://')) ? [`${key}: ${value}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => urlsInJson(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsInJson(v, k));
  return [];
}

test.describe('the built site', () => {
  test.beforeAll(() => {
    expect(fs.existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}: run npx vite build first`).toBe(true);
  });

  test(`JavaScript is at most ${BUDGET.jsGzip / KB} KB gzip in total, the service worker included`, () => {
    const js = files(DIST).filter((f) => /\.(m?js)$/.test(f));
    const rows = js.map((f): [string, number] => [f, gzip(f)]);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    report('JavaScript, gzip', rows, total, BUDGET.jsGzip);
    expect(
      js.some((f) => /(^|\/)assets\/maplibre-(gl-)?worker-[\w-]+\.m?js$/.test(f)),
      'the MapLibre worker is part of the build',
    ).toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET.jsGzip);
  });

  test(`data is at most ${BUDGET.dataGzip / KB} KB gzip`, () => {
    const data = files(DIST).filter((f) => f.startsWith('data/'));
    const rows = data.map((f): [string, number] => [f, gzip(f)]);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    report('Data, gzip', rows, total, BUDGET.dataGzip);
    expect(data.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET.dataGzip);
  });

  test(`fonts are at most ${BUDGET.fonts / KB} KB`, () => {
    const fonts = files(DIST).filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    const rows = fonts.map((f): [string, number] => [f, raw(f)]);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    report('Fonts', rows, total, BUDGET.fonts);
    expect(
      fonts.every((f) => f.endsWith('.woff2')),
      'fonts are woff2',
    ).toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET.fonts);
  });

  test('nothing in the project’s own output points the browser at another host', () => {
    const all = files(DIST);
    const texts = all.filter((f) => /\.(html|css|m?js)$/.test(f) && !VENDORED.test(f));
    const json = all.filter((f) => /\.(json|geojson|webmanifest)$/.test(f));
    const found = [
      ...texts.flatMap((f) => requestsInText(fs.readFileSync(path.join(DIST, f), 'utf8')).map((r) => `${f} › ${r}`)),
      ...json.flatMap((f) => urlsInJson(JSON.parse(fs.readFileSync(path.join(DIST, f), 'utf8'))).map((r) => `${f} › ${r}`)),
    ];
    console.log(
      `Scanned ${texts.length} HTML, CSS and JavaScript files and ${json.length} JSON files; not scanned: ${all.filter((f) => VENDORED.test(f)).join(', ')}`,
    );
    expect(texts.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(json.some((f) => f.endsWith('manifest.webmanifest'))).toBe(true);
    expect(found).toEqual([]);
  });

  test('the scan finds requests to other hosts and lets links, namespaces and loopback through', () => {
    const requests = [
      '<script src="https://cdn.example.com/lib.js"></script>',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto">',
      '<link rel="preconnect" href="//fonts.gstatic.com">',
      '@font-face { src: url(https://fonts.gstatic.com/s/noto.woff2) }',
      '@import "https://example.com/x.css";',
      'fetch("https://api.example.com/data.json")',
      'el.innerHTML=`<img src=\\"https://tiles.example.com/1.png\\">`',
      "new Worker('https://example.com/w.js')",
      'import { x } from "https://esm.sh/x";',
      'img.src = "https://example.com/pixel.gif"',
    ];
    for (const text of requests) expect(requestsInText(text), text).not.toEqual([]);
    const fine = [
      '<a href="https://www.thenationalnews.com/">The National</a>',
      'createElementNS("http://www.w3.org/2000/svg","svg")',
      '<script src="./assets/index.js"></script>',
      'fetch(new URL("data/places.geojson", document.baseURI))',
      'fetch("http://127.0.0.1:4173/data.json")',
      '@font-face { src: url(./noto.woff2) }',
    ];
    for (const text of fine) expect(requestsInText(text), text).toEqual([]);
    expect(urlsInJson({ sources: { tiles: ['https://tiles.example.com/{z}/{x}/{y}.pbf'] } })).toHaveLength(1);
    expect(urlsInJson({ icons: [{ src: '//cdn.example.com/icon.png' }] })).toHaveLength(1);
    expect(urlsInJson({ name: 'The National', href: 'https://www.thenationalnews.com/' })).toEqual([]);
  });
});
