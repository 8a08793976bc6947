/**
 * Which of the story's files a service worker keeps, and for whom (pure functions, shared by src/sw.ts and tests).
 *
 * The worker keeps what the reader's own page has loaded (the page lists it, and the worker copies it from the HTTP
 * cache, so nothing is downloaded twice) and whatever the page fetches while the worker controls it. When the
 * connection is idle and Save-Data is off, the page asks for the rest of its own language's files (`rest`), so that
 * the whole story works offline in that language. The other language's files come only when the reader opens them.
 */
export type Lang = 'en' | 'ar';

/** A file of the build, as the precache manifest lists it: a URL relative to the scope, and a revision (null for a hashed file). */
export interface Entry {
  url: string;
  revision: string | null;
}

/**
 * The manifest URL that answers a request, or null when the worker should leave the request to the network (another
 * origin, outside the scope, or not one of the story's files). Query and fragment are ignored: no file of the story
 * is chosen by a parameter, and a deep link (`?lang=ar#trench`) is the page itself.
 */
export function entryFor(requestUrl: string, scope: string, known: ReadonlySet<string>): string | null {
  const url = new URL(requestUrl);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return known.has(path) ? path : null;
}

/** The language a file belongs to, or null for a file both editions use (code, styles, data). */
export function langOf(url: string): Lang | null {
  if (url.startsWith('ar/') || url.startsWith('static/ar/') || /arabic/i.test(url)) return 'ar';
  if (url === 'index.html' || url.startsWith('s/') || url.startsWith('static/en/') || /latin/i.test(url)) return 'en';
  return null;
}

/** The page for sharing a step (`s/<id>.html`, `ar/s/<id>.html`): for link previews, then on to the story. */
const isStepPage = (url: string): boolean => /^(ar\/)?s\//.test(url);

/**
 * The files of a language's edition that are not kept yet. Fonts are left out: a page loads the fonts it shows at
 * its first paint, so they are kept already, and an edition's reader does not need the other fonts. So are the step
 * pages, which are for other sites' link previews (one is kept if the reader opens it).
 */
export function rest(entries: readonly Entry[], lang: Lang, kept: ReadonlySet<string>): string[] {
  return entries
    .map((e) => e.url)
    .filter((url) => !kept.has(url) && !url.endsWith('.woff2') && !isStepPage(url))
    .filter((url) => {
      const of = langOf(url);
      return of === null || of === lang;
    });
}

/** A short name for a set of entries, so that each version of the story keeps its files in a cache of its own. */
export function versionOf(entries: readonly Entry[]): string {
  let hash = 5381;
  for (const { url, revision } of entries) {
    for (const ch of `${url} ${revision ?? ''}\n`) hash = ((hash * 33) ^ ch.charCodeAt(0)) >>> 0;
  }
  return hash.toString(36);
}
