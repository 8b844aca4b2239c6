// 2. Load: navigation to an interactive title screen in headless Chromium, production builds on
// 127.0.0.1, fresh context (cold cache) every time, game and reference alternating in one loop.
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';
import { freshPage, waitTitleReady } from '../support/browser.ts';
import { pageServers } from '../support/pages.ts';

export const LOAD_TARGET = 0.35;

async function loadOnce(url: string): Promise<number> {
  const { context, page } = await freshPage();
  try {
    await page.goto(url);
    return await waitTitleReady(page);
  } finally {
    await context.close();
  }
}

export async function loadSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const runs = quick ? 3 : 15;
  progress(`load: ${runs} cold loads of each page, alternating (plus one warm-up each)`);
  await loadOnce(pages.reference);
  await loadOnce(pages.game);
  const game: number[] = [];
  const reference: number[] = [];
  const deadline = Date.now() + (quick ? 40_000 : 240_000);
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    // Swap the order every round so neither page always follows the other.
    if (i % 2 === 0) {
      reference.push(await loadOnce(pages.reference));
      game.push(await loadOnce(pages.game));
    } else {
      game.push(await loadOnce(pages.game));
      reference.push(await loadOnce(pages.reference));
    }
    progress(`load: run ${i + 1}: game ${Math.round(game.at(-1) as number)} ms, reference ${Math.round(reference.at(-1) as number)} ms`);
  }
  const g = median(game);
  const r = median(reference);
  // Also the median of the per-round ratios: each pair ran back to back, so it cancels slow spells.
  const pairRatio = median(game.map((v, i) => v / reference[i]));
  const ratio = g / r;
  return {
    title: 'Load: navigation to an interactive title screen',
    lines: [
      `Headless Chromium, 1280x720, a fresh browser context (empty cache) per load, ${game.length} loads of each page alternating. Interactive: the reference's menu has drawn its first frame (\`window.__titleReady\`); the game's Start button is in the DOM, enabled and visible. Times are \`performance.now()\` in the page, from navigation start.`,
      '',
      ...table(
        ['page', 'median (ms)', 'min', 'p90', 'runs'],
        [
          ['game', round(g, 0), round(Math.min(...game), 0), round(percentile(game, 90), 0), game.map((v) => Math.round(v)).join(', ')],
          ['reference', round(r, 0), round(Math.min(...reference), 0), round(percentile(reference, 90), 0), reference.map((v) => Math.round(v)).join(', ')],
        ],
      ),
      '',
      `Ratio of medians game / reference: **${round(ratio, 3)}x** (median of per-round ratios ${round(pairRatio, 3)}x; target <= ${LOAD_TARGET}x).`,
    ],
    checks: [{ name: 'Load to interactive title (game / reference, medians)', target: `<= ${LOAD_TARGET}x`, value: `${round(ratio, 3)}x`, ok: ratio <= LOAD_TARGET }],
    data: { runs: game.length, game, reference, medianGame: g, medianReference: r, ratio, pairRatio },
  };
}
