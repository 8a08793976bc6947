/** The id of the inert <template> in which the build lists the live map's files (scripts/vite/preload.ts). */
export const MAP_PREFETCH_ID = 'map-prefetch';

/** Set once the prefetches have been asked for: the template stays in place, as the build wrote it. */
let asked = false;

/** How long the prefetches wait for the first still image before they go anyway. */
const STILL_WAIT_MS = 5000;

/** Resolves once two more frames have been drawn (the first may be the one in progress). */
const afterTwoFrames = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * Once the page has loaded, its first still map and its text in the web fonts have painted (`stillPainted`,
 * `document.fonts.ready`) and the browser is idle, starts the
 * prefetches listed in the build's template, so the live map's code and data wait in the cache for the reader's
 * first gesture without competing with the text, its fonts and the still image on a slow link.
 * Does nothing where there is no such template (the development server) or when it has already run.
 */
export function prefetchMapLater(stillPainted: Promise<void>, doc: Document = document): void {
  if (asked) return;
  asked = true;
  const start = (): void => {
    const template = doc.getElementById(MAP_PREFETCH_ID);
    if (template instanceof HTMLTemplateElement) doc.head.append(template.content.cloneNode(true));
  };
  const loaded = new Promise<void>((resolve) => {
    if (doc.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const painted = Promise.race([stillPainted, new Promise<void>((resolve) => setTimeout(resolve, STILL_WAIT_MS))]);
  // The text's last paint is the one in its web fonts: the page's largest paint is final only after it, and a
  // download started before then would share the link with that paint (in Lighthouse's simulated slow network too).
  const fontsIn = Promise.race([doc.fonts.ready.then(afterTwoFrames), new Promise<void>((resolve) => setTimeout(resolve, STILL_WAIT_MS))]);
  void Promise.all([loaded, painted, fontsIn]).then(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 200);
  });
}
