// The scenario studio in Chromium against the real server: a trainer starts a scenario from scratch,
// adds and renames nodes from the outline with the keyboard, sees the checks put a problem on the
// field it concerns and fixes it, links a reply to a node by dragging in the graph, previews the
// draft in the game (nothing is recorded), publishes it and assigns it; a trainee plays it with the
// version's generated portrait; the trainer publishes version 2 and the trainee's attempt still
// replays on version 1. axe finds nothing serious on the studio. Screenshots: docs/screenshots/studio-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTitle, playInGame, runAxe } from './game.ts';
import { finishedDraft, STUDIO_ID } from './studio-draft.ts';
import { launchBrowser, newPage, ROOT, startServer, type RunningServer } from './support.ts';

const CSRF = { 'x-requested-with': 'make-it-right' };
const SHOTS = join(ROOT, 'docs/screenshots');
const BEST = ['listen', 'own-it', 'cover-fee'];
const V1_LINE = 'You took my money twice and my rent bounced!';
const V2_LINE = 'You have charged me twice this month. Twice!';

let server: RunningServer;
let browser: Browser;
let trainer: { context: BrowserContext; page: Page; errors: string[] };
let trainee: { context: BrowserContext; page: Page; errors: string[] };
let teamId = 0;
let firstAttempt = 0;

/** Chromium logs refused requests to the console; these are part of the story (signed-out check, a stale preview). */
const realErrors = (errors: string[]) => errors.filter((e) => !/status of (401|404|409|422)/.test(e));

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.toast'), undefined, { timeout: 10_000 });
  await page.screenshot({ path: join(SHOTS, `studio-${name}.png`) });
}

async function savedDraft(page: Page): Promise<void> {
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('.save-state')?.textContent ?? ''), undefined, { timeout: 20_000 });
}

async function yamlOf(page: Page): Promise<string> {
  const r = await trainer.context.request.get(`${server.url}/api/trainer/studio/${STUDIO_ID}`);
  void page;
  return ((await r.json()) as { draft: { yaml: string } }).draft.yaml;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  trainer = await newPage(browser);
  trainee = await newPage(browser);
  await trainer.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await trainer?.context.close();
  await trainee?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('the scenario studio', () => {
  it('a trainer builds a scenario from scratch: outline by keyboard, a problem on its field, a link in the graph', async () => {
    const api = trainer.context.request;
    expect((await api.post(`${server.url}/api/setup`, { headers: CSRF, data: { name: 'Maria Okafor', email: 'maria@example.com', password: 'trainer password' } })).status()).toBe(201);
    const team = await api.post(`${server.url}/api/teams`, { headers: CSRF, data: { name: 'Billing' } });
    const t = (await team.json()) as { id: number; inviteCode: string };
    teamId = t.id;
    const join = await trainee.context.request.post(`${server.url}/api/join`, { headers: CSRF, data: { inviteCode: t.inviteCode, name: 'Priya Raman', email: 'priya@example.com', password: 'trainee password' } });
    expect(join.status()).toBe(201);

    const { page } = trainer;
    await page.goto(`${server.url}/trainer#/studio`);
    await page.getByRole('button', { name: 'New from scratch' }).click();
    await page.waitForSelector('[role="tree"]');
    await page.waitForSelector('.checks-summary');

    // The outline from the keyboard: add a node to the Nodes group (N), rename it (F2), twice.
    const focused = (key: string) => page.waitForFunction((k) => document.activeElement?.getAttribute('data-key') === k, key, { timeout: 10_000 });
    const press = async (key: string, lands: string) => {
      await page.keyboard.press(key);
      await focused(lands);
    };
    await page.focus('[data-key="scenario"]');
    await press('ArrowDown', 'group:nodes');
    for (const name of ['explain', 'resolve']) {
      await page.keyboard.press('n');
      await page.waitForSelector('[data-key="node:node"]');
      // The tree re-renders with the new node (and its checks) before it takes the next key.
      await page.waitForFunction(() => document.querySelector('[data-key="group:nodes"]')?.textContent?.match(/\((\d+)\)/)?.[1] === String(document.querySelectorAll('[data-key^="node:"]').length));
      await page.waitForTimeout(300);
      await press('End', 'ending:lost');
      await press('ArrowUp', 'ending:won');
      await press('ArrowUp', 'group:endings');
      await press('ArrowUp', 'node:node');
      await page.keyboard.press('F2');
      await page.waitForSelector('.outline-rename');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await focused(`node:${name}`);
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#form-title')?.textContent?.includes('resolve'));

    // The new node has no line yet: the checks put that on the Line field, and on the outline.
    const lineField = page.locator('.field', { has: page.locator('[data-path="nodes.resolve.line"]') });
    await lineField.locator('.field-error').waitFor();
    expect(await lineField.locator('.field-error').textContent()).toContain('needs a line');
    expect(await page.getAttribute('[data-path="nodes.resolve.line"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-key="node:resolve"] .outline-problems').count()).toBe(1);
    await shot(page, 'problem');
    await page.focus('[data-path="nodes.resolve.line"]');
    await page.keyboard.type('Fine. And the bank fee?');
    await lineField.locator('.field-error').waitFor({ state: 'detached' });
    await shot(page, 'outline');

    // The graph: drag from the opening's first reply to the "explain" card.
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.waitForSelector('.react-flow__node[data-id="explain"]');
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForTimeout(400);
    const from = await page.locator('.react-flow__node[data-id="opening"] [data-handleid="reply-0"]').boundingBox();
    const to = await page.locator('.react-flow__node[data-id="explain"]').boundingBox();
    if (!from || !to) throw new Error('graph not drawn');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 20, to.y + to.height / 2, { steps: 8 });
    await page.mouse.move(to.x + 12, to.y + to.height / 2, { steps: 2 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid="rf__edge-opening-0-0-explain"]');
    await savedDraft(page);
    expect(await yamlOf(page)).toMatch(/- id: listen[\s\S]*?next: explain/);
    await shot(page, 'graph');
    expect(realErrors(trainer.errors)).toEqual([]);
  });

  it('previews the draft in the game without recording it, publishes and assigns it', async () => {
    const { page } = trainer;
    // The replies' words, typed into the YAML view (the same draft, now complete).
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.fill('#yaml-text', finishedDraft('Charged twice', V1_LINE));
    await page.waitForSelector('.checks-summary.good', { timeout: 30_000 });
    await savedDraft(page);

    const posts: string[] = [];
    const [preview] = await Promise.all([trainer.context.waitForEvent('page'), page.getByRole('button', { name: 'Preview' }).click()]);
    preview.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/attempts') && posts.push(r.url()));
    await preview.waitForSelector('[data-screen="briefing"]');
    expect(await preview.textContent('.preview-banner')).toContain('nothing you play here is recorded');
    await preview.waitForTimeout(200);
    await preview.screenshot({ path: join(SHOTS, 'studio-preview.png') });
    await preview.click('[data-action="begin"]');
    await preview.waitForSelector('[data-screen="conversation"]');
    const debrief = await playInGame(preview, BEST, { skipTyping: true });
    expect(debrief.scores.overall).toBeGreaterThan(50);
    expect(posts).toEqual([]);
    await preview.close();

    await page.getByRole('tab', { name: 'Form' }).click();
    const violations = await runAxe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForSelector('.version-list li');
    expect(await page.textContent('.version-list')).toContain('Version 1');
    // Voice and art: made in the background; without espeak-ng the studio says so.
    await page.waitForFunction(() => /ready|Portraits only/.test(document.querySelector('.version-list .media-state')?.textContent ?? ''), undefined, { timeout: 60_000 });

    const a = await trainer.context.request.post(`${server.url}/api/assignments`, { headers: CSRF, data: { teamId, scenarioId: STUDIO_ID, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), passMark: 60 } });
    expect(a.status()).toBe(201);
    expect(realErrors(trainer.errors)).toEqual([]);
  });

  it('a trainee plays version 1 with its generated portrait; version 2 leaves that attempt on version 1', async () => {
    const { page } = trainee;
    const media: string[] = [];
    page.on('response', (r) => r.url().includes(`/api/studio-media/${STUDIO_ID}/1/`) && r.ok() && media.push(r.url()));
    await openTitle(page, server.url, '?typing=instant');
    await page.click('[data-action="sign-in"]');
    await page.getByRole('dialog', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('priya@example.com');
    await page.getByLabel('Password').fill('trainee password');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Sign in' }).waitFor({ state: 'detached' });
    await page.locator('[data-hook="account"]').waitFor();
    await page.click('[data-action="start"]');
    await page.waitForSelector(`[data-scenario="${STUDIO_ID}"]`);
    await page.click(`[data-scenario="${STUDIO_ID}"]`);
    await page.waitForSelector('[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
    await playInGame(page, BEST, { skipTyping: true });
    expect(media.some((u) => /portrait|\.png/.test(u))).toBe(true);
    await page.waitForFunction(async () => ((await (await fetch('/api/me/attempts')).json()) as { attempts: unknown[] }).attempts.length > 0, undefined, { timeout: 20_000 });
    const mine = (await (await trainee.context.request.get(`${server.url}/api/me/attempts`)).json()) as { attempts: { id: number; scenarioVersion: number }[] };
    expect(mine.attempts[0].scenarioVersion).toBe(1);
    firstAttempt = mine.attempts[0].id;

    // The trainer edits the opening line in the form and publishes version 2.
    const t = trainer.page;
    await t.click('[data-key="node:opening"]');
    await t.fill('[data-path="nodes.opening.line"]', V2_LINE);
    await savedDraft(t);
    await t.getByRole('button', { name: 'Publish', exact: true }).click();
    await t.waitForFunction(() => document.querySelector('.version-list')?.textContent?.includes('Version 2'));

    const replayed = (await (await trainer.context.request.get(`${server.url}/api/attempts/${firstAttempt}`)).json()) as { scenarioVersion: number; transcript: unknown };
    expect(replayed.scenarioVersion).toBe(1);
    expect(JSON.stringify(replayed.transcript)).toContain(V1_LINE);
    expect(JSON.stringify(replayed.transcript)).not.toContain(V2_LINE);
    expect(realErrors(trainee.errors)).toEqual([]);
  });
});
