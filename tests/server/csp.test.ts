// The Content-Security-Policy in a real browser: what Phaser and Howler do (blob: and data: images and
// audio, blob: workers, WebGL, same-origin fetch) is allowed; inline script and eval are not; and the
// built game (dist/, when present) loads under it without a single violation.
import type { FastifyInstance } from 'fastify';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../src/server/app.ts';
import { openPgliteStore, testApp, type TestStore } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stderr.write(`Chromium not found at ${CHROMIUM}: the CSP browser checks are skipped\n`);

const PROBE = `
const results = {};
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
function loadImage(src) {
  return new Promise((ok) => { const i = new Image(); i.onload = () => ok(true); i.onerror = () => ok(false); i.src = src; });
}
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>';
results.dataImage = await loadImage('data:image/svg+xml;base64,' + btoa(svg));
results.blobImage = await loadImage(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
const canvas = document.createElement('canvas');
results.webgl = !!canvas.getContext('webgl2') || !!canvas.getContext('webgl');
results.blobWorker = await new Promise((ok) => {
  try {
    const w = new Worker(URL.createObjectURL(new Blob(['postMessage(42)'], { type: 'text/javascript' })));
    w.onmessage = (e) => ok(e.data === 42);
    w.onerror = () => ok(false);
  } catch { ok(false); }
});
results.fetchApi = (await fetch('/api/health')).ok;
results.fetchData = (await fetch('data:application/json,{"a":1}')).ok;
const audio = new Audio();
results.dataAudio = await new Promise((ok) => {
  audio.oncanplaythrough = () => ok(true);
  audio.onerror = () => ok(false);
  // 44-byte WAV header with no samples, like Howler's unlock sound.
  audio.src = 'data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAZGF0YQAAAAA=';
  audio.load();
  setTimeout(() => ok('timeout'), 3000);
});
const styled = document.createElement('div');
styled.setAttribute('style', 'color: red');
document.body.append(styled);
results.inlineStyle = getComputedStyle(styled).color === 'rgb(255, 0, 0)';
try { eval('1'); results.eval = true; } catch { results.eval = false; }
const s = document.createElement('script');
s.textContent = 'window.__inline = true';
document.body.append(s);
results.inlineScript = window.__inline === true;
await new Promise((r) => setTimeout(r, 100));
results.violations = violations;
window.__probe = results;
`;

describe.skipIf(!hasChromium)('Content-Security-Policy in Chromium', () => {
  let ts: TestStore;
  let browser: Browser;
  const apps: FastifyInstance[] = [];
  const dirs: string[] = [];

  async function serve(distDir: string): Promise<string> {
    const app = await testApp(ts.store, { distDir });
    apps.push(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  }

  /**
   * A copy of dist/ whose index.html finds every file it names: a build may be rewriting dist/ while
   * this runs, so take a consistent copy (retrying a few times) and serve that.
   */
  async function snapshotOfDist(): Promise<string> {
    for (let tries = 0; ; tries++) {
      const dir = mkdtempSync(join(tmpdir(), 'mir-dist-'));
      dirs.push(dir);
      try {
        cpSync(DIST_DIR, dir, { recursive: true });
        const html = readFileSync(join(dir, 'index.html'), 'utf8');
        const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
        if (named.length > 0 && named.every((f) => existsSync(join(dir, f)))) return dir;
      } catch {
        // caught mid-build
      }
      if (tries >= 10) throw new Error('dist/ never looked complete: is a build running?');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  function collect(page: Page): string[] {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text());
    });
    return refused;
  }

  beforeAll(async () => {
    ts = await openPgliteStore();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.close();
    await ts?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('allows what the game engine needs and blocks inline script and eval', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mir-csp-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><script type="module" src="/probe.js"></script></body></html>');
    writeFileSync(join(dir, 'probe.js'), PROBE);
    const url = await serve(dir);
    const page = await browser.newPage();
    const refused = collect(page);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe, undefined, { timeout: 15_000 });
    const r = await page.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
    expect(r).toMatchObject({ dataImage: true, blobImage: true, blobWorker: true, fetchApi: true, fetchData: true, inlineStyle: false, eval: false, inlineScript: false });
    expect(r.dataAudio).not.toBe(false);
    // The only violations are the three the probe provoked on purpose.
    expect((r.violations as string[]).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-elem', 'style-src-attr']);
    expect(refused.length).toBeGreaterThan(0);
    await page.close();
  });

  it.skipIf(!existsSync(join(DIST_DIR, 'index.html')))('the built game (dist/) loads without a CSP violation', { timeout: 120_000 }, async () => {
    const url = await serve(await snapshotOfDist());
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const refused = collect(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('canvas', { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual([]);
    expect(refused).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|unsafe-eval|EvalError/.test(e))).toEqual([]);
    await page.close();
  });
});
