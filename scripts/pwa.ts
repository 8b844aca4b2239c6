// The game as an installable, offline web app (vite-plugin-pwa, generateSW): a web app manifest and a
// service worker that precaches the game page, its JavaScript and CSS, /scenarios.json and every
// portrait, backdrop, sound and voice line under assets/, each with a revision (content hashes for
// Vite's files, an MD5 of the rest), so one online visit is enough to play every scenario offline.
// - Only what the game page reaches is precached: the trainer page (/trainer) and its chunks are not,
//   and /api/ is never cached; both go to the network as without a worker.
// - A new build installs beside the old one and waits; src/game/pwa.ts swaps it in while the title
//   is on screen and reloads once, so a page never runs old and new files together.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** JavaScript and CSS files reachable from the built index.html, following the chunks' imports. */
export function gameFiles(dist: string): Set<string> {
  const seen = new Set<string>();
  const ref = /["'(](?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))["')]/g;
  const queue = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/?(assets\/[\w.-]+\.(?:js|css))"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(join(dist, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(ref)) queue.push(`assets/${m[1]}`);
  }
  return seen;
}

export function pwa(dist: string): Plugin[] {
  return VitePWA({
    injectRegister: null,
    registerType: 'prompt',
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      id: '/',
      name: 'Make It Right',
      short_name: 'Make It Right',
      description: 'A training game where new customer-service hires win back upset customers.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      background_color: '#171b2b',
      theme_color: '#171b2b',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['index.html', 'scenarios.json', 'assets/*.{js,css,woff2}', '**/*.{svg,png,webp,ogg,mp3,json}'],
      globIgnores: ['trainer.html', 'manifest.webmanifest'],
      // The game's JavaScript chunks only; the trainer page's (Mermaid, Chart.js) stay out.
      manifestTransforms: [
        (entries) => {
          const game = gameFiles(dist);
          const manifest = entries.filter((e) => !/^assets\/[^/]+\.(js|css)$/.test(e.url) || game.has(e.url));
          return { manifest, warnings: [] };
        },
      ],
      // Vite's content hashes make these revisions; no second cache-busting query needed.
      dontCacheBustURLsMatching: /^assets\//,
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//, /^\/trainer/],
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}
