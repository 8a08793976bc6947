/**
 * Registers the story's service worker (sw.js at the site root, scope the site root). Updates wait for the reader:
 * `onNeedRefresh` says a new version is installed and waiting; the returned function asks it to take over (the
 * worker, src/sw.ts, skips waiting on a `SKIP_WAITING` message). What it keeps for offline reading, the page tells
 * it (src/state/offline.ts).
 *
 * The addresses are absolute, from the page's base URL: the Arabic edition (ar/, with <base href="../">) registers
 * the same worker, for the same scope, as the English page.
 */
import { keepForOffline } from './offline.ts';

export interface WorkerHandlers {
  onNeedRefresh(): void;
  onRegisterError(error: unknown): void;
}

export function registerWorker(handlers: WorkerHandlers): () => Promise<void> {
  let waiting: ServiceWorker | null = null;
  const offer = (worker: ServiceWorker | null): void => {
    if (!worker) return;
    waiting = worker;
    handlers.onNeedRefresh();
  };
  const registered = (async (): Promise<void> => {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    try {
      // After the page's own load, so that the worker's downloads do not compete with it.
      if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      const base = document.baseURI;
      const registration = await navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: new URL('./', base).href });
      keepForOffline(registration);
      // A new version already waiting when this page opened (an older one controls it).
      if (navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          // Installed while an older version controls the page: an update, which waits for the reader.
          if (installing.state === 'installed' && navigator.serviceWorker.controller) offer(installing);
        });
      });
    } catch (error) {
      handlers.onRegisterError(error);
    }
  })();
  return async () => {
    await registered;
    waiting?.postMessage({ type: 'SKIP_WAITING' });
  };
}
