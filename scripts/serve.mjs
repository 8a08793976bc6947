// A plain static file server for dist/, mounted at a sub-path, with the headers a host should send.
// Used by the end-to-end tests (not Vite) and by `npm run bench`.
//   node scripts/serve.mjs [--port 4173] [--base /story/] [--dir dist]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

/**
 * Starts a server; resolves with { url, close }. Files carry an ETag and a conditional request for an unchanged
 * file gets 304, as from any static host. `onServe(pathname, status, bytes)` is told of every response.
 */
export function serve({ dir = 'dist', base = '/', port = 0, host = '127.0.0.1', headers = {}, onServe } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404);
      res.end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    const hashed = /\/assets\//.test(file);
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.round(stat.mtimeMs).toString(16)}"`;
    const common = { 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache', etag, ...headers };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, common);
      res.end();
      onServe?.(url.pathname, 304, 0);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...common });
    fs.createReadStream(file).pipe(res);
    onServe?.(url.pathname, 200, stat.size);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}${base}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r(undefined));
          }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const { url } = await serve({ dir: opt('--dir', 'dist'), base: opt('--base', '/'), port: Number(opt('--port', '4173')) });
  console.log(`Serving the story at ${url}`);
}
