// The trainer dashboard in Chromium against the real server: a trainer sets up the account, creates a
// team and assigns a scenario; a trainee joins with the invite code and plays the assignment in the
// game (through its DOM buttons); the trainer then sees the status, the transcript and the common
// mistakes, exports the CSV, and uploads a broken and a good scenario. Every page passes axe and is
// saved as test-results/screenshots/trainer-*.png.
//
// The trainee's browser also posts each debrief's events itself (POST /api/attempts, the request the
// game's outbox makes) so the test can check the server's answer, status and score, directly.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { replay } from '../../src/engine/replay.ts';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import { walkRoutes } from '../../src/engine/routes.ts';
import { displayedIds } from '../../src/engine/shuffle.ts';
import { parseCsv } from '../../src/shared/csv.ts';
import { expectAccessible, openTitle, playInGame, startScenario, type DebriefReading } from './game.ts';
import { launchBrowser, newPage, SCREENSHOTS, startServer, type RunningServer } from './support.ts';

const SCENARIO = 'trophy-room';
const library = loadLibrary();
const routes = summarizeRoutes(library.scenarios.get(SCENARIO)!)!;
const SECOND = 'hold-line';
const THIRD = 'quiet-customer';
const TRAINER = { name: 'Maria Okafor', email: 'maria@example.com', password: 'trainer password' };
const TRAINEE = { name: 'Priya Raman', email: 'priya@example.com', password: 'trainee password' };
const CSRF = { 'x-requested-with': 'make-it-right' };

let server: RunningServer;
let browser: Browser;
let trainer: { context: BrowserContext; page: Page; errors: string[] };
let trainee: { context: BrowserContext; page: Page; errors: string[] };
let teamId = 0;
let inviteCode = '';
let played: DebriefReading[] = [];
/** The reply-order seed of each conversation in `played`, as the game drew it. */
let seeds: number[] = [];
/** Every conversation at SCENARIO the team had (the game's and the API's), for the mistakes check. */
const trophyEvents: ConversationEvent[][] = [];
const ids: Record<string, number> = {};

/**
 * Errors that are part of the story: the signed-out check (GET /api/me answers 401 before sign-in)
 * and the refused upload (422). Chromium logs every failed request to the console.
 */
const realErrors = (errors: string[]) => errors.filter((e) => !/status of (401 \(Unauthorized\)|422 \(Unprocessable Entity\))/.test(e));

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No passing notices in the pictures, and the sticky header at the top where it belongs.
  await page.waitForFunction(() => !document.querySelector('.toast'), undefined, { timeout: 10_000 });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `trainer-${name}.png`), fullPage });
}

/** Waits for the page's loading states to settle. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), undefined, { timeout: 30_000 });
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  await settled(page);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  trainer = await newPage(browser);
  trainee = await newPage(browser);
  await trainer.page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await trainer?.context.close();
  await trainee?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('trainer dashboard', () => {
  it('sets up the first trainer account at /trainer', async () => {
    const { page } = trainer;
    await page.goto(`${server.url}/trainer`);
    await page.waitForSelector('form[aria-label="Create the trainer account"]');
    await shot(page, 'setup', false);
    await expectAccessible(page);
    await page.getByLabel('Your name').fill(TRAINER.name);
    await page.getByLabel('Email').fill(TRAINER.email);
    await page.getByLabel('Password').fill(TRAINER.password);
    await page.getByRole('button', { name: 'Create account and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await page.getByText('No teams yet').waitFor();
    await expectAccessible(page);
  });

  it('creates a team and shows its invite code and join link', async () => {
    const { page } = trainer;
    await page.getByLabel('New team').fill('Front desk, March intake');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Front desk, March intake' }).waitFor();
    await settled(page);
    teamId = Number(/#\/teams\/(\d+)/.exec(page.url())?.[1]);
    expect(teamId).toBeGreaterThan(0);
    inviteCode = (await page.getByTestId('invite-code').textContent()) ?? '';
    expect(inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.getByTestId('join-link').inputValue()).toBe(`${server.url}/?join=${inviteCode}`);
    await page.getByText('Nobody has joined yet').waitFor();
  });

  it('assigns a scenario, showing its briefing, difficulty and skills', async () => {
    const { page } = trainer;
    await page.getByRole('link', { name: 'Assign scenarios' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Assign scenarios' }).waitFor();
    await settled(page);
    const card = page.locator('.pick', { has: page.locator(`[data-scenario="${SCENARIO}"]`) });
    expect(await card.textContent()).toContain('Easy');
    expect(await card.textContent()).toContain(library.scenarios.get(SCENARIO)!.briefing.mistake.slice(0, 40));
    expect(await card.locator('.chip').first().textContent()).toBe('Feelings before solutions');
    await shot(page, 'assign', false); // the submit bar sticks to the bottom of the window
    await expectAccessible(page);
    await page.check(`[data-scenario="${SCENARIO}"]`);
    await page.check(`[data-scenario="${SECOND}"]`);
    await page.getByLabel('Pass mark').fill('70');
    await page.getByLabel('Attempt limit').fill('3');
    await page.getByRole('button', { name: 'Assign 2 scenarios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Front desk, March intake' }).waitFor();
    await settled(page);
    const table = await page.locator('table').last().textContent();
    expect(table).toContain('The Trophy Room');
    expect(table).toContain(library.scenarios.get(SECOND)!.title);
  });

  it('lets a trainee join with the code and play the assignment in the game', async () => {
    const { page, context } = trainee;
    const joined = await context.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode: inviteCode.toLowerCase(), ...TRAINEE } });
    expect(joined.status()).toBe(201);
    const mine = await (await context.request.get(`${server.url}/api/me/assignments`)).json();
    expect(mine.assignments).toHaveLength(2);
    const assignmentId = mine.assignments.find((a: { scenarioId: string }) => a.scenarioId === SCENARIO).id;
    ids[SCENARIO] = assignmentId;
    ids[SECOND] = mine.assignments.find((a: { scenarioId: string }) => a.scenarioId === SECOND).id;

    // First a poor conversation (the worst route's choices), then the expert's.
    played = [];
    seeds = [];
    for (const want of [routes.worst.steps, routes.best.steps]) {
      await openTitle(page, server.url);
      await startScenario(page, SCENARIO);
      // The seed the replies are shown in: the game saves it as the conversation starts.
      const seed = await page.evaluate(() => JSON.parse(localStorage.getItem('mir.conversation.v1') ?? 'null')?.seed as number);
      const d = await playInGame(page, want, { skipTyping: true });
      expect(d.scenarioId).toBe(SCENARIO);
      const sent = await page.evaluate(
        async ({ body, csrf }) => {
          const r = await fetch('/api/attempts', { method: 'POST', headers: { 'content-type': 'application/json', ...csrf }, body: JSON.stringify(body) });
          return { status: r.status, body: await r.json() };
        },
        { body: { scenarioId: SCENARIO, events: d.events, clientAttemptId: `e2e-${Date.now()}-${played.length}`, assignmentId, seed }, csrf: CSRF },
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      // The server's replay gives the score the game showed.
      expect(sent.body.score).toBe(d.scores.overall);
      played.push(d);
      seeds.push(seed);
      trophyEvents.push(d.events);
    }
    expect(played[0].result).toBe('fail');
    expect(played[1].result).toBe('pass');
  });

  it('fills the team: three more trainees join and play through the API, with events from the engine', async () => {
    const api = trainer.context.request;
    // A third assignment, already past its due date, for two chosen trainees.
    const join = async (name: string) => {
      const c = await browser.newContext();
      const r = await c.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode, name, email: `${name.toLowerCase()}@example.com`, password: 'trainee password' } });
      expect(r.status()).toBe(201);
      return { c, id: (await r.json()).user.id as number };
    };
    const tom = await join('Tom');
    const aisha = await join('Aisha');
    const lucas = await join('Lucas');
    const late = await api.post(`${server.url}/api/teams/${teamId}/assignments`, {
      headers: CSRF,
      data: { scenarioIds: [THIRD], trainees: [tom.id, lucas.id], dueAt: new Date(Date.now() - 86_400_000).toISOString(), passMark: 70 },
    });
    expect(late.status()).toBe(201);
    ids[THIRD] = (await late.json()).assignments[0].id;
    let n = 0;
    const submit = async (who: { c: BrowserContext }, scenarioId: string, events: ConversationEvent[]) => {
      const r = await who.c.request.post(`${server.url}/api/attempts`, { headers: CSRF, data: { scenarioId, events, clientAttemptId: `e2e-api-${++n}`, assignmentId: ids[scenarioId] } });
      expect(r.status(), await r.text()).toBe(201);
      if (scenarioId === SCENARIO) trophyEvents.push(events);
    };
    const failing = [...walkRoutes(library.scenarios.get(SECOND)!)].filter((r) => r.report.overall < 70).slice(0, 3);
    for (const r of failing) await submit(tom, SECOND, r.events); // every allowed attempt, none passing: failed
    await submit(tom, SCENARIO, routes.worst.events); // in progress
    await submit(aisha, SCENARIO, routes.best.events); // passed
    await submit(lucas, THIRD, summarizeRoutes(library.scenarios.get(THIRD)!)!.worst.events); // overdue, played
    for (const who of [tom, aisha, lucas]) await who.c.close();
  });

  it('shows each team with what needs attention', async () => {
    const { page } = trainer;
    await go(page, '#/teams');
    const card = page.locator('.team-card');
    await card.getByText('2 overdue · 1 failed').waitFor();
    expect(await card.locator('.facts div').first().textContent()).toBe('Members4');
    expect(await card.locator('.facts').textContent()).toContain(inviteCode);
    await shot(page, 'teams');
    await expectAccessible(page);
  });

  it('shows the status and best score in the progress matrix, sorts, filters and exports the CSV', async () => {
    const { page } = trainer;
    await go(page, `#/teams/${teamId}/progress`);
    const row = page.locator('tr[data-trainee="Priya Raman"]');
    await row.waitFor();
    const best = Math.max(...played.map((d) => d.scores.overall));
    const cell = row.locator(`td[data-assignment="${ids[SCENARIO]}"]`);
    expect(await cell.getAttribute('data-status')).toBe('passed');
    expect(await cell.textContent()).toContain(`Best ${best}`);
    expect(await cell.textContent()).toContain('2/3 tries');
    await shot(page, 'progress');
    await expectAccessible(page);

    // Keyboard: the sort buttons are real buttons.
    await page.getByRole('button', { name: 'Sort by Trainee' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('thead th.col-name').getAttribute('aria-sort')).toBe('descending');

    await page.getByLabel('Status').selectOption('failed');
    await page.locator('tr[data-trainee="Aisha"]').waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.trainee))).toEqual(['Tom']);
    await page.getByLabel('Trainee', { exact: true }).fill('priya');
    await page.getByText('No trainee matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row.waitFor();
    // Not assigned to a trainee: a dash, not a status.
    expect(await page.locator(`tr[data-trainee="Aisha"] td[data-status="not-assigned"]`).count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows[0].slice(0, 9)).toEqual(['Trainee', 'Email', 'Scenario', 'Assignment', 'Due', 'Pass mark', 'Status', 'Best score', 'Attempts']);
    // One row per trainee and assignment set for them: 4 trainees × 2, plus the late one for Tom and Lucas.
    expect(rows).toHaveLength(1 + 4 * 2 + 2);
    const priya = rows.find((r) => r[0] === TRAINEE.name && r[2] === 'The Trophy Room')!;
    expect(priya.slice(0, 3)).toEqual([TRAINEE.name, TRAINEE.email, 'The Trophy Room']);
    expect(priya.slice(5, 10)).toEqual(['70', 'Passed', String(best), '2', '3']);
    const statuses = Object.fromEntries(rows.slice(1).map((r) => [`${r[0]}/${r[2]}`, r[6]]));
    const second = library.scenarios.get(SECOND)!.title;
    const third = library.scenarios.get(THIRD)!.title;
    expect(statuses).toMatchObject({
      [`Tom/${second}`]: 'Failed',
      'Tom/The Trophy Room': 'In progress',
      'Aisha/The Trophy Room': 'Passed',
      [`Lucas/${third}`]: 'Overdue',
      [`Tom/${third}`]: 'Overdue',
      [`Lucas/${second}`]: 'Not started',
    });
    expect(rows.some((r) => r[0] === 'Aisha' && r[2] === third)).toBe(false);
  });

  it('shows the trainee: the score chart and every attempt with its full transcript', async () => {
    const { page } = trainer;
    await page.getByRole('link', { name: TRAINEE.name }).click();
    await page.getByRole('heading', { level: 1, name: TRAINEE.name }).waitFor();
    await settled(page);
    await page.locator('.chart-canvas canvas').waitFor();
    const attempts = page.locator('details.attempt');
    expect(await attempts.count()).toBe(2);
    // The newest (the expert's conversation) is open: each line, the choice, the seconds, the feedback.
    const s = library.scenarios.get(SCENARIO)!;
    const open = attempts.first();
    const firstTurn = open.locator('.turn').first();
    expect(await firstTurn.locator('.bubble.customer').textContent()).toContain(s.nodes[s.start].line.slice(0, 40));
    const choice = s.nodes[s.start].choices.find((c) => c.id === routes.best.steps[0])!;
    expect(await firstTurn.locator('.bubble.trainee').textContent()).toContain(choice.text.slice(0, 40));
    const seconds = (played[1].events[0] as { seconds: number }).seconds;
    expect(await firstTurn.locator('.secs').textContent()).toContain(`${seconds} s`);
    expect(await firstTurn.locator('[data-rule="feelings-first"]').count()).toBe(1);
    // Where the chosen reply sat among the replies as the game showed them.
    const shownOrder = displayedIds(s.nodes[s.start], s.start, seeds[1]);
    expect(await firstTurn.locator('.shown-at').textContent()).toBe(`reply ${shownOrder.indexOf(routes.best.steps[0]) + 1} of ${shownOrder.length} as shown`);
    expect(await open.locator('.turn').count()).toBe(played[1].events.length);
    // The older one opens on a click and shows the rules it broke.
    await attempts.nth(1).locator('summary').click();
    const worstRules = new Set(routes.worst.report.feedback.filter((f) => f.points < 0).map((f) => f.rule));
    const shown = await attempts.nth(1).locator('.fb.bad').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(shown.some((r) => worstRules.has(r as string))).toBe(true);
    await attempts.nth(1).locator('summary').click();
    await shot(page, 'trainee');
    await expectAccessible(page);
  });

  it('shows the common mistakes for the team and scenario', async () => {
    const { page } = trainer;
    await go(page, `#/teams/${teamId}/mistakes`);
    await page.getByLabel('Scenario').selectOption(SCENARIO);
    await page.waitForFunction((id) => location.hash.endsWith(`scenario=${id}`), SCENARIO);
    await settled(page);
    await page.getByRole('heading', { name: 'Rules most often broken' }).waitFor();
    // The rules the server lists are the penalties of the team's conversations, replayed here.
    const s = library.scenarios.get(SCENARIO)!;
    const penalties = new Set(trophyEvents.flatMap((events) => (replay(s, events) as { ok: true; report: { feedback: { rule: string; points: number }[] } }).report.feedback.filter((f) => f.points < 0).map((f) => f.rule)));
    const rules = await page.locator('.rule').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(new Set(rules)).toEqual(penalties);
    // At the first decision, the share of each opening choice over the team's conversations.
    const first = page.locator('.decision').first();
    expect(await first.getAttribute('data-node')).toBe(s.start);
    const openings = trophyEvents.map((events) => (events[0] as { choice: string }).choice);
    for (const id of new Set(openings)) {
      const share = Math.round((openings.filter((o) => o === id).length / openings.length) * 100);
      expect(await first.locator(`[data-choice="${id}"] .choice-count`).textContent()).toContain(`${share}%`);
    }
    expect(await first.locator(`[data-choice="${routes.best.steps[0]}"] .best-route`).count()).toBe(1);
    await shot(page, 'mistakes');
    await expectAccessible(page);
  });

  it('lists the scenario library and shows a scenario’s branches as a diagram', async () => {
    const { page } = trainer;
    await go(page, '#/scenarios');
    await page.locator(`tr[data-scenario="${SCENARIO}"]`).waitFor();
    expect(await page.locator('table.library tbody tr').count()).toBe(library.scenarios.size);
    expect(await page.locator(`tr[data-scenario="${SCENARIO}"]`).textContent()).toContain(`${routes.min.overall}–${routes.max.overall}`);
    await shot(page, 'scenarios');
    await expectAccessible(page);
    await page.locator(`tr[data-scenario="${SCENARIO}"] a`).click();
    await page.getByRole('heading', { level: 1, name: 'The Trophy Room' }).waitFor();
    await page.locator('.diagram-canvas svg').waitFor({ timeout: 60_000 });
    await settled(page);
    expect(await page.locator('.diagram-canvas svg .node').count()).toBeGreaterThan(10);
    await shot(page, 'scenario');
    await expectAccessible(page);
  });

  it('shows the file:line problems of a broken upload and saves nothing; a good file joins the library', async () => {
    const { page } = trainer;
    await go(page, '#/scenarios');
    const good = readFileSync(join(import.meta.dirname, '../../scenarios/trophy-room.yaml'), 'utf8').replace('id: trophy-room', 'id: trophy-room-night').replace('title: The Trophy Room', 'title: The Trophy Room at Night');
    const broken = good.replace('emotion: angry', 'emotion: livid').replace('moves: [argue]', 'moves: [argue-back]');
    const expected = parseScenario(broken, 'night.yaml');
    expect(expected.ok).toBe(false);

    await page.setInputFiles('#scenario-file', { name: 'night.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
    const problems = page.getByTestId('upload-problems');
    await problems.waitFor();
    const items = await problems.locator('li').allTextContents();
    expect(items).toEqual(expected.errors.map((e) => `${e.file}:${e.line}:${e.column}${e.message}`));
    expect(await problems.textContent()).toContain('nothing was saved');
    await shot(page, 'upload-errors');
    await expectAccessible(page);
    expect(await page.locator('tr[data-scenario="trophy-room-night"]').count()).toBe(0);

    await page.setInputFiles('#scenario-file', { name: 'night.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good) });
    await page.getByText('“The Trophy Room at Night” is in the library').waitFor();
    await page.locator('tr[data-scenario="trophy-room-night"]').waitFor();
    expect(await page.locator('tr[data-scenario="trophy-room-night"]').textContent()).toContain('Uploaded');
  });

  it('lets the trainee, signed in in the game, find the uploaded scenario and play it to the debrief', async () => {
    const { page } = trainee;
    await openTitle(page, server.url, '?typing=instant');
    await page.click('[data-action="sign-in"]');
    await page.getByRole('dialog', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(TRAINEE.email);
    await page.getByLabel('Password').fill(TRAINEE.password);
    await page.keyboard.press('Enter');
    await page.locator('[data-hook="account"]').waitFor();
    // The upload arrives from the server after sign-in; a guest never sees it.
    await page.click('[data-action="start"]');
    const card = page.locator('[data-screen="select"] [data-scenario="trophy-room-night"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('The Trophy Room at Night');
    await card.click();
    await page.waitForSelector('[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
    const d = await playInGame(page, routes.best.steps);
    expect(d.scenarioId).toBe('trophy-room-night');
    expect(d.result).toBe('pass');
    // The game sent the attempt itself; the server replayed it against the uploaded scenario.
    const sync = page.locator('[data-hook="sync"][data-sync="saved"]');
    await sync.waitFor();
    expect(await sync.getAttribute('data-server-score')).toBe(String(d.scores.overall));
    const mine = await (await trainee.context.request.get(`${server.url}/api/me/attempts`)).json();
    const stored = mine.attempts.find((a: { scenarioId: string }) => a.scenarioId === 'trophy-room-night');
    expect(stored?.score).toBe(d.scores.overall);
  });

  it('fits a 1024 px wide window', async () => {
    const { page } = trainer;
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const hash of [`#/teams/${teamId}/progress`, `#/teams/${teamId}`, '#/scenarios']) {
      await go(page, hash);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect([hash, overflow]).toEqual([hash, 0]);
    }
    await go(page, `#/teams/${teamId}/progress`);
    await shot(page, 'progress-1024', false);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('edits and withdraws an assignment with the keyboard', async () => {
    const { page } = trainer;
    await go(page, `#/teams/${teamId}`);
    await shot(page, 'team');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Edit or withdraw The Trophy Room' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Edit or withdraw The Trophy Room' }).click();
    await dialog.getByLabel('Pass mark').fill('95');
    await shot(page, 'edit-assignment', false);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const trophyRow = page.locator('tr', { has: page.getByRole('link', { name: 'The Trophy Room' }) });
    await trophyRow.locator('td.num', { hasText: /^95$/ }).waitFor();

    await page.getByRole('button', { name: 'Edit or withdraw The Trophy Room' }).click();
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw “The Trophy Room”?' });
    await confirm.getByRole('button', { name: 'Withdraw assignment' }).click();
    await page.getByRole('button', { name: 'Edit or withdraw The Trophy Room' }).waitFor({ state: 'detached' });
    expect(await page.locator('table').last().textContent()).toContain(library.scenarios.get(SECOND)!.title);
    // The attempts stay in the trainee's history: the two at the withdrawn assignment and the upload's.
    await go(page, '#/trainees/' + (await (await trainee.context.request.get(`${server.url}/api/me`)).json()).user.id);
    expect(await page.locator('details.attempt').count()).toBe(3);
  });

  it('sends a trainee who opens /trainer to the game', async () => {
    const { page } = trainee;
    await page.goto(`${server.url}/trainer`);
    await page.getByRole('heading', { level: 1, name: 'This page is for trainers' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open the game' }).getAttribute('href')).toBe('/');
    await expectAccessible(page);
  });

  it('logged no errors in either page', () => {
    expect(realErrors(trainer.errors)).toEqual([]);
    expect(trainee.errors).toEqual([]);
  });
});
