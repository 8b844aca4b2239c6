// 1. Bundle: the bytes a first visit downloads before the title screen is interactive (JS, CSS,
// fonts, images, data), gzip and brotli, against the bare Phaser 4 reference page.
import type { Page, Response } from 'playwright-core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { round, progress, table, type SectionResult } from '../lib.ts';
import { freshPage, waitTitleReady } from '../support/browser.ts';
import { addSizes, kB, sizesOf, type Sizes } from '../support/compress.ts';
import { pageServers } from '../support/pages.ts';

export const BUNDLE_TARGET = 0.35;
/** Brotli gains less here: most of the title's bytes are woff2 fonts, which are already compressed. */
export const BROTLI_TARGET = 0.4;

export interface Fetched extends Sizes {
  path: string;
  kind: string;
}

export interface TitleBytes {
  readyMs: number;
  files: Fetched[];
  total: Sizes;
  /** Requests made in the moments after the title was interactive (prefetching, not counted). */
  after: Fetched[];
}

function kindOf(path: string, contentType: string): string {
  if (/\.m?js$/.test(path) || contentType.includes('javascript')) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (/\.(svg|png|jpe?g|webp|gif)$/.test(path)) return 'image';
  if (/\.(ogg|mp3|wav|m4a)$/.test(path)) return 'audio';
  if (/\.json$/.test(path)) return 'data';
  if (contentType.includes('html') || path === '/') return 'html';
  return 'other';
}

/** Loads a page in a fresh context and sizes every response requested before it was interactive. */
export async function titleBytes(url: string, settle = 2000): Promise<TitleBytes> {
  const { context, page } = await freshPage();
  try {
    const responses = new Map<string, Response>();
    page.on('response', (r) => {
      if (r.url().startsWith('http')) responses.set(r.url(), r);
    });
    await page.goto(url);
    const readyMs = await waitTitleReady(page);
    await page.waitForTimeout(settle);
    const entries = await resourceTimes(page);
    const files: Fetched[] = [];
    const after: Fetched[] = [];
    for (const [u, r] of responses) {
      const start = entries.get(u) ?? 0;
      let body: Buffer;
      try {
        body = await r.body();
      } catch {
        continue;
      }
      const path = new URL(u).pathname;
      const f = { path, kind: kindOf(path, r.headers()['content-type'] ?? ''), ...sizesOf(body) };
      (start <= readyMs ? files : after).push(f);
    }
    files.sort((a, b) => b.gzip - a.gzip);
    return { readyMs, files, total: addSizes(files), after };
  } finally {
    await context.close();
  }
}

/** Start time (ms since navigation) of every resource, from the page's own Resource Timing. */
async function resourceTimes(page: Page): Promise<Map<string, number>> {
  const list = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation').map((e) => [e.name, 0] as [string, number]);
    const res = performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as [string, number]);
    return [...nav, ...res];
  });
  const m = new Map<string, number>();
  for (const [name, t] of list) if (!m.has(name)) m.set(name, t);
  return m;
}

function byKind(files: readonly Fetched[]): Map<string, Sizes> {
  const m = new Map<string, Sizes>();
  for (const f of files) m.set(f.kind, addSizes([m.get(f.kind) ?? { raw: 0, gzip: 0, brotli: 0 }, f]));
  return m;
}

/** Every .js file of a build (what a player could ever download), for context. */
function allJs(dir: string): Sizes {
  const out: Sizes[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.js')) out.push(sizesOf(readFileSync(p)));
    }
  };
  walk(dir);
  return addSizes(out);
}

export async function bundleSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  progress('bundle: loading the reference and the game once each, sizing what the title needed');
  const settle = quick ? 1000 : 2000;
  const reference = await titleBytes(pages.reference, settle);
  const game = await titleBytes(pages.game, settle);
  const gz = game.total.gzip / reference.total.gzip;
  const br = game.total.brotli / reference.total.brotli;
  const gk = byKind(game.files);
  const rk = byKind(reference.files);
  const kinds = [...new Set([...gk.keys(), ...rk.keys()])].sort();
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  const gameJs = allJs(pages.gameDir);
  const refJs = allJs(pages.referenceDir);
  const lines = [
    'Everything a first visit downloads before the title screen is interactive (requests started before that moment, from the page\'s Resource Timing), compressed as precompressed static files would be: gzip -9 and brotli -q 11, never more than the raw size (woff2 is sent as is). Sizes in kB (1000 bytes).',
    '',
    ...table(
      ['what', 'game raw', 'game gzip', 'game brotli', 'reference raw', 'reference gzip', 'reference brotli'],
      [
        ...kinds.map((k) => {
          const g = gk.get(k) ?? zero;
          const r = rk.get(k) ?? zero;
          return [k, kB(g.raw), kB(g.gzip), kB(g.brotli), kB(r.raw), kB(r.gzip), kB(r.brotli)];
        }),
        ['**total**', kB(game.total.raw), `**${kB(game.total.gzip)}**`, `**${kB(game.total.brotli)}**`, kB(reference.total.raw), `**${kB(reference.total.gzip)}**`, `**${kB(reference.total.brotli)}**`],
        ['files', game.files.length, '', '', reference.files.length, '', ''],
      ],
    ),
    '',
    `Ratio game / reference: **${round(gz, 3)}x gzip, ${round(br, 3)}x brotli** (targets <= ${BUNDLE_TARGET}x gzip, <= ${BROTLI_TARGET}x brotli).`,
    '',
    `All JavaScript in the builds (also chunks loaded later): game ${kB(gameJs.gzip)} kB gzip / ${kB(gameJs.brotli)} kB brotli; reference ${kB(refJs.gzip)} kB gzip / ${kB(refJs.brotli)} kB brotli.`,
    `Fetched in the ${settle / 1000} s after the title was interactive (not counted): game ${game.after.length} files, ${kB(addSizes(game.after).gzip)} kB gzip; reference ${reference.after.length} files.`,
    '',
    '<details><summary>Files the game\'s title needed</summary>',
    '',
    ...table(['file', 'kind', 'raw', 'gzip', 'brotli'], game.files.map((f) => [`\`${f.path}\``, f.kind, kB(f.raw), kB(f.gzip), kB(f.brotli)])),
    '',
    '</details>',
  ];
  return {
    title: 'Bundle: bytes for an interactive title screen',
    lines,
    checks: [
      { name: 'Bundle, gzip (game / reference)', target: `<= ${BUNDLE_TARGET}x`, value: `${round(gz, 3)}x (${kB(game.total.gzip)} / ${kB(reference.total.gzip)} kB)`, ok: gz <= BUNDLE_TARGET },
      { name: 'Bundle, brotli (game / reference)', target: `<= ${BROTLI_TARGET}x`, value: `${round(br, 3)}x (${kB(game.total.brotli)} / ${kB(reference.total.brotli)} kB)`, ok: br <= BROTLI_TARGET },
    ],
    data: {
      ratioGzip: gz,
      ratioBrotli: br,
      game: { total: game.total, files: game.files, after: game.after.map((f) => f.path), allJs: gameJs },
      reference: { total: reference.total, files: reference.files, allJs: refJs },
    },
  };
}
