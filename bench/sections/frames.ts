// 3. Frames: requestAnimationFrame intervals over 10 s of the game's conversation scene (the
// customer's line typing out, portrait, patience draining) against the reference's idle title, and
// the main-thread work per frame from a Chromium trace of the same windows (a measure that does not
// jump in whole vsync steps). Windows alternate between the pages; the spread across windows shows
// whether a difference is larger than the noise.
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';
import { framesWithCost, freshPage } from '../support/browser.ts';
import { enterConversation, openGame, waitTitleReady } from '../support/game.ts';
import { pageServers } from '../support/pages.ts';

export const FRAMES_TARGET = 1.05;
/** Main-thread work per frame, p95, game / reference. */
export const COST_TARGET = 1.0;

interface Window {
  deltas: number[];
  costs: number[];
  busy: number;
}
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

async function referenceFrames(url: string, ms: number): Promise<Window> {
  const { context, page } = await freshPage();
  try {
    await page.goto(url);
    await waitTitleReady(page);
    await page.waitForTimeout(500);
    return await framesWithCost(page, ms);
  } finally {
    await context.close();
  }
}

async function gameFrames(url: string, ms: number): Promise<Window> {
  const { context, page } = await freshPage();
  try {
    // patienceScale=10: ten real seconds per game second, so the customer is still waiting when the
    // window closes (the patience meter keeps draining; nothing else changes).
    await openGame(page, url, '?patienceScale=10');
    await enterConversation(page, SCENARIO);
    await page.waitForTimeout(500);
    const measured = await framesWithCost(page, ms);
    if ((await page.locator('[data-screen="conversation"]').count()) === 0) throw new Error('the conversation ended during the frame measurement');
    return measured;
  } finally {
    await context.close();
  }
}

const spread = (values: number[]) => (values.length ? `${round(Math.min(...values), 2)}–${round(Math.max(...values), 2)}` : '–');

export async function framesSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const ms = quick ? 2000 : 12_000;
  // Alternating windows, so a noisy spell on the machine hits both pages alike.
  const rounds = quick ? 1 : 4;
  const game: Window[] = [];
  const reference: Window[] = [];
  for (let i = 0; i < rounds; i++) {
    progress(`frames: reference title, ${ms / rounds / 1000} s (window ${i + 1}/${rounds})`);
    reference.push(await referenceFrames(pages.reference, ms / rounds));
    progress(`frames: game conversation (${SCENARIO}), ${ms / rounds / 1000} s (window ${i + 1}/${rounds})`);
    game.push(await gameFrames(pages.game, ms / rounds));
  }
  const all = (ws: Window[], k: 'deltas' | 'costs') => ws.flatMap((w) => w[k]);
  const g = frameStats(all(game, 'deltas'));
  const r = frameStats(all(reference, 'deltas'));
  const gc = frameStats(all(game, 'costs'));
  const rc = frameStats(all(reference, 'costs'));
  const ratio50 = g.p50 / r.p50;
  const ratio95 = g.p95 / r.p95;
  const cost50 = gc.p50 / rc.p50;
  const cost95 = gc.p95 / rc.p95;
  const perWindow = (ws: Window[], k: 'deltas' | 'costs') => ws.map((w) => percentile(w[k], 95));
  const busy = (ws: Window[]) => median(ws.map((w) => w.busy));
  const row = (name: string, s: FrameStats) => [name, s.frames, round(s.p50, 2), round(s.p95, 2), round(s.p99, 2), round(s.max, 1), s.long];
  const costRow = (name: string, s: FrameStats, ws: Window[]) => [name, s.frames, round(s.p50, 2), round(s.p95, 2), round(s.p99, 2), spread(perWindow(ws, 'costs')), `${round(busy(ws) * 100, 1)}%`];
  return {
    title: 'Frames: conversation scene against the bare page',
    lines: [
      `Headless Chromium (software rendering: --disable-gpu), ${ms / 1000} s per page in ${rounds} alternating window(s): the game in the "${SCENARIO}" conversation (its line typing out, portrait, patience meter draining; \`?patienceScale=10\` so the customer is still waiting at the end), the reference on its idle title.`,
      '',
      '**requestAnimationFrame intervals** (what the player sees; on a software renderer they move in whole vsync steps):',
      '',
      ...table(['page', 'frames', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)', 'long frames (> 1.5x p50)'], [row('game', g), row('reference', r)]),
      '',
      `Ratio game / reference: p50 ${round(ratio50, 3)}x, **p95 ${round(ratio95, 3)}x** (target p95 <= ${FRAMES_TARGET}x); p95 per window: game ${spread(perWindow(game, 'deltas'))} ms, reference ${spread(perWindow(reference, 'deltas'))} ms.`,
      '',
      '**Main-thread work per frame** (a Chromium trace of the same windows: the top-level tasks between one animation frame callback and the next — script, style, layout, paint, Phaser step and render):',
      '',
      ...table(['page', 'frames', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'p95 per window (ms)', 'main thread busy'], [costRow('game', gc, game), costRow('reference', rc, reference)]),
      '',
      `Ratio game / reference: p50 ${round(cost50, 3)}x, **p95 ${round(cost95, 3)}x** (target p95 <= ${COST_TARGET}x). Where the per-window ranges of the two pages overlap, the difference is within this machine's noise.`,
    ],
    checks: [
      { name: 'Frame time p95 (conversation / bare page)', target: `<= ${FRAMES_TARGET}x`, value: `${round(ratio95, 3)}x (${round(g.p95, 1)} / ${round(r.p95, 1)} ms)`, ok: ratio95 <= FRAMES_TARGET },
      { name: 'Main-thread work per frame p95 (conversation / bare page)', target: `<= ${COST_TARGET}x`, value: `${round(cost95, 3)}x (${round(gc.p95, 2)} / ${round(rc.p95, 2)} ms)`, ok: cost95 <= COST_TARGET },
    ],
    data: { ms, rounds, game: g, reference: r, ratioP50: ratio50, ratioP95: ratio95, cost: { game: gc, reference: rc, ratioP50: cost50, ratioP95: cost95 } },
  };
}
