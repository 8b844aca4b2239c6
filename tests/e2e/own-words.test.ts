// Own-words mode in Chromium, connected to the server: the trainer assigns trophy-room with the
// own-words option (the trainee's own setting stays off), the trainee plays it by typing every reply,
// corrects the game's reading once, sees the typed words in the debrief; the trainer finds them in the
// trainee's transcript and labels the corrected reply for the team. Screenshots: own-words-type,
// own-words-confirm, own-words-debrief, own-words-trainer, own-words-labels.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { ACCOUNT_KEY } from '../../src/game/online.ts';
import { KEYS } from '../../src/game/storage.ts';
import { openTitle, startScenario } from './game.ts';
import { launchBrowser, newPage, screenshot, startServer, type RunningServer } from './support.ts';

const SCENARIO = 'trophy-room';
const scenario = loadLibrary().scenarios.get(SCENARIO)!;
const best = summarizeRoutes(scenario)!.best;
const CSRF = { 'x-requested-with': 'make-it-right' };
/** Typed at the first turn: it reads as passing the room change on, and the trainee corrects it to the expert's reply. */
const OWN = "Sorry, room changes this late go to the night manager in the morning, I'll leave a note for him.";

let server: RunningServer;
let browser: Browser;
let trainerCtx: BrowserContext;
let trainee: { context: BrowserContext; page: Page; errors: string[] };
let traineeId = 0;
let teamId = 0;
let me: unknown = null;
const typed: string[] = [];
let corrected = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  trainerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  trainee = await newPage(browser);
});
afterAll(async () => {
  await trainee?.context.close();
  await trainerCtx?.close();
  await browser?.close();
  await server?.stop();
});

/** Waits for the reply box, a Continue button or the debrief. */
async function moment(page: Page): Promise<'type' | 'continue' | 'debrief'> {
  const h = await page.waitForFunction(
    () => (document.querySelector('[data-screen="debrief"]') ? 'debrief' : document.querySelector('[data-action="continue"]') ? 'continue' : document.querySelector('[data-own-words="type"] textarea') ? 'type' : false),
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return (await h.jsonValue()) as 'type' | 'continue' | 'debrief';
}

/** Clicks a confirming button until the game takes it (it waits for the customer to finish first). */
async function confirmWith(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await page.click(selector);
    const h = await page.waitForFunction(
      () => (!document.querySelector('[data-own-words="confirm"]') ? 'taken' : /one moment/i.test(document.querySelector('.own-words-status')?.textContent ?? '') ? 'wait' : false),
      undefined,
      { timeout: 10_000, polling: 50 },
    );
    if ((await h.jsonValue()) === 'taken') return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the game did not take ${selector}`);
}

describe('own-words mode', () => {
  it('a trainer and a signed-in trainee (through the API)', async () => {
    const t = trainerCtx.request;
    expect((await t.post(`${server.url}/api/setup`, { headers: CSRF, data: { name: 'Maria Okafor', email: 'maria@example.com', password: 'trainer password' } })).status()).toBe(201);
    const team = await (await t.post(`${server.url}/api/teams`, { headers: CSRF, data: { name: 'Front desk' } })).json();
    teamId = team.id;
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const a = await t.post(`${server.url}/api/teams/${team.id}/assignments`, { headers: CSRF, data: { scenarioIds: [SCENARIO], dueAt: due, ownWords: true } });
    expect(a.status()).toBe(201);
    const j = await trainee.context.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode: team.inviteCode, name: 'Priya Raman', email: 'priya@example.com', password: 'trainee password' } });
    expect(j.status()).toBe(201);
    traineeId = (await j.json()).user.id;
    me = await (await trainee.context.request.get(`${server.url}/api/me`)).json();
  });

  it('plays trophy-room by typing, corrects one reading, and sees the typed words in the debrief', async () => {
    const { page, errors } = trainee;
    // The own-words setting off (the assignment asks for it), and the game remembers the signed-in
    // trainee (the session cookie is the context's).
    await page.addInitScript(([settings, account, meJson]) => {
      localStorage.setItem(settings, JSON.stringify({ ownWords: false }));
      localStorage.setItem(account, meJson);
    }, [KEYS.settings, ACCOUNT_KEY, JSON.stringify(me)] as const);
    // The tagger's chunk is fetched only now, in own-words mode.
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    const assigned = page.waitForResponse((r) => r.url().endsWith('/api/me/assignments') && r.ok());
    await openTitle(page, server.url, '?typing=instant');
    expect((await (await assigned).json()).assignments[0].ownWords).toBe(true);
    await startScenario(page, SCENARIO);
    let turn = 0;
    for (let guard = 0; guard < 60; guard++) {
      const m = await moment(page);
      if (m === 'debrief') break;
      if (m === 'continue') {
        await page.click('[data-action="continue"]');
        continue;
      }
      const want = best.steps[turn];
      const wantText = Object.values(scenario.nodes).flatMap((n) => n.choices).find((c) => c.id === want)!.text;
      const words = turn === 0 ? OWN : wantText;
      await page.fill('#own-words-input', words);
      if (turn === 0) await screenshot(page, 'own-words-type');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-own-words="confirm"]');
      typed.push(words);
      if (turn === 0) {
        // The game reads another reply than the expert's; the trainee picks the expert's instead.
        const suggested = await page.getAttribute('[data-suggested]', 'data-suggested');
        expect(suggested).not.toBe(want);
        corrected = want;
        await screenshot(page, 'own-words-confirm');
        await confirmWith(page, `.own-words-alt[data-choice="${corrected}"]`);
      } else {
        // Typed as authored, it reads as that reply.
        expect(await page.getAttribute('[data-suggested]', 'data-suggested')).toBe(want);
        await confirmWith(page, '[data-action="confirm-reply"]');
      }
      turn++;
    }
    await page.waitForSelector('[data-screen="debrief"]');
    expect(chunks.some((u) => /understand-[\w-]+\.js$/.test(u))).toBe(true);
    const shown = await page.$$eval('.turn-typed', (els) => els.map((e) => e.textContent ?? ''));
    expect(shown[0]).toContain(OWN);
    expect(shown[0]).toContain('you corrected the reading');
    expect(shown).toHaveLength(typed.length);
    const events = JSON.parse((await page.getAttribute('[data-screen="debrief"]', 'data-events'))!) as Array<{ choice?: string }>;
    expect(events[0].choice).toBe(corrected);
    await page.locator('[data-hook="sync"][data-sync="saved"]').waitFor();
    await page.locator('.turn-typed').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'own-words-debrief');
    expect(errors).toEqual([]);
  });

  it("the trainer finds the typed words in the trainee's transcript", async () => {
    const page = await trainerCtx.newPage();
    await page.goto(`${server.url}/trainer#/trainees/${traineeId}`);
    const first = page.locator('details.attempt').first().locator('.turn').first();
    await first.locator('.typed').waitFor();
    expect(await first.locator('.typed').textContent()).toContain(OWN);
    expect(await first.locator('.typed-mapped').getAttribute('data-corrected')).toBe('true');
    expect(await page.locator('details.attempt').first().locator('.typed').count()).toBe(typed.length);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/own-words-trainer.png' });
  });

  it('the trainer labels the corrected reply, and the team gets it as an example', async () => {
    const page = await trainerCtx.newPage();
    await page.goto(`${server.url}/trainer#/teams/${teamId}/own-words`);
    const row = page.locator('#own-words-unsure .typed-item', { hasText: OWN });
    await row.locator('.label-button').click();
    await row.locator('input[value="apologize"]').check();
    await row.locator('input[value="own-it"]').check();
    await screenshot(page, 'own-words-labels');
    await row.locator('button[type="submit"]').click();
    await page.locator('#own-words-labels .typed-item', { hasText: OWN }).waitFor();
    expect(await page.locator('#own-words-unsure .typed-item', { hasText: OWN }).count()).toBe(0);
    const ex = await (await trainee.context.request.get(`${server.url}/api/me/own-words/examples`)).json();
    expect(ex).toEqual({ version: 1, examples: [{ text: OWN, moves: ['apologize', 'own-it'] }] });
  });
});
