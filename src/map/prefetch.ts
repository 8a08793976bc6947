/** The id of the inert <template> in which the build lists the live map's files (scripts/vite/preload.ts). */
export const MAP_PREFETCH_ID = 'map-prefetch';

/** Set once the prefetches have been asked for: the template stays in place, as the build wrote it. */
let asked = false;

/**
 * Once the page has loaded and the browser is idle, starts the prefetches listed in the build's template, so the
 * live map's code and data wait in the cache for the reader's first gesture without competing with the text.
 * Does nothing where there is no such template (the development server) or when it has already run.
 */
export function prefetchMapLater(doc: Document = document): void {
  if (asked) return;
  asked = true;
  const start = (): void => {
    const template = doc.getElementById(MAP_PREFETCH_ID);
    if (template instanceof HTMLTemplateElement) doc.head.append(template.content.cloneNode(true));
  };
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 200);
  };
  if (doc.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
