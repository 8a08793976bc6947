/** The id of the inert <template> in which the build lists the live map's files (scripts/vite/preload.ts). */
export const MAP_PREFETCH_ID = 'map-prefetch';

/**
 * Once the page has loaded and the browser is idle, starts the prefetches listed in the build's template, so the
 * live map's code and data wait in the cache for the reader's first gesture without competing with the text.
 * Does nothing where there is no such template (the development server) or when it has already run.
 */
export function prefetchMapLater(doc: Document = document): void {
  const start = (): void => {
    const template = doc.getElementById(MAP_PREFETCH_ID);
    if (!(template instanceof HTMLTemplateElement)) return;
    template.remove();
    doc.head.append(template.content);
  };
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 200);
  };
  if (doc.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
