// The game on phones: Chromium's iPhone 13 and Pixel 7 descriptors (touch on, a phone's viewport and
// pixel ratio). A signed-in player plays by taps in portrait, on the scenario node with the longest
// replies (found from the scenario data); every reply fits or scrolls into view with 16 px text and
// 44 px targets; a second tap never chooses twice. The phone turns mid-conversation and the line,
// the clock and the screen carry on. After that one online visit, the service worker lets a scenario
// play offline, and the attempt is sent once the phone is back online. Screenshots: phone-*.png.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { devices, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, checkEvent, initialContext, type ConversationEvent } from '../../src/engine/conversation.ts';
import { loadLibrary } from '../../src/engine/files.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/shared/http.ts';
import { expectAccessible, readDebrief, settle } from './game.ts';
import { launchBrowser, ROOT, screenshot, startServer, type RunningServer } from './support.ts';

const CSRF = { [CSRF_HEADER]: CSRF_VALUE };
const PLAYER = { name: 'Ana Souza', email: 'ana@example.com', password: 'trainee password' };
const DOCS = join(ROOT, 'docs/screenshots');
const library = loadLibrary().scenarios;

/** The node whose line and replies take the most room, over every scenario: the hardest fit. */
function longestNode(): { scenario: Scenario; node: string; path: string[] } {
  let best = { size: -1, scenario: null as Scenario | null, node: '' };
  for (const s of library.values()) {
    for (const [id, n] of Object.entries(s.nodes)) {
      const size = (n.line?.length ?? 0) + (n.narration?.length ?? 0) + n.choices.reduce((a, c) => a + c.text.length, 0);
      if (size > best.size) best = { size, scenario: s, node: id };
    }
  }
  const scenario = best.scenario as Scenario;
  return { scenario, node: best.node, path: pathTo(scenario, best.node) };
}

/** The shortest list of choices from the start to a node (breadth first over the engine's own steps). */
function pathTo(s: Scenario, target: string): string[] {
  const queue = [{ ctx: initialContext(s), path: [] as string[] }];
  const seen = new Set<string>();
  while (queue.length) {
    const { ctx, path } = queue.shift() as (typeof queue)[number];
    if (ctx.node === target) return path;
    if (ctx.ending || seen.has(ctx.node)) continue;
    seen.add(ctx.node);
    for (const c of s.nodes[ctx.node].choices) {
      const ev: ConversationEvent = { type: 'player.choose', choice: c.id, seconds: 4 };
      if (checkEvent(s, ctx, ev).ok) queue.push({ ctx: applyEvent(s, ctx, ev), path: [...path, c.id] });
    }
  }
  throw new Error(`no route to ${s.id}/${target}`);
}

let server: RunningServer;
let browser: Browser;
let api: BrowserContext;
let iphone: { context: BrowserContext; page: Page; errors: string[] };

async function phone(name: 'iPhone 13' | 'Pixel 7'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...devices[name] });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, `phone-${name}`);
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(path, join(DOCS, `phone-${name}.png`));
}

type Moment = 'choices' | 'continue' | 'debrief';
async function moment(page: Page): Promise<Moment> {
  const h = await page.waitForFunction(
    () => (document.querySelector('[data-screen="debrief"]') ? 'debrief' : document.querySelector('[data-action="continue"]') ? 'continue' : document.querySelector('.choice[data-choice][aria-disabled="false"]') ? 'choices' : false),
    undefined,
    { polling: 50 },
  );
  return (await h.jsonValue()) as Moment;
}

/**
 * Plays to the debrief by taps, taking `want[i]` when offered and the first reply otherwise.
 * `atChoices` may make the turn's choice itself and return it.
 */
async function playByTaps(page: Page, want: readonly string[], atChoices?: (turn: number, ids: string[]) => Promise<string | void>): Promise<string[]> {
  const made: string[] = [];
  for (let guard = 0; guard < 60; guard++) {
    const m = await moment(page);
    if (m === 'debrief') return made;
    if (m === 'continue') {
      await page.tap('[data-action="continue"]');
      continue;
    }
    const ids = await page.$$eval('.choice[data-choice]', (els) => els.map((e) => (e as HTMLElement).dataset.choice as string));
    const own = await atChoices?.(made.length, ids);
    if (own) {
      made.push(own);
      continue;
    }
    const id = ids.includes(want[made.length]) ? want[made.length] : ids[0];
    made.push(id);
    await page.tap(`.choice[data-choice="${id}"]`);
  }
  throw new Error('the conversation did not end');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await browser.newContext();
  const trainer: APIRequestContext = api.request;
  expect((await trainer.post(`${server.url}/api/setup`, { headers: CSRF, data: { name: 'Maria Okafor', email: 'maria@example.com', password: 'trainer password' } })).status()).toBe(201);
  const team = await (await trainer.post(`${server.url}/api/teams`, { headers: CSRF, data: { name: 'Front desk' } })).json();
  const join = await browser.newContext();
  expect((await join.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode: team.inviteCode, ...PLAYER } })).status()).toBe(201);
  await join.close();
  iphone = await phone('iPhone 13');
});
afterAll(async () => {
  await iphone?.context.close();
  await api?.close();
  await browser?.close();
  await server?.stop();
});

describe('on a phone held upright (iPhone 13, touch)', () => {
  const { scenario, node, path } = longestNode();

  it('signs in and reaches the select screen by taps, portrait screens clean under axe', async () => {
    const { page } = iphone;
    await page.goto(`${server.url}/?typing=instant`);
    await page.waitForSelector('[data-screen="title"]');
    expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe('portrait');
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    await shot(page, 'title');
    await expectAccessible(page);

    await page.tap('[data-action="settings"]');
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await shot(page, 'settings');
    await page.tap('[data-action="close-settings"]');

    await page.tap('[data-action="sign-in"]');
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor();
    await page.fill('#acct-email', PLAYER.email);
    await page.fill('#acct-password', PLAYER.password);
    await shot(page, 'sign-in');
    await dialog.getByRole('button', { name: 'Sign in' }).tap();
    await page.locator('[data-hook="account"]').waitFor();

    await page.tap('[data-action="leaderboard"]');
    await page.waitForSelector('[data-screen="leaderboard"]');
    await page.waitForSelector('[data-hook="board"] .board, [data-hook="board"] .board-empty:not(.loading)');
    await shot(page, 'leaderboard');
    await page.tap('[data-action="back"]');
    await page.waitForSelector('[data-screen="title"]');

    await page.tap('[data-action="start"]');
    await page.waitForSelector('[data-screen="select"]');
    await settle(page);
    await shot(page, 'select');
    await page.tap(`[data-scenario="${scenario.id}"]`);
    await page.waitForSelector('[data-screen="briefing"]');
    await settle(page);
    await shot(page, 'briefing');
    await page.tap('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
  });

  it(`plays by taps; at the node with the longest replies every reply fits or scrolls into view`, async () => {
    const { page, errors } = iphone;
    let checked = false;
    const made = await playByTaps(page, path, async (turn, ids) => {
      if (turn === path.length) {
        expect(new Set(ids)).toEqual(new Set(scenario.nodes[node].choices.map((c) => c.id)));
        await page.waitForTimeout(1500); // the customer and the replies slide in
        await shot(page, 'conversation');
        await expectAccessible(page);
        // Each reply is on screen, or comes on screen when scrolled to (as a thumb would), whole.
        const boxes = await page.$$eval('.choice[data-choice]', (els) =>
          els.map((e) => {
            e.scrollIntoView({ block: 'nearest' });
            const r = e.getBoundingClientRect();
            const text = e.querySelector('.choice-text') as HTMLElement;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, font: parseFloat(getComputedStyle(text).fontSize), onTop: !!hit && e.contains(hit) };
          }),
        );
        const vp = page.viewportSize() as { width: number; height: number };
        expect(boxes.length).toBe(scenario.nodes[node].choices.length);
        for (const b of boxes) {
          expect(b.font).toBeGreaterThanOrEqual(16);
          expect(b.height).toBeGreaterThanOrEqual(44);
          expect(b.left).toBeGreaterThanOrEqual(0);
          expect(b.right).toBeLessThanOrEqual(vp.width);
          expect(b.top).toBeGreaterThanOrEqual(0);
          expect(b.bottom).toBeLessThanOrEqual(vp.height + 1);
          expect(b.onTop).toBe(true);
        }
        await shot(page, 'conversation-scrolled');
        checked = true;
      }
      if (turn === path.length + 1 && ids.length > 1) {
        // Two replies tapped in one go: the first counts, the second does nothing.
        await page.$$eval('.choice[data-choice]', (els) => {
          (els[0] as HTMLButtonElement).click();
          (els[1] as HTMLButtonElement).click();
        });
        return ids[0];
      }
    });
    expect(checked).toBe(true);
    const debrief = await readDebrief(page);
    const chosen = debrief.events.map((e) => (e.type === 'player.choose' ? e.choice : 'silence'));
    // The double tap made one choice: the transcript is exactly the replies tapped, in order.
    expect(chosen).toEqual(made);
    expect(made.length).toBeGreaterThan(path.length + 1);
    await page.waitForSelector('[data-hook="sync"][data-sync="saved"]');
    await page.waitForTimeout(800); // the score ring fills
    await shot(page, 'debrief');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });


  it('plays offline after that one visit (art and voice from the cache), and the attempt goes out once back online', async () => {
    const { page, context, errors } = iphone;
    // The worker is installed once its precache is complete.
    expect(await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? null), new Promise((ok) => setTimeout(() => ok('not ready in 40 s'), 40_000))]))).toBe(`${server.url}/sw.js`);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    const offlineId = [...library.keys()].find((id) => id !== scenario.id) as string;
    for (const want of ['/index.html', '/scenarios.json', `/portraits/${offlineId}/calm.svg`, `/audio/voice/${offlineId}/manifest.json`]) expect(cached).toContain(want);
    expect(cached.some((u) => u.startsWith(`/audio/voice/${offlineId}/`) && u.endsWith('.ogg'))).toBe(true);
    expect(cached.filter((u) => u.startsWith('/api/') || u.startsWith('/trainer'))).toEqual([]);

    await context.setOffline(true);
    const t0 = Date.now();
    const step = (what: string) => console.log(`offline: ${what} after ${Date.now() - t0} ms`);
    await page.goto(`${server.url}/?typing=instant`, { timeout: 30_000 });
    await page.waitForSelector('[data-screen="title"]', { timeout: 30_000 });
    step('title');
    await page.tap('[data-action="start"]', { timeout: 30_000 });
    await page.tap(`[data-scenario="${offlineId}"]`, { timeout: 30_000 });
    await page.tap('[data-action="begin"]', { timeout: 30_000 });
    await page.waitForSelector('[data-screen="conversation"]', { timeout: 30_000 });
    step('conversation');
    // The customer's portrait came from the cache: the scene has its texture, not the fallback.
    await page.waitForFunction((id) => {
      const game = (window as unknown as { makeItRight: { game?: { textures: { getTextureKeys(): string[] } } } }).makeItRight.game;
      return !!game && game.textures.getTextureKeys().some((k) => k.includes(id));
    }, offlineId, { timeout: 30_000 });
    await playByTaps(page, []);
    step('debrief');
    const queued = page.locator('[data-hook="sync"][data-sync="queued"]');
    await queued.waitFor({ timeout: 30_000 });
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mir.outbox.v1') ?? '{}').queue ?? []);
    expect(stored).toHaveLength(1);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.locator('[data-hook="sync"][data-sync="saved"]').waitFor();
    const mine = await (await context.request.get(`${server.url}/api/me/attempts`)).json();
    expect(mine.attempts.filter((a: { clientAttemptId: string }) => a.clientAttemptId === stored[0].clientAttemptId)).toHaveLength(1);
    expect(mine.attempts).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});

describe('turning the phone mid-conversation (Pixel 7)', () => {
  it('keeps the conversation, the typed line and the patience clock; a tap skips the typing', async () => {
    const { context, page, errors } = await phone('Pixel 7');
    try {
      const { scenario } = longestNode();
      await page.goto(`${server.url}/`);
      await page.waitForSelector('[data-screen="title"]');
      await page.tap('[data-action="start"]');
      await page.tap(`[data-scenario="${scenario.id}"]`);
      await page.tap('[data-action="begin"]');
      const line = scenario.nodes[scenario.start].line;
      // Part of the line is typed: turn the phone.
      await page.waitForFunction(() => (document.querySelector('.line-text')?.textContent ?? '').length > 5, undefined, { polling: 20 });
      const before = await page.evaluate(() => {
        const el = document.querySelector('[data-screen="conversation"]') as HTMLElement;
        el.dataset.mark = 'before-turn';
        return (document.querySelector('.line-text') as HTMLElement).textContent;
      });
      expect(before.length).toBeLessThan(line.length);
      await page.setViewportSize({ width: 915, height: 412 });
      await page.waitForFunction(() => document.documentElement.dataset.layout === 'wide');
      const after = await page.evaluate(() => (document.querySelector('.line-text') as HTMLElement).textContent);
      expect(line.startsWith(after) && after.length >= before.length).toBe(true);
      expect(await page.locator('[data-screen="conversation"][data-mark="before-turn"]').count()).toBe(1);
      await page.waitForSelector('.choice[data-choice][aria-disabled="false"]');
      await shot(page, 'landscape');
      // The clock runs on through a turn back to portrait: never reset, still running.
      const patience = () => page.$eval('#meter-patience', (e) => Number(e.getAttribute('aria-valuenow')));
      await page.waitForFunction(() => Number(document.querySelector('#meter-patience')?.getAttribute('aria-valuenow')) < 99);
      const p1 = await patience();
      await page.setViewportSize({ width: 412, height: 915 });
      await page.waitForFunction(() => document.documentElement.dataset.layout === 'portrait');
      const p2 = await patience();
      expect(p2).toBeLessThanOrEqual(p1);
      await page.waitForFunction((p) => Number(document.querySelector('#meter-patience')?.getAttribute('aria-valuenow')) < p, p2);
      expect(await page.locator('[data-screen="conversation"][data-mark="before-turn"]').count()).toBe(1);
      expect(await page.$eval('.line-text', (e) => e.textContent)).toBe(line);

      // The next line: a tap on it shows it whole at once.
      const first = (await page.$$eval('.choice[data-choice]', (els) => els.map((e) => (e as HTMLElement).dataset.choice as string)))[0];
      await page.tap(`.choice[data-choice="${first}"]`);
      await page.waitForFunction(() => !document.querySelector('.choice[data-choice]'));
      await page.tap('.line-card');
      const shown = await page.waitForFunction(() => {
        const live = document.querySelector('#live-line')?.textContent ?? '';
        const text = document.querySelector('.line-text')?.textContent ?? '';
        return text.length > 0 && live.endsWith(text) ? text : false;
      });
      expect(((await shown.jsonValue()) as string).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
