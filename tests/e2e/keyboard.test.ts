// Keyboard-only play, the customer's patience running out, and resuming after a reload.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { replay } from '../../src/engine/replay.ts';
import { DEFAULT_SILENCE_LINE } from '../../src/game/session.ts';
import { choiceIds, liveLine, nextMoment, openTitle, readDebrief, expectAccessible, startScenario } from './game.ts';
import { launchBrowser, newPage } from './support.ts';

const baseUrl = inject('baseUrl');
const library = loadLibrary();
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

const focusedAction = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? (document.activeElement as HTMLElement | null)?.dataset.scenario ?? document.activeElement?.tagName);

describe('keyboard only', () => {
  it('plays a scenario from the title to the debrief without the mouse', async () => {
    await openTitle(page, baseUrl);
    expect(await focusedAction()).toBe('start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="select"]');
    // Arrow keys move between the cards.
    const first = await focusedAction();
    await page.keyboard.press('ArrowRight');
    expect(await focusedAction()).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedAction()).toBe(first);
    const scenarioId = (await focusedAction()) as string;
    expect(library.scenarios.has(scenarioId)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="briefing"]');
    expect(await focusedAction()).toBe('begin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="conversation"]');

    let sawPause = false;
    for (let guard = 0; guard < 80; guard++) {
      // Enter skips the typing; if the line is already shown, it does nothing harmful.
      await page.keyboard.press('Enter');
      const moment = await nextMoment(page);
      if (moment === 'debrief') break;
      if (moment === 'continue') {
        expect(await focusedAction()).toBe('continue');
        await page.keyboard.press('Enter');
        continue;
      }
      // The first choice has focus when the choices appear.
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).classList.contains('choice'))).toBe(true);
      if (!sawPause) {
        // Esc pauses: the patience meter stops; Esc again resumes.
        sawPause = true;
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-modal="pause"]');
        const before = await page.$eval('#meter-patience', (e) => e.getAttribute('aria-valuenow'));
        await page.waitForTimeout(1200);
        expect(await page.$eval('#meter-patience', (e) => e.getAttribute('aria-valuenow'))).toBe(before);
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-modal="pause"]', { state: 'detached' });
      }
      const ids = await choiceIds(page);
      await page.keyboard.press(String(Math.min(ids.length, 2)));
    }
    await page.waitForSelector('[data-screen="debrief"]');
    const d = await readDebrief(page);
    expect(d.scenarioId).toBe(scenarioId);
    const r = replay(library.scenarios.get(scenarioId)!, d.events);
    expect(r.ok).toBe(true);
    if (r.ok) expect(d.scores.overall).toBe(r.report.overall);
    // The debrief's actions are reachable with Tab.
    await page.keyboard.press('Tab');
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      reached.push(String(await focusedAction()));
      await page.keyboard.press('Tab');
    }
    expect(reached).toContain('retry');
  });
});

describe('patience', () => {
  // A scenario whose first line has a scripted reaction to silence shows that line; otherwise the
  // customer asks whether anyone is there.
  const withSilence = [...library.scenarios.values()].find((s) => s.nodes[s.start].silence?.line);
  const scenario = withSilence ?? library.scenarios.get('trophy-room')!;

  it(`runs out when the player hesitates, and the customer acts (${scenario.id}, ?patienceScale=0.1)`, async () => {
    await openTitle(page, baseUrl, '?patienceScale=0.1');
    await startScenario(page, scenario.id);
    await page.keyboard.press('Enter');
    await nextMoment(page);
    const start = scenario.nodes[scenario.start];
    // Do nothing: a tenth of the patience in real time, then the customer's reaction.
    const expected = start.silence?.line ?? DEFAULT_SILENCE_LINE;
    await page.waitForFunction((text) => document.querySelector('#live-line')?.textContent?.includes(text), expected, { timeout: (start.patience ?? scenario.customer.patience) * 100 + 10_000 });
    expect(await liveLine(page)).toContain(expected);
    const moment = await nextMoment(page);
    const silence = start.silence;
    if (!silence) {
      // No scripted reaction: the customer stays at the same point and the choices come back.
      expect(moment).toBe('choices');
      return;
    }
    // Silence moved the conversation on: Continue to what happens next.
    expect(moment).toBe('continue');
    await page.keyboard.press('Enter');
    const target = typeof silence.next === 'string' ? silence.next : null;
    const nextLine = target ? (scenario.nodes[target]?.line ?? scenario.endings[target]?.line) : null;
    if (nextLine) await page.waitForFunction((text) => document.querySelector('#live-line')?.textContent?.includes(text), nextLine);
    if (target && scenario.endings[target]) {
      await page.keyboard.press('Enter');
      await nextMoment(page);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-screen="debrief"]');
      const d = await readDebrief(page);
      expect(d.events).toEqual([{ type: 'customer.patienceExpired' }]);
      expect(d.outcome).toBe(scenario.endings[target].outcome);
      await page.waitForSelector('.turn-silence');
      return;
    }
    // The saved transcript records the silence as the first turn, and the engine agrees with it.
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mir.conversation.v1') ?? 'null'));
    const turns = saved.snapshot.context.turns as { node: string; choice: string | null }[];
    expect(turns[0]).toMatchObject({ node: scenario.start, choice: null });
    const r = replay(scenario, [{ type: 'customer.patienceExpired' }]);
    expect(r.ok && r.context.node).toBe(saved.snapshot.context.node);
  });
});

describe('save and resume', () => {
  it('reloads mid-conversation and resumes at the same line', async () => {
    const s = library.scenarios.get('trophy-room')!;
    await openTitle(page, baseUrl);
    await startScenario(page, 'trophy-room');
    await page.keyboard.press('Enter');
    expect(await nextMoment(page)).toBe('choices');
    // The replies are shown in the attempt's shuffled order: press the key of the first reply in the file.
    const first = s.nodes.opening.choices[0];
    await page.keyboard.press(String((await choiceIds(page)).indexOf(first.id) + 1));
    // The next line, with its choices.
    await page.keyboard.press('Enter');
    expect(await nextMoment(page)).toBe('choices');
    const line = await liveLine(page);
    const ids = await choiceIds(page);
    const next = s.nodes[first.next as string];
    expect(line).toContain(next.line);
    await page.waitForTimeout(1500);

    await page.reload();
    await page.waitForSelector('[data-screen="title"]');
    expect(await focusedAction()).toBe('resume');
    expect(await page.textContent('[data-action="resume"]')).toContain(s.title);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-screen="conversation"]');
    await page.waitForFunction((text) => document.querySelector('#live-line')?.textContent?.includes(text), next.line);
    await page.keyboard.press('Enter');
    expect(await nextMoment(page)).toBe('choices');
    expect(await choiceIds(page)).toEqual(ids);
    // The seconds already spent at this line were kept: the patience meter is not full.
    expect(Number(await page.$eval('#meter-patience', (e) => e.getAttribute('aria-valuenow')))).toBeLessThan(100);
    await expectAccessible(page);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
