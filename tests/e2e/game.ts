// Drives the game through its DOM layer, the way a keyboard or screen-reader user would.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import type { ConversationReport } from '../../src/engine/report.ts';
import { ROOT } from './support.ts';

export async function openTitle(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForSelector('[data-screen="title"]');
}

/** Title → select → briefing → conversation, by clicking. */
export async function startScenario(page: Page, id: string): Promise<void> {
  await page.click('[data-action="start"]');
  await page.waitForSelector('[data-screen="select"]');
  await page.click(`[data-scenario="${id}"]`);
  await page.waitForSelector('[data-screen="briefing"]');
  await page.click('[data-action="begin"]');
  await page.waitForSelector('[data-screen="conversation"]');
}

export type Moment = 'choices' | 'continue' | 'debrief';

/** Waits until the player can act: unlocked choices, a Continue button, or the debrief. */
export async function nextMoment(page: Page, timeout = 60_000): Promise<Moment> {
  const handle = await page.waitForFunction(
    () => {
      if (document.querySelector('[data-screen="debrief"]')) return 'debrief';
      if (document.querySelector('[data-action="continue"]')) return 'continue';
      if (document.querySelector('.choice[data-choice][aria-disabled="false"]')) return 'choices';
      return false;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as Moment;
}

export async function choiceIds(page: Page): Promise<string[]> {
  return page.$$eval('.choice[data-choice]', (els) => els.map((e) => (e as HTMLElement).dataset.choice as string));
}

/** The line the game announced last (the aria-live region). */
export async function liveLine(page: Page): Promise<string> {
  return page.$eval('#live-line', (e) => e.textContent ?? '');
}

export interface DebriefReading {
  scenarioId: string;
  events: ConversationEvent[];
  scores: Record<'overall' | 'empathy' | 'ownership' | 'timing', number>;
  satisfaction: number;
  outcome: string;
  result: 'pass' | 'fail';
}

export async function readDebrief(page: Page): Promise<DebriefReading> {
  return page.$eval('[data-screen="debrief"]', (root) => {
    const score = (k: string) => Number(root.querySelector(`[data-score="${k}"]`)?.textContent);
    return {
      scenarioId: (root as HTMLElement).dataset.scenario as string,
      events: JSON.parse((root as HTMLElement).dataset.events as string),
      scores: { overall: score('overall'), empathy: score('empathy'), ownership: score('ownership'), timing: score('timing') },
      satisfaction: parseFloat(root.querySelector('[data-score="satisfaction"]')?.textContent ?? 'NaN'),
      outcome: (root.querySelector('[data-outcome]') as HTMLElement).dataset.outcome as string,
      result: (root.querySelector('[data-result]') as HTMLElement).dataset.result as 'pass' | 'fail',
    };
  });
}

/** Scores from the authoring CLI for the same choices and seconds. */
export function cliScore(id: string, events: ConversationEvent[]): ConversationReport {
  const choices = events.map((e) => (e.type === 'player.choose' ? e.choice : 'silence'));
  // The CLI ignores the seconds at a silence; any number keeps the positions aligned.
  const seconds = events.map((e) => (e.type === 'player.choose' ? String(e.seconds) : '1'));
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'play', id, '--choices', choices.join(','), '--seconds', seconds.join(','), '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // The CLI's JSON is the report plus the seed its numbers were read in (null here: ids were given).
  const { seed: _seed, ...report } = JSON.parse(out) as ConversationReport & { seed: number | null };
  return report;
}

export function scenarioText(id: string): string {
  return readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');
}

export async function runAxe(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  // Evaluated rather than added as a <script>: the server's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Waits until the visible scene's fade-in has finished, so screenshots show the scene at rest. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const game = (window as unknown as { makeItRight?: { game: { scene: { getScenes(active: boolean): { cameras: { main: { fadeEffect: { isRunning: boolean } } } }[] } } } }).makeItRight?.game;
    return !!game && game.scene.getScenes(true).every((s) => !s.cameras.main.fadeEffect.isRunning);
  });
  await page.waitForTimeout(250);
}

/** Fails with axe's findings when the page has accessibility violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/**
 * Plays the current conversation through the DOM buttons, picking `want[turn]` when offered (else
 * the first choice), and reads the debrief. `skipTyping` presses Enter before each turn, as a keyboard
 * user skips a line typing out.
 */
export async function playInGame(page: Page, want: readonly string[], options: { skipTyping?: boolean } = {}): Promise<DebriefReading> {
  const made: string[] = [];
  for (let guard = 0; guard < 80; guard++) {
    if (options.skipTyping) await page.keyboard.press('Enter');
    const moment = await nextMoment(page);
    if (moment === 'debrief') return readDebrief(page);
    if (moment === 'continue') {
      await page.$eval('[data-action="continue"]', (b) => (b as HTMLButtonElement).click());
      continue;
    }
    const ids = await choiceIds(page);
    const id = ids.includes(want[made.length]) ? want[made.length] : ids[0];
    made.push(id);
    await page.$eval(`.choice[data-choice="${id}"]`, (b) => (b as HTMLButtonElement).click());
  }
  throw new Error('the conversation did not end');
}
