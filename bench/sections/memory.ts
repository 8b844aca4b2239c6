// 6. Memory: the game's JS heap after each of 5 scenarios played in a row (forced GC before each
// reading; no growth between the 2nd and the 5th), and the server's peak RSS under the load of the
// server and leaderboard sections.
import { progress, round, table, type SectionResult } from '../lib.ts';
import { freshPage } from '../support/browser.ts';
import { facts } from '../support/facts.ts';
import { chooseAnother, enterConversation, openGame, playFirstChoices, scenarioIds } from '../support/game.ts';
import { pageServers } from '../support/pages.ts';

/** "No growth": the 5th reading may exceed the 2nd by at most this much (GC and JIT noise). */
export const HEAP_TOLERANCE = 0.02;
export const PLAYS = 5;

const MB = (n: number) => (n / 1024 / 1024).toFixed(1);

export async function memorySection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const { context, page } = await freshPage();
  const heaps: { scenario: string; turns: number; heap: number }[] = [];
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapAfterGc = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    await openGame(page, pages.game, '?typing=instant');
    const ids = await scenarioIds(page);
    const baseline = await heapAfterGc();
    for (let i = 0; i < PLAYS; i++) {
      const id = ids[i % ids.length];
      progress(`memory: playing ${id} (${i + 1}/${PLAYS}) with the first choice every turn`);
      await enterConversation(page, id);
      const turns = await playFirstChoices(page, 60, quick ? 60_000 : 120_000);
      // The reading is taken back on the select screen, with the scenario's scenes shut down.
      await chooseAnother(page);
      heaps.push({ scenario: id, turns, heap: await heapAfterGc() });
    }
    const second = heaps[1].heap;
    const fifth = heaps[PLAYS - 1].heap;
    const growth = (fifth - second) / second;
    const server = facts.serverMemory;
    const lines = [
      `The game in headless Chromium: ${PLAYS} scenarios played in a row through the DOM buttons (first choice every turn, \`?typing=instant\`), back to the select screen after each; JS heap used (CDP \`Performance.getMetrics\` JSHeapUsedSize) after three forced collections (\`HeapProfiler.collectGarbage\`). On the title, before playing: ${MB(baseline)} MB.`,
      '',
      ...table(
        ['after', 'scenario', 'turns', 'JS heap (MB)', 'change from the previous'],
        heaps.map((h, i) => [`play ${i + 1}`, h.scenario, h.turns, MB(h.heap), i === 0 ? '' : `${h.heap >= heaps[i - 1].heap ? '+' : ''}${round((h.heap - heaps[i - 1].heap) / 1024, 0)} kB`]),
      ),
      '',
      `Growth from the 2nd to the 5th play: **${round(growth * 100, 2)}%** (${round((fifth - second) / 1024, 0)} kB; target: none, allowing ${HEAP_TOLERANCE * 100}% for collector noise).`,
    ];
    if (server.length) {
      lines.push(
        '',
        'Server process (the real `src/server/main.ts`), resident memory from /proc: peak (VmHWM, reset just before the load) during each load, and after it.',
        '',
        ...table(['load', 'peak RSS (MB)', 'RSS after (MB)'], server.map((s) => [s.label, MB(s.peakRss), MB(s.rssAfter)])),
      );
    }
    const peak = server.length ? Math.max(...server.map((s) => s.peakRss)) : NaN;
    return {
      title: 'Memory',
      lines,
      checks: [
        { name: `Game JS heap, 2nd -> 5th scenario`, target: `no growth (<= ${HEAP_TOLERANCE * 100}%)`, value: `${round(growth * 100, 2)}% (${MB(second)} -> ${MB(fifth)} MB)`, ok: growth <= HEAP_TOLERANCE },
      ],
      data: { baseline, heaps, growth, serverMemory: server, serverPeakRss: peak },
    };
  } finally {
    await context.close();
  }
}
