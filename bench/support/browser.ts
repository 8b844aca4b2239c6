// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core, for the page measurements.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { onCleanup } from './cleanup.ts';
import { frameCosts, type TraceEvent } from './trace.ts';

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Both pages get the same treatment: no throttling of timers or frames in a background window.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Talk only to 127.0.0.1: every other host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

let browser: Promise<Browser> | null = null;

/** One browser per run, shared by the page sections; each measurement gets a fresh context. */
export function sharedBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) return Promise.reject(new Error(`Chromium not found at ${CHROMIUM} (set BENCH_CHROMIUM)`));
  browser ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }).then((b) => {
    onCleanup(() => b.close());
    return b;
  });
  return browser;
}

/** A fresh context (empty cache and storage) at the game's logical size, talking only to 127.0.0.1. */
export async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const b = await sharedBrowser();
  const context = await b.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript({ content: READY_PROBE });
  const page = await context.newPage();
  return { context, page };
}

/** DevTools' "Slow 4G" preset (latency in ms, throughput in bytes per second) and a 4x slower CPU. */
export const PHONE_PROFILE = { cpuSlowdown: 4, latency: 562.5, download: 180_000, upload: 84_375 };

/**
 * A fresh context with a phone's screen (iPhone 13: 390x664 CSS px at 3x, touch), the CPU slowed
 * and the network throttled through the DevTools protocol, like DevTools' mobile presets.
 */
export async function freshPhonePage(): Promise<{ context: BrowserContext; page: Page }> {
  const b = await sharedBrowser();
  const { devices } = await import('playwright-core');
  const context = await b.newContext({ ...devices['iPhone 13'], serviceWorkers: 'block' });
  await context.addInitScript({ content: READY_PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_PROFILE.cpuSlowdown });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE_PROFILE.latency, downloadThroughput: PHONE_PROFILE.download, uploadThroughput: PHONE_PROFILE.upload });
  return { context, page };
}

/**
 * Runs in every page before its own scripts. Records in window.__benchReady the performance.now()
 * (milliseconds since navigation start) of the first animation frame at which the title screen is
 * interactive:
 * - the reference sets window.__titleReady when its menu has drawn (and that value is used);
 * - the game is interactive when its Start button is in the DOM, enabled, not inert and visible.
 */
const READY_PROBE = `(() => {
  const visible = (el) => {
    if (!el || el.disabled || el.closest('[inert]') || el.getAttribute('aria-disabled') === 'true') return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const check = () => {
    if (window.__benchReady) return;
    if (typeof window.__titleReady === 'number') { window.__benchReady = window.__titleReady; return; }
    if (visible(document.querySelector('[data-screen="title"] [data-action="start"]'))) { window.__benchReady = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Waits for the title to be interactive; returns ms since navigation start. */
export async function waitTitleReady(page: Page, timeout = 60_000): Promise<number> {
  const h = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, undefined, { timeout, polling: 50 });
  const ms = (await h.jsonValue()) as number;
  await h.dispose();
  return ms;
}

/**
 * Collects requestAnimationFrame deltas in the page for `ms`; returns them (ms). The page code is a
 * string: a function would be rewritten by the TypeScript loader with helpers the page lacks.
 */
export async function frameDeltas(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const deltas = [];
    let last = -1;
    let start = -1;
    const tick = (t) => {
      if (start < 0) start = t;
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (t - start < ${Number(ms)}) requestAnimationFrame(tick);
      else done(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

/**
 * requestAnimationFrame intervals and, from a Chromium trace over the same window, the page's
 * main-thread work per frame (bench/support/trace.ts).
 */
export async function framesWithCost(page: Page, ms: number): Promise<{ deltas: number[]; costs: number[]; busy: number }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  let finished: () => void = () => {};
  const complete = new Promise<void>((resolve) => (finished = resolve));
  cdp.on('event', ({ method, params }) => {
    if (method === 'Tracing.dataCollected') events.push(...(params as { value: TraceEvent[] }).value);
    if (method === 'Tracing.tracingComplete') finished();
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['__metadata', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  try {
    const deltas = await frameDeltas(page, ms);
    await cdp.send('Tracing.end');
    await complete;
    return { deltas, ...frameCosts(events) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
