// Drives the game through its DOM layer (real <button>s over the canvas), as a keyboard or
// screen-reader user would: Start, pick a scenario, Begin, answer, Choose another.
// No element handle outlives its step (locators, disposed handles): a handle held by the DevTools
// session keeps its DOM alive and would show up as a leak in the memory measurement.
import type { Page } from 'playwright-core';
import { waitTitleReady } from './browser.ts';

export async function openGame(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await waitTitleReady(page);
}

/** The scenario ids offered on the select screen, in order (Start is pressed first when needed). */
export async function scenarioIds(page: Page): Promise<string[]> {
  if ((await page.locator('[data-screen="select"]').count()) === 0) {
    await page.click('[data-screen="title"] [data-action="start"]');
    await visible(page, '[data-screen="select"]');
  }
  return page.$$eval('[data-scenario]', (els) => els.map((e) => (e as HTMLElement).dataset.scenario as string));
}

/** From the title or the select screen into a scenario's conversation. */
export async function enterConversation(page: Page, id: string): Promise<void> {
  await scenarioIds(page);
  await page.click(`[data-screen="select"] [data-scenario="${id}"]`);
  await visible(page, '[data-screen="briefing"] [data-action="begin"]');
  await page.click('[data-action="begin"]');
  await visible(page, '[data-screen="conversation"]');
}

/** Answers with the first choice (or Continue) until the debrief; bounded in turns and time. */
export async function playFirstChoices(page: Page, maxTurns = 60, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let turn = 0; turn < maxTurns; turn++) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('the conversation did not end in time');
    const handle = await page.waitForFunction(
        () => {
          if (document.querySelector('[data-screen="debrief"]')) return 'debrief';
          if (document.querySelector('[data-action="continue"]')) return 'continue';
          if (document.querySelector('.choice[data-choice][aria-disabled="false"]')) return 'choices';
          return false;
        },
        undefined,
        { timeout: left, polling: 50 },
      );
    const moment = await handle.jsonValue();
    await handle.dispose();
    if (moment === 'debrief') return turn;
    // The keyboard, as the game offers it: 1 picks the first choice. (A pointer click would first
    // wait for the choices' entrance animation to settle: most of a second per turn.)
    if (moment === 'continue') await page.click('[data-action="continue"]', { force: true });
    else await page.keyboard.press('1');
  }
  throw new Error(`no debrief after ${maxTurns} turns`);
}

/** From the debrief back to the select screen. */
export async function chooseAnother(page: Page): Promise<void> {
  await page.click('[data-screen="debrief"] [data-action="menu"]');
  await visible(page, '[data-screen="select"]');
}

async function visible(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
}

export { waitTitleReady };
