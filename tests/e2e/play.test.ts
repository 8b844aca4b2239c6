// Plays scenarios to the debrief through the DOM buttons, checks the scores against the authoring
// CLI for the same transcript, runs axe on each screen, and saves screenshots.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseScenario } from '../../src/engine/load.ts';
import { replay } from '../../src/engine/replay.ts';
import { choiceIds, cliScore, nextMoment, openTitle, readDebrief, expectAccessible, scenarioText, settle, type DebriefReading } from './game.ts';
import { launchBrowser, newPage, ROOT, screenshot } from './support.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await newPage(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/**
 * Clicks a button. The first click of a conversation is a real pointer click (it proves nothing covers
 * the buttons); later ones call the button's click() in the page, which runs the same handler without
 * Playwright's per-click wait on this slow software-rendered machine.
 */
async function clickButton(selector: string, pointer: boolean): Promise<void> {
  if (pointer) await page.click(selector);
  else await page.$eval(selector, (b) => (b as HTMLButtonElement).click());
}

/**
 * Plays to the debrief, clicking the choice `pick` names at each turn. Lines appear at once
 * (?typing=instant: typing and skipping it are covered by keyboard.test.ts). Returns the choices made.
 */
async function playThrough(pick: (turn: number, ids: string[]) => string, shots = false): Promise<string[]> {
  const made: string[] = [];
  for (let guard = 0; guard < 80; guard++) {
    const moment = await nextMoment(page);
    if (moment === 'debrief') return made;
    if (moment === 'continue') {
      await clickButton('[data-action="continue"]', made.length === 0);
      continue;
    }
    const ids = await choiceIds(page);
    if (shots && made.length === 0) {
      await settle(page);
      await page.waitForTimeout(300); // the choices slide in
      await screenshot(page, 'conversation');
      await expectAccessible(page);
    }
    const id = pick(made.length, ids);
    made.push(id);
    await clickButton(`.choice[data-choice="${id}"]`, made.length === 1);
  }
  throw new Error('the conversation did not end');
}

function expectSameScores(d: DebriefReading): void {
  const s = parseScenario(scenarioText(d.scenarioId), d.scenarioId);
  if (!s.ok) throw new Error('scenario did not load');
  const local = replay(s.scenario, d.events);
  expect(local.ok).toBe(true);
  const cli = cliScore(d.scenarioId, d.events);
  if (local.ok) expect(cli).toEqual(local.report);
  expect(d.scores).toEqual({ overall: cli.overall, empathy: cli.empathy, ownership: cli.ownership, timing: cli.timing });
  expect(d.satisfaction).toBe(Math.round(cli.satisfaction));
  expect(d.outcome).toBe(cli.outcome);
  expect(d.result).toBe(cli.passed ? 'pass' : 'fail');
  // Every answer took at least a second and at most the customer's patience, with one decimal.
  for (const [i, e] of d.events.entries()) {
    if (e.type !== 'player.choose') continue;
    expect(e.seconds).toBeGreaterThanOrEqual(1);
    expect(e.seconds).toBeLessThanOrEqual(cli.turns[i].patience);
    expect(Math.round(e.seconds * 10) / 10).toBe(e.seconds);
  }
}

describe('playing through the DOM', () => {
  it('plays trophy-room to the debrief; the scores match the CLI; screens pass axe', async () => {
    await openTitle(page, baseUrl, '?typing=instant');
    await settle(page);
    await screenshot(page, 'title');
    await expectAccessible(page);

    await page.click('[data-action="start"]');
    await page.waitForSelector('[data-screen="select"]');
    await settle(page);
    await screenshot(page, 'select');
    await page.click('[data-scenario="trophy-room"]');
    await page.waitForSelector('[data-screen="briefing"]');
    await settle(page);
    await screenshot(page, 'briefing');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');

    // A good player who misses one step of the expert path: asking what matters most.
    const route = ['feel-and-sorry', 'options-straight', 'fix-now', 'breakfast', 'explain-and-promise', 'kept-word'];
    const made = await playThrough((turn, ids) => (ids.includes(route[turn]) ? route[turn] : ids[0]), true);
    expect(made).toEqual(route);
    await settle(page);
    await page.waitForTimeout(800); // the score ring fills
    await screenshot(page, 'debrief');
    const d = await readDebrief(page);
    expect(d.scenarioId).toBe('trophy-room');
    expect(d.events.map((e) => (e.type === 'player.choose' ? e.choice : null))).toEqual(made);
    expectSameScores(d);
    expect(d.outcome).toBe('won-back');
    expect(d.result).toBe('pass');
    // The expert path shows where this player differed, and where the expert never went.
    expect(await page.$$eval('.expert-diff', (e) => e.length)).toBeGreaterThan(0);
    expect(await page.$$eval('.expert-same', (e) => e.length)).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it.runIf(existsSync(join(ROOT, 'scenarios/missed-callback.yaml')))('plays missed-callback to the debrief; the scores match the CLI', async () => {
    await page.click('[data-action="menu"]');
    await page.waitForSelector('[data-screen="select"]');
    // The select screen now shows the best score for the scenario just played.
    expect(await page.textContent('[data-scenario="trophy-room"] .best')).toMatch(/Best \d+/);
    await page.click('[data-scenario="missed-callback"]');
    await page.waitForSelector('[data-screen="briefing"]');
    await page.click('[data-action="begin"]');
    await page.waitForSelector('[data-screen="conversation"]');
    await playThrough((_turn, ids) => ids[0]);
    const d = await readDebrief(page);
    expect(d.scenarioId).toBe('missed-callback');
    expectSameScores(d);
    // Try again starts the same conversation over.
    await page.click('[data-action="retry"]');
    await page.waitForSelector('[data-screen="conversation"]');
    const opening = parseScenario(scenarioText('missed-callback'), 'missed-callback');
    if (opening.ok) await page.waitForFunction((text) => document.querySelector('#live-line')?.textContent?.includes(text), opening.scenario.nodes[opening.scenario.start].line);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
