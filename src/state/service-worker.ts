/**
 * Registers the story's service worker (sw.js at the site root, scope the site root) with workbox-window, loaded
 * only when the browser has service workers. Updates wait for the reader: `onNeedRefresh` says a new version is
 * installed and waiting; the returned function asks it to take over.
 *
 * The addresses are absolute: Workbox compares worker URLs against the page's own address, while the Arabic
 * edition (ar/, with <base href="../">) resolves relative ones against the site root.
 */
export interface WorkerHandlers {
  onNeedRefresh(): void;
  onRegisterError(error: unknown): void;
}

export function registerWorker(handlers: WorkerHandlers): () => Promise<void> {
  let skipWaiting: (() => void) | undefined;
  const registered = (async (): Promise<void> => {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    try {
      const { Workbox } = await import('workbox-window');
      const wb = new Workbox(new URL('sw.js', document.baseURI).href, { scope: new URL('./', document.baseURI).href });
      // A worker waiting since before this page opened, or one installed while it is open (by this tab or another).
      wb.addEventListener('waiting', () => handlers.onNeedRefresh());
      wb.addEventListener('installed', (event) => {
        if (event.isUpdate === undefined && event.isExternal) handlers.onNeedRefresh();
      });
      skipWaiting = () => wb.messageSkipWaiting();
      await wb.register();
    } catch (error) {
      handlers.onRegisterError(error);
    }
  })();
  return async () => {
    await registered;
    skipWaiting?.();
  };
}
