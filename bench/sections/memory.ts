// 6. Memory: the game's JS heap after each of 5 scenarios played in a row (forced GC before each
// reading; no growth between the 2nd and the 5th), and the server's peak RSS under the load of the
// server and leaderboard sections.
import { progress, round, table, type SectionResult } from '../lib.ts';
import { freshPage } from '../support/browser.ts';
import { facts } from '../support/facts.ts';
import { chooseAnother, enterConversation, openGame, playFirstChoices, scenarioIds } from '../support/game.ts';
import { readHeap, type HeapReading } from '../support/heap.ts';
import { pageServers } from '../support/pages.ts';

/** "No growth": JS objects after the 5th play may exceed the 2nd by at most this (collector noise). */
export const HEAP_TOLERANCE = 0.01;
export const PLAYS = 5;

const MB = (n: number) => (Number.isNaN(n) ? '–' : (n / 1024 / 1024).toFixed(2));
const kBdiff = (n: number) => (Number.isNaN(n) ? '–' : `${n >= 0 ? '+' : ''}${round(n / 1024, 0)} kB`);

export async function memorySection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const { context, page } = await freshPage();
  const heaps: ({ scenario: string; turns: number } & HeapReading)[] = [];
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Lines appear at once and choices unlock ten times sooner (?patienceScale=0.1: a tenth of a
    // real second per game second); the first choice is taken as soon as it unlocks.
    await openGame(page, pages.game, '?typing=instant&patienceScale=0.1');
    const ids = await scenarioIds(page);
    const baseline = await readHeap(cdp, !quick);
    for (let i = 0; i < PLAYS; i++) {
      const id = ids[i % ids.length];
      progress(`memory: playing ${id} (${i + 1}/${PLAYS}), first choice every turn`);
      await enterConversation(page, id);
      const turns = await playFirstChoices(page, 60, quick ? 60_000 : 120_000);
      // The reading is taken back on the select screen, with the scenario's scenes shut down.
      await chooseAnother(page);
      // The quick run takes the (slow) heap snapshot only where the target compares: plays 2 and 5.
      heaps.push({ scenario: id, turns, ...(await readHeap(cdp, !quick || i === 1 || i === PLAYS - 1)) });
    }
    const second = heaps[1];
    const fifth = heaps[PLAYS - 1];
    const growth = (fifth.objects - second.objects) / second.objects;
    const usedGrowth = (fifth.used - second.used) / second.used;
    const server = facts.serverMemory;
    const lines = [
      `The game in headless Chromium: ${PLAYS} different scenarios played in a row through the DOM buttons (key 1, the first choice, as soon as the choices unlock, \`?typing=instant&patienceScale=0.1\`), back to the select screen after each, then three forced collections (\`HeapProfiler.collectGarbage\`). "JS heap used" is CDP \`Performance.getMetrics\` JSHeapUsedSize; a heap snapshot then splits what is alive into JS objects (objects, arrays, strings, closures: what a leak grows), compiled code (grows while the JIT warms up; not retained data) and native objects (the browser's own, outside the JS heap: DOM nodes and the decoded images behind the loaded textures). On the title, before playing: ${MB(baseline.used)} MB used, ${MB(baseline.objects)} MB JS objects.`,
      '',
      ...table(
        ['after', 'scenario', 'turns', 'JS heap used (MB)', 'JS objects (MB)', 'JS objects, change', 'compiled code (MB)', 'native (MB)'],
        heaps.map((h, i) => [`play ${i + 1}`, h.scenario, h.turns, MB(h.used), MB(h.objects), i === 0 ? '' : kBdiff(h.objects - heaps[i - 1].objects), MB(h.code), MB(h.native)]),
      ),
      '',
      `From the 2nd to the 5th play: JS objects **${round(growth * 100, 2)}%** (${kBdiff(fifth.objects - second.objects)}; target: no growth, allowing ${HEAP_TOLERANCE * 100}% for collector noise); JS heap used ${round(usedGrowth * 100, 2)}% (${kBdiff(fifth.used - second.used)}; compiled code ${kBdiff(fifth.code - second.code)}); native ${kBdiff(fifth.native - second.native)}.`,
    ];
    if (server.length) {
      lines.push(
        '',
        'Server process (the real `src/server/main.ts`), resident memory from /proc: the peak (VmHWM, reset just before each load window) during each load, and after it.',
        '',
        ...table(['load', 'peak RSS (MB)', 'RSS after (MB)'], server.map((s) => [s.label, MB(s.peakRss), MB(s.rssAfter)])),
      );
    }
    const peak = server.length ? Math.max(...server.map((s) => s.peakRss)) : NaN;
    return {
      title: 'Memory',
      lines,
      checks: [
        {
          name: 'Game JS heap, 2nd -> 5th scenario (JS objects)',
          target: `no growth (<= ${HEAP_TOLERANCE * 100}%)`,
          value: `${round(growth * 100, 2)}% (${MB(second.objects)} -> ${MB(fifth.objects)} MB; heap used ${MB(second.used)} -> ${MB(fifth.used)} MB)`,
          ok: growth <= HEAP_TOLERANCE,
        },
      ],
      data: { baseline, heaps, growth, usedGrowth, serverMemory: server, serverPeakRss: peak },
    };
  } finally {
    await context.close();
  }
}
