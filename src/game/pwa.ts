// Registers the service worker built by scripts/pwa.ts (the game page only, production builds only).
// It precaches the whole game, so after one visit it plays offline; attempts made offline wait in the
// outbox (outbox.ts), which online.ts sends when the browser is back online.
// A new version installs in the background and waits. It is swapped in only while the title is on
// screen (`safeNow`), and the page then reloads once, so no page runs a mix of old and new files and
// no conversation is cut short; otherwise it takes over at the next visit.
export function registerServiceWorker(safeNow: () => boolean, url = '/sw.js'): void {
  const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (!sw || !window.isSecureContext) return;
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  sw.register(url, { scope: '/' })
    .then((reg) => {
      const swap = () => {
        // A first install (no controller yet) just starts working; only an update needs the swap.
        if (reg.waiting && sw.controller && safeNow()) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
      };
      swap();
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed') swap();
        });
      });
    })
    .catch((e: unknown) => console.warn('service worker not registered', e));
}
