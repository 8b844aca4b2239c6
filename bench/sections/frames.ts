// 3. Frames: requestAnimationFrame intervals over 10 s of the game's conversation scene (the
// customer's line typing out, portrait, patience draining) against the reference's idle title.
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';
import { frameDeltas, freshPage } from '../support/browser.ts';
import { enterConversation, openGame, waitTitleReady } from '../support/game.ts';
import { pageServers } from '../support/pages.ts';

export const FRAMES_TARGET = 1.05;
const SCENARIO = 'trophy-room';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Frames longer than 1.5 normal frames (a missed vsync). */
  long: number;
}

export function frameStats(deltas: readonly number[]): FrameStats {
  const p50 = median(deltas);
  return {
    frames: deltas.length,
    p50,
    p95: percentile(deltas, 95),
    p99: percentile(deltas, 99),
    max: deltas.length ? Math.max(...deltas) : NaN,
    long: deltas.filter((d) => d > p50 * 1.5).length,
  };
}

async function referenceFrames(url: string, ms: number): Promise<number[]> {
  const { context, page } = await freshPage();
  try {
    await page.goto(url);
    await waitTitleReady(page);
    await page.waitForTimeout(500);
    return await frameDeltas(page, ms);
  } finally {
    await context.close();
  }
}

async function gameFrames(url: string, ms: number): Promise<number[]> {
  const { context, page } = await freshPage();
  try {
    // patienceScale=10: ten real seconds per game second, so the customer is still waiting when the
    // window closes (the patience meter keeps draining; nothing else changes).
    await openGame(page, url, '?patienceScale=10');
    await enterConversation(page, SCENARIO);
    await page.waitForTimeout(500);
    const deltas = await frameDeltas(page, ms);
    if ((await page.locator('[data-screen="conversation"]').count()) === 0) throw new Error('the conversation ended during the frame measurement');
    return deltas;
  } finally {
    await context.close();
  }
}

export async function framesSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const ms = quick ? 2000 : 10_000;
  // Two windows each, alternating, so a noisy spell on the machine hits both pages alike.
  const rounds = quick ? 1 : 2;
  const game: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < rounds; i++) {
    progress(`frames: reference title, ${ms / 1000} s (round ${i + 1}/${rounds})`);
    reference.push(...(await referenceFrames(pages.reference, ms / rounds)));
    progress(`frames: game conversation (${SCENARIO}), ${ms / 1000} s (round ${i + 1}/${rounds})`);
    game.push(...(await gameFrames(pages.game, ms / rounds)));
  }
  const g = frameStats(game);
  const r = frameStats(reference);
  const ratio50 = g.p50 / r.p50;
  const ratio95 = g.p95 / r.p95;
  const row = (name: string, s: FrameStats) => [name, s.frames, round(s.p50, 2), round(s.p95, 2), round(s.p99, 2), round(s.max, 1), s.long];
  return {
    title: 'Frames: conversation scene against the bare page',
    lines: [
      `requestAnimationFrame intervals in headless Chromium (software rendering: --disable-gpu), ${ms / 1000} s per page in ${rounds} alternating window(s): the game in the "${SCENARIO}" conversation (its line typing out, portrait, patience meter draining; \`?patienceScale=10\` so the customer is still waiting at the end), the reference on its idle title.`,
      '',
      ...table(['page', 'frames', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)', 'long frames (> 1.5x p50)'], [row('game', g), row('reference', r)]),
      '',
      `Ratio game / reference: p50 ${round(ratio50, 3)}x, **p95 ${round(ratio95, 3)}x** (target p95 <= ${FRAMES_TARGET}x).`,
    ],
    checks: [{ name: 'Frame time p95 (conversation / bare page)', target: `<= ${FRAMES_TARGET}x`, value: `${round(ratio95, 3)}x (${round(g.p95, 1)} / ${round(r.p95, 1)} ms)`, ok: ratio95 <= FRAMES_TARGET }],
    data: { ms, game: g, reference: r, ratioP50: ratio50, ratioP95: ratio95 },
  };
}
