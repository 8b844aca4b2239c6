// The game connected to the server, in Chromium: a trainer (through the API) sets up a team and assigns
// trophy-room; a trainee joins through the game's sign-in dialog, sees the "Assigned" marker, plays
// the assignment through the DOM buttons, sees "Saved" with the server's score, and finds their row on
// the team leaderboard with the same score. Then an attempt made while /api/attempts is unreachable
// is queued, and sent exactly once when the connection is back. Screenshots: game-signin,
// game-leaderboard, game-debrief-saved, game-debrief-queued.
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { expectAccessible, openTitle, playInGame, type DebriefReading } from './game.ts';
import { launchBrowser, newPage, screenshot, startServer, type RunningServer } from './support.ts';

const SCENARIO = 'trophy-room';
const routes = summarizeRoutes(loadLibrary().scenarios.get(SCENARIO)!)!;
const CSRF = { 'x-requested-with': 'make-it-right' };
const TRAINEE = { name: 'Priya Raman', email: 'priya@example.com', password: 'trainee password' };

let server: RunningServer;
let browser: Browser;
let trainerCtx: BrowserContext;
let trainer: APIRequestContext;
let trainee: { context: BrowserContext; page: Page; errors: string[] };
let inviteCode = '';
let assignmentId = 0;
let saved: DebriefReading;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  trainerCtx = await browser.newContext();
  trainer = trainerCtx.request;
  trainee = await newPage(browser);
});
afterAll(async () => {
  await trainee?.context.close();
  await trainerCtx?.close();
  await browser?.close();
  await server?.stop();
});

describe('the game with the server', () => {
  it('a trainer sets up a team and assigns trophy-room (through the API)', async () => {
    const setup = await trainer.post(`${server.url}/api/setup`, { headers: CSRF, data: { name: 'Maria Okafor', email: 'maria@example.com', password: 'trainer password' } });
    expect(setup.status()).toBe(201);
    const team = await trainer.post(`${server.url}/api/teams`, { headers: CSRF, data: { name: 'Front desk' } });
    expect(team.status()).toBe(201);
    const t = await team.json();
    inviteCode = t.inviteCode;
    const a = await trainer.post(`${server.url}/api/assignments`, { headers: CSRF, data: { teamId: t.id, scenarioId: SCENARIO, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), passMark: 70 } });
    expect(a.status()).toBe(201);
    assignmentId = (await a.json()).id;
    // Teammates: Aisha plays the expert's route and Tom the worst one (through the API); Lucas has not played.
    let n = 0;
    for (const [name, events] of [['Aisha Khan', routes.best.events], ['Tom Berg', routes.worst.events], ['Lucas Meyer', null]] as const) {
      const c = await browser.newContext();
      const j = await c.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode, name, email: `${name.split(' ')[0].toLowerCase()}@example.com`, password: 'trainee password' } });
      expect(j.status()).toBe(201);
      if (events) {
        const r = await c.request.post(`${server.url}/api/attempts`, { headers: CSRF, data: { scenarioId: SCENARIO, events, clientAttemptId: `mate-${++n}` } });
        expect(r.status()).toBe(201);
      }
      await c.close();
    }
  });

  it('signs in from the title: a wrong password is announced, then joining the team works', async () => {
    const { page } = trainee;
    await openTitle(page, server.url, '?typing=instant');
    // A guest plays locally: no account, no calls to the API.
    expect(await page.textContent('[data-action="start"]')).toContain('Play as guest');
    await page.click('[data-action="sign-in"]');
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('acct-email');
    await page.getByLabel('Email').fill(TRAINEE.email);
    await page.getByLabel('Password').fill('not my password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('wrong email or password').waitFor();

    await page.click('[data-action="to-join"]');
    const join = page.getByRole('dialog', { name: 'Join your team' });
    await join.waitFor();
    await page.getByLabel('Invite code').fill(inviteCode.toLowerCase());
    await page.getByLabel('Your name').fill(TRAINEE.name);
    await page.getByLabel('Email').fill(TRAINEE.email);
    await page.getByLabel('Password (8 characters or more)').fill(TRAINEE.password);
    await page.waitForTimeout(300);
    await screenshot(page, 'game-signin');
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await join.waitFor({ state: 'detached' });
    const chip = page.locator('[data-hook="account"]');
    await chip.waitFor();
    expect(await chip.textContent()).toContain(TRAINEE.name);
    expect(await chip.textContent()).toContain('Front desk');
    expect(await page.textContent('#live-status')).toContain(`Signed in as ${TRAINEE.name}`);
    await page.waitForTimeout(300);
    await screenshot(page, 'game-title-signed-in');
    await expectAccessible(page);
  });

  it('shows the assignment on the card, plays it and saves it to the record with the server’s score', async () => {
    const { page } = trainee;
    await page.click('[data-action="start"]');
    await page.waitForSelector('[data-screen="select"]');
    const marker = page.locator(`[data-scenario="${SCENARIO}"] [data-hook="assignment"]`);
    await marker.waitFor();
    expect(await marker.textContent()).toMatch(/^Assigned · due /);
    expect(await page.locator('[data-hook="assignment"]').count()).toBe(1);
    await page.click(`[data-scenario="${SCENARIO}"]`);
    await page.waitForSelector('[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
    saved = await playInGame(page, routes.best.steps);
    expect(saved.result).toBe('pass');
    const sync = page.locator('[data-hook="sync"][data-sync="saved"]');
    await sync.waitFor();
    expect(await sync.textContent()).toContain('Saved to your record');
    expect(await sync.getAttribute('data-server-score')).toBe(String(saved.scores.overall));
    expect(await sync.textContent()).toContain('counts for your assignment');
    await page.waitForTimeout(600);
    await screenshot(page, 'game-debrief-saved');

    const mine = await (await trainee.context.request.get(`${server.url}/api/me/attempts`)).json();
    expect(mine.attempts).toHaveLength(1);
    expect(mine.attempts[0]).toMatchObject({ scenarioId: SCENARIO, assignmentId, score: saved.scores.overall });
    // The assignment is passed, and the card says so after the refresh.
    const assignments = await (await trainee.context.request.get(`${server.url}/api/me/assignments`)).json();
    expect(assignments.assignments[0].status).toBe('passed');
    await page.click('[data-action="menu"]');
    await page.waitForSelector('[data-screen="select"]');
    await page.waitForFunction((id) => document.querySelector(`[data-scenario="${id}"] [data-hook="assignment"]`)?.textContent?.includes('passed'), SCENARIO);
  });

  it('finds the trainee on the team leaderboard with the same score; the controls work from the keyboard', async () => {
    const { page } = trainee;
    await page.click('[data-action="leaderboard"]');
    await page.waitForSelector('[data-screen="leaderboard"]');
    const mine = page.locator('.board tr.me');
    await mine.waitFor();
    expect(await mine.locator('th').textContent()).toContain(TRAINEE.name);
    expect(await mine.locator('td.value').textContent()).toBe(String(saved.scores.overall));
    // A tie with Aisha (the same route, the same score): both first, Tom third.
    expect(await mine.locator('.rank-badge').textContent()).toBe('1');
    const ranks = await page.$$eval('.board tbody tr', (rows) => rows.map((r) => [r.querySelector('.rank-badge')?.textContent, r.querySelector('th')?.firstChild?.textContent]));
    expect(ranks).toEqual([
      ['1', 'Aisha Khan'],
      ['1', TRAINEE.name],
      ['3', 'Tom Berg'],
    ]);
    expect(await page.textContent('[data-hook="participation"]')).toContain('3 of 4');
    await page.waitForTimeout(400);
    await screenshot(page, 'game-leaderboard');
    await expectAccessible(page);

    // One scenario, all time, average: still the same single score.
    await page.getByLabel('Scenario').selectOption(SCENARIO);
    await page.locator('.board-table[aria-busy="false"]').waitFor();
    await page.getByRole('radio', { name: 'All time' }).check();
    await page.getByRole('radio', { name: 'Average' }).check();
    await page.waitForFunction(() => document.querySelector('[data-hook="board-sub"]')?.textContent?.includes('all time') && document.querySelector('.board-table')?.getAttribute('aria-busy') === 'false');
    expect(await page.textContent('.board tr.me td.value')).toBe(saved.scores.overall.toFixed(1));
    expect(await page.textContent('.board thead')).toContain('Average');

    // Opting out hides the row (participation still counts), opting in shows it again.
    await page.getByRole('switch', { name: 'Show me on the leaderboard' }).uncheck();
    await page.locator('.board tr.me').waitFor({ state: 'detached' });
    await page.getByText('You are hidden from this board').waitFor();
    expect(await page.locator('.board tbody tr').count()).toBe(2);
    expect(await page.textContent('[data-hook="participation"]')).toContain('3 of 4');
    expect((await (await trainee.context.request.get(`${server.url}/api/me`)).json()).user.leaderboardOptOut).toBe(true);
    await page.getByRole('switch', { name: 'Show me on the leaderboard' }).check();
    await page.locator('.board tr.me').waitFor();

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-screen="select"]');
  });

  it('queues an attempt while the server cannot be reached and sends it exactly once when it can', async () => {
    const { page } = trainee;
    await page.route('**/api/attempts', (route) => route.abort('internetdisconnected'));
    await page.click(`[data-scenario="${SCENARIO}"]`);
    await page.waitForSelector('[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
    const offline = await playInGame(page, routes.worst.steps);
    const queued = page.locator('[data-hook="sync"][data-sync="queued"]');
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Queued');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mir.outbox.v1') ?? '{}').queue ?? []);
    expect(stored).toHaveLength(1);
    await page.waitForTimeout(600);
    await screenshot(page, 'game-debrief-queued');

    await page.unroute('**/api/attempts');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const sent = page.locator('[data-hook="sync"][data-sync="saved"]');
    await sent.waitFor();
    expect(await sent.getAttribute('data-server-score')).toBe(String(offline.scores.overall));
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('mir.outbox.v1') ?? '{}').queue ?? [])).toEqual([]);
    // More chances to send it twice: another `online` event and a reload (start-up flush).
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.reload();
    await page.waitForSelector('[data-screen="title"]');
    await page.locator('[data-hook="account"]').waitFor();
    await page.waitForTimeout(500);
    const mine = await (await trainee.context.request.get(`${server.url}/api/me/attempts`)).json();
    expect(mine.attempts).toHaveLength(2);
    expect(mine.attempts.filter((a: { score: number; clientAttemptId: string }) => a.clientAttemptId === stored[0].clientAttemptId)).toHaveLength(1);
    expect(mine.attempts[0].score).toBe(offline.scores.overall);
  });

  it('signs out back to guest play', async () => {
    const { page } = trainee;
    await page.click('[data-action="sign-out"]');
    await page.waitForFunction(() => !document.querySelector('[data-hook="account"]'));
    expect(await page.textContent('[data-action="start"]')).toContain('Play as guest');
    expect(await page.evaluate(() => localStorage.getItem('mir.account.v1'))).toBeNull();
    await page.click('[data-action="start"]');
    await page.waitForSelector('[data-screen="select"]');
    expect(await page.locator('[data-hook="assignment"]').count()).toBe(0);
    expect(await page.locator('[data-action="leaderboard"]').count()).toBe(0);
  });

  it('logged no errors in the page (other than the refused sign-in and the cut connection)', () => {
    const real = trainee.errors.filter((e) => !/status of 401 \(Unauthorized\)|net::ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(e));
    expect(real).toEqual([]);
  });
});
