/**
 * The story's service worker (built by vite-plugin-pwa's injectManifest into sw.js; the build puts the list of the
 * story's files, with their revisions, where `self.__WB_MANIFEST` stands).
 *
 * It downloads nothing when it installs. It keeps, in a cache of this version's own:
 * - what the reader's page has loaded, copied from the HTTP cache when the page lists it (`KEEP`);
 * - every file of the story that a page it controls fetches;
 * - the rest of the page's language, when the page asks (`KEEP_REST`: it does so when the connection is idle and
 *   Save-Data is off; src/state/offline.ts).
 * It answers the story's files from that cache first and leaves every other request to the network. An update
 * installs beside the old version, carrying over what the reader had (refreshed where it changed), and waits for the
 * reader (`SKIP_WAITING`).
 */
import { entryFor, rest, versionOf, type Entry, type Lang } from './sw/entries.ts';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageFromPage extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void;
}

const worker = self as unknown as WorkerScope;
const ENTRIES: Entry[] = (self as unknown as { __WB_MANIFEST: Entry[] }).__WB_MANIFEST;
const KNOWN = new Set(ENTRIES.map((e) => e.url));
const PREFIX = 'story-';
const CACHE = `${PREFIX}${versionOf(ENTRIES)}`;
/** Where each cache records the entries it was made for, so that an update knows what changed. */
const LIST = '__entries.json';

const scope = (): string => worker.registration.scope;
const address = (url: string): string => new URL(url, scope()).href;

async function put(cache: Cache, url: string, response: Response): Promise<void> {
  if (response.ok && response.type === 'basic') await cache.put(address(url), response);
}

/**
 * Fetches the story's files that this version's cache does not have yet, one at a time: each is asked for at the
 * address given (the one the page used, which is the one the HTTP cache knows) and kept as its manifest entry.
 */
async function keep(files: readonly (readonly [address: string, url: string])[], mode: RequestCache): Promise<void> {
  const cache = await caches.open(CACHE);
  const seen = new Set<string>();
  for (const [from, url] of files) {
    if (seen.has(url)) continue;
    seen.add(url);
    if (await cache.match(address(url))) continue;
    try {
      await put(cache, url, await fetch(from, { cache: mode, credentials: 'same-origin' }));
    } catch {
      // Offline or refused: the file is kept the next time a page fetches it.
    }
  }
}

const at = (url: string): readonly [string, string] => [address(url), url];

/** A new version starts with what the reader had: unchanged files copied, changed ones fetched again. */
async function carryOver(): Promise<void> {
  const cache = await caches.open(CACHE);
  const revisions = new Map(ENTRIES.map((e) => [e.url, e.revision]));
  const refetch: string[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    const listed = await old.match(address(LIST));
    const before = new Map(((listed ? await listed.json() : []) as Entry[]).map((e) => [e.url, e.revision]));
    for (const [url, revision] of revisions) {
      const had = await old.match(address(url));
      if (!had) continue;
      if (before.has(url) && before.get(url) === revision) await cache.put(address(url), had);
      else refetch.push(url);
    }
  }
  await keep(refetch.map(at), 'no-cache');
  await cache.put(address(LIST), new Response(JSON.stringify(ENTRIES), { headers: { 'content-type': 'application/json' } }));
}

worker.addEventListener('install', (event) => event.waitUntil(carryOver()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        // Older versions' caches, and those of the Workbox worker this one replaces.
        if ((name.startsWith(PREFIX) && name !== CACHE) || name.startsWith('workbox-precache')) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = entryFor(event.request.url, scope(), KNOWN);
  if (url === null) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(address(url));
      if (kept) return kept;
      const response = await fetch(event.request);
      await put(cache, url, response.clone());
      return response;
    })(),
  );
});

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown; lang?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') {
    void worker.skipWaiting();
  } else if (data?.type === 'KEEP' && Array.isArray(data.urls)) {
    const files = data.urls.flatMap((u): (readonly [string, string])[] => {
      const url = typeof u === 'string' ? entryFor(u, scope(), KNOWN) : null;
      return url === null ? [] : [[u as string, url]];
    });
    // From the HTTP cache, where the page's own requests left them.
    event.waitUntil(keep(files, 'force-cache'));
  } else if (data?.type === 'KEEP_REST' && (data.lang === 'en' || data.lang === 'ar')) {
    const lang: Lang = data.lang;
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        const kept = new Set((await cache.keys()).map((r) => r.url.slice(scope().length)));
        await keep(rest(ENTRIES, lang, kept).map(at), 'default');
      })(),
    );
  }
});
