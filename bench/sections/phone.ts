// Phone: the load and the first line under a phone profile (iPhone 13 screen, 4x CPU slowdown,
// DevTools' Slow 4G through the DevTools protocol), fresh context each time, game and the bare
// Phaser reference alternating. Start -> first line: tap Start, the first scenario, Begin, until the
// customer's first line is on screen (the reference has no conversation, so only its load compares).
import { median, progress, round, table, type SectionResult } from '../lib.ts';
import { freshPhonePage, PHONE_PROFILE, waitTitleReady } from '../support/browser.ts';
import { pageServers } from '../support/pages.ts';

export const PHONE_LOAD_TARGET = 1.15;

async function loadReference(url: string): Promise<number> {
  const { context, page } = await freshPhonePage();
  try {
    await page.goto(url);
    return await waitTitleReady(page, 120_000);
  } finally {
    await context.close();
  }
}

async function loadGame(url: string): Promise<{ load: number; firstLine: number }> {
  const { context, page } = await freshPhonePage();
  try {
    await page.goto(url);
    const load = await waitTitleReady(page, 120_000);
    const t0 = await page.evaluate(() => performance.now());
    await page.tap('[data-screen="title"] [data-action="start"]');
    await page.locator('[data-screen="select"] [data-scenario]').first().tap({ timeout: 120_000 });
    await page.locator('[data-screen="briefing"] [data-action="begin"]').tap({ timeout: 120_000 });
    const h = await page.waitForFunction(
      () => ((document.querySelector('.line-text')?.textContent ?? '').length > 0 ? performance.now() : false),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
    const firstLine = ((await h.jsonValue()) as number) - t0;
    await h.dispose();
    return { load, firstLine };
  } finally {
    await context.close();
  }
}

export async function phoneSection(quick: boolean): Promise<SectionResult> {
  const pages = await pageServers();
  const runs = quick ? 2 : 5;
  progress(`phone: ${runs} cold loads of each page under the phone profile, alternating`);
  const game: { load: number; firstLine: number }[] = [];
  const reference: number[] = [];
  const deadline = Date.now() + (quick ? 90_000 : 300_000);
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    if (i % 2 === 0) {
      reference.push(await loadReference(pages.reference));
      game.push(await loadGame(pages.game));
    } else {
      game.push(await loadGame(pages.game));
      reference.push(await loadReference(pages.reference));
    }
    progress(`phone: run ${i + 1}: game ${Math.round((game.at(-1) as { load: number }).load)} ms (first line +${Math.round((game.at(-1) as { firstLine: number }).firstLine)} ms), reference ${Math.round(reference.at(-1) as number)} ms`);
  }
  const g = median(game.map((r) => r.load));
  const line = median(game.map((r) => r.firstLine));
  const r = median(reference);
  const ratio = g / r;
  return {
    title: 'Phone: load and first line under a phone profile',
    lines: [
      `Headless Chromium with the iPhone 13 descriptor (390x664 CSS px, 3x, touch), a ${PHONE_PROFILE.cpuSlowdown}x CPU slowdown and DevTools' Slow 4G (${PHONE_PROFILE.latency} ms latency, ${PHONE_PROFILE.download / 1000} kB/s down, ${PHONE_PROFILE.upload / 1000} kB/s up) set through the DevTools protocol; a fresh context per load (no service worker, empty cache), ${game.length} loads of each page alternating. Start -> first line: from the tap on Start, through the select and briefing screens by taps, until the customer's first line is on screen.`,
      '',
      ...table(
        ['page', 'load to interactive title, median (ms)', 'runs', 'Start -> first line, median (ms)', 'runs'],
        [
          ['game', round(g, 0), game.map((v) => Math.round(v.load)).join(', '), round(line, 0), game.map((v) => Math.round(v.firstLine)).join(', ')],
          ['reference', round(r, 0), reference.map((v) => Math.round(v)).join(', '), '-', '-'],
        ],
      ),
      '',
      `Ratio of load medians game / reference: **${round(ratio, 3)}x** (target <= ${PHONE_LOAD_TARGET}x).`,
    ],
    checks: [{ name: 'Phone profile: load to interactive title (game / reference)', target: `<= ${PHONE_LOAD_TARGET}x`, value: `${round(ratio, 3)}x`, ok: ratio <= PHONE_LOAD_TARGET }],
    data: { runs: game.length, game, reference, medianLoad: g, medianFirstLine: line, medianReference: r, ratio, profile: PHONE_PROFILE },
  };
}
