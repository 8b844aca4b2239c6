// The title menu is plain DOM and works before Phaser has loaded: a player who presses Start early
// sees a loading screen, then the scenario list; if the scenes cannot load, the page says so.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support.ts';

const baseUrl = inject('baseUrl');
const PHASER_CHUNK = '**/assets/phaser-*.js';
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(): Promise<{ page: Page; errors: string[] }> {
  const made = await newPage(browser);
  contexts.push(made.context);
  return made;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('loading', () => {
  it('shows the title while Phaser is held back, then a loading screen, then the scenario list', async () => {
    const { page: p, errors } = await page();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let requested = false;
    await p.route(PHASER_CHUNK, async (route: Route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await p.goto(`${baseUrl}/`);
    const start = p.locator('[data-screen="title"] [data-action="start"]');
    await start.waitFor({ state: 'visible' });
    expect(await start.isEnabled()).toBe(true);
    await p.waitForFunction(() => document.querySelector('#frame')?.classList.contains('title-art'));
    expect(await p.locator('#canvas-host canvas').count()).toBe(0);
    await start.click();
    const loading = p.locator('[data-screen="loading"] [role="progressbar"]');
    await loading.waitFor({ state: 'visible' });
    expect(requested).toBe(true);
    await screenshot(p, 'loading');
    release();
    await p.waitForSelector('[data-screen="select"]');
    await p.waitForFunction(() => document.querySelector('#frame')?.classList.contains('stage-ready'));
    expect(await p.locator('[data-screen="loading"]').count()).toBe(0);
    expect(await p.locator('#canvas-host canvas').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says so, with a way to reload, when the scenes cannot be loaded', async () => {
    const { page: p } = await page();
    await p.route(PHASER_CHUNK, (route: Route) => route.abort());
    await p.goto(`${baseUrl}/`);
    await p.click('[data-screen="title"] [data-action="start"]');
    const alert = p.locator('[data-screen="loading"] [role="alert"]');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toMatch(/could not finish loading/);
    expect(await p.locator('[data-screen="loading"] [data-action="reload"]').isVisible()).toBe(true);
    expect(await p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('reload');
  });
});
