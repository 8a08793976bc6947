/**
 * What the page tells the story's service worker to keep for offline reading (src/sw.ts):
 * - every file the page has loaded and loads from now on (`KEEP`), which the worker copies from the HTTP cache;
 * - once the connection has been idle for a while, and unless the reader's browser asks to save data, the rest of
 *   the page's own language (`KEEP_REST`), so that the whole story in that language works offline.
 */
import type { Lang } from '../sw/entries.ts';

/** How long no file may have been requested before the connection counts as idle. */
const QUIET_MS = 4000;

interface SaveData {
  connection?: { saveData?: boolean };
}

/** Whether the reader's browser asks pages to save data (the `Save-Data` setting, where the browser exposes it). */
export function savesData(nav: Navigator = navigator): boolean {
  return (nav as Navigator & SaveData).connection?.saveData === true;
}

/** Resolves once no resource has been requested for `QUIET_MS` and the browser is idle. */
function whenQuiet(): Promise<void> {
  return new Promise((resolve) => {
    let timer = 0;
    const observer = new PerformanceObserver(() => restart());
    const restart = (): void => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        observer.disconnect();
        if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5000 });
        else resolve();
      }, QUIET_MS);
    };
    observer.observe({ type: 'resource' });
    restart();
  });
}

const pageLang = (): Lang => (document.documentElement.lang === 'ar' ? 'ar' : 'en');

export function keepForOffline(registration: ServiceWorkerRegistration): void {
  const send = (message: object): void => (navigator.serviceWorker.controller ?? registration.active)?.postMessage(message);
  const sent = new Set<string>();
  const list = (names: string[]): void => {
    const fresh = names.filter((n) => !sent.has(n));
    if (fresh.length === 0) return;
    for (const name of fresh) sent.add(name);
    send({ type: 'KEEP', urls: fresh });
  };
  void navigator.serviceWorker.ready.then(async () => {
    list([document.URL.split('#')[0]!, ...performance.getEntriesByType('resource').map((e) => e.name)]);
    new PerformanceObserver((entries) => list(entries.getEntries().map((e) => e.name))).observe({ type: 'resource' });
    await whenQuiet();
    if (!savesData()) send({ type: 'KEEP_REST', lang: pageLang() });
  });
}
