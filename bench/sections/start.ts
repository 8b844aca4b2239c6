// 3. Start: Start pressed on a cold title -> the customer's first line on screen, against the bare
// Phaser page's boot to its first frame (navigation start -> its menu drawn). Both from an empty
// cache, alternating; the game's clicks through the scenario list and briefing are made as soon as
// each screen is there, so what is measured is the game's own work and downloads, not reading.
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';
import { freshPage, waitTitleReady } from '../support/browser.ts';
import { pageServers } from '../support/pages.ts';
import type { Page } from 'playwright-core';

export const START_TARGET = 1.0;
const SCENARIO = 'trophy-room';

/** Milliseconds from the Start click to the customer's first line in the conversation. */
export async function startToFirstLine(page: Page, scenarioId = SCENARIO): Promise<number> {
  await waitTitleReady(page);
  const t0 = await page.evaluate(() => {
    const now = performance.now();
    document.querySelector<HTMLElement>('[data-screen="title"] [data-action="start"]')?.click();
    return now;
  });
  // force: click as soon as the element is there, without waiting for entrance animations to settle.
  await page.locator(`[data-screen="select"] [data-scenario="${scenarioId}"]`).click({ force: true, timeout: 60_000 });
  await page.locator('[data-screen="briefing"] [data-action="begin"]').click({ force: true, timeout: 60_000 });
  const h = await page.waitForFunction(
    () => {
      const line = document.querySelector('[data-screen="conversation"]') && document.querySelector('#live-line')?.textContent;
      return line ? performance.now() : 0;
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const t1 = (await h.jsonValue());
  await h.dispose();
  return t1 - t0;
}

async function once(url: string, measure: (page: Page) => Promise<number>): Promise<number> {
  const { context, page } = await freshPage();
  try {
    await page.goto(url);
    return await measure(page);
  } finally {
    await context.close();
  }
}

export async function startSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const runs = quick ? 3 : 11;
  progress(`start: ${runs} cold Start -> first line runs, alternating with the reference's boot`);
  const game: number[] = [];
  const reference: number[] = [];
  await once(pages.game, (p) => startToFirstLine(p)); // warm-up: the server's first requests
  for (let i = 0; i < runs; i++) {
    const g = () => once(pages.game, (p) => startToFirstLine(p)).then((v) => game.push(v));
    const r = () => once(pages.reference, (p) => waitTitleReady(p)).then((v) => reference.push(v));
    if (i % 2 === 0) await g().then(r);
    else await r().then(g);
    progress(`start: run ${i + 1}: game ${Math.round(game.at(-1) as number)} ms, reference boot ${Math.round(reference.at(-1) as number)} ms`);
  }
  const gm = median(game);
  const rm = median(reference);
  const ratio = gm / rm;
  return {
    title: 'Start: Start pressed -> the customer\'s first line',
    lines: [
      `Headless Chromium, 1280x720, a fresh context (empty cache) per run, ${game.length} runs of each alternating. Game: from the Start click on the title (as soon as it is interactive) to the first line of ${SCENARIO} in the conversation's live region, clicking the scenario and Begin as soon as they appear. Reference: the bare Phaser page from navigation start to its first drawn frame.`,
      '',
      ...table(
        ['page', 'median (ms)', 'min', 'p90', 'runs'],
        [
          ['game: Start -> first line', round(gm, 0), round(Math.min(...game), 0), round(percentile(game, 90), 0), game.map((v) => Math.round(v)).join(', ')],
          ['reference: boot -> first frame', round(rm, 0), round(Math.min(...reference), 0), round(percentile(reference, 90), 0), reference.map((v) => Math.round(v)).join(', ')],
        ],
      ),
      '',
      `Ratio of medians: **${round(ratio, 3)}x** (target <= ${START_TARGET}x).`,
    ],
    checks: [{ name: 'Start -> first line (game / reference boot, medians)', target: `<= ${START_TARGET}x`, value: `${round(ratio, 3)}x (${round(gm, 0)} / ${round(rm, 0)} ms)`, ok: ratio <= START_TARGET }],
    data: { runs: game.length, game, reference, medianGame: gm, medianReference: rm, ratio },
  };
}
