// The SCORM 1.2 package in an LMS page whose window.API is scorm-again's Scorm12API (the real
// LMS-side runtime): the launch page finds the API, the game plays inside it, and the LMS ends up with
// score.raw, lesson_status and, for a conversation left half way, suspend_data that resumes it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { scorm12Package } from '../../src/shared/lms/package.ts';
import { choiceIds, nextMoment, playInGame } from './game.ts';
import { launchBrowser, newPage, ROOT, screenshot, startServer, type RunningServer } from './support.ts';

const SCENARIO = 'trophy-room';
const scenario = loadLibrary().scenarios.get(SCENARIO)!;
const routes = summarizeRoutes(scenario)!;
let server: RunningServer;
let lms: Server;
let lmsUrl: string;
let browser: Browser;

const LMS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><script src="/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  var preset = location.hash.slice(1);
  if (preset) window.API.loadFromJSON(JSON.parse(decodeURIComponent(preset)));
</script></head>
<body style="margin:0"><iframe src="/sco/index.html" style="border:0;width:1280px;height:720px"></iframe></body></html>`;

beforeAll(async () => {
  const files = unzipSync(scorm12Package({ scenario, passMark: 70 }, 'http://placeholder'));
  const runtime = readFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'));
  lms = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/lms.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(LMS_PAGE);
    if (path === '/scorm12.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(runtime);
    const name = path.replace(/^\/sco\//, '');
    if (files[name]) return res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'application/xml' }).end(strFromU8(files[name]).replaceAll('http://placeholder', server.url).replace('?lms=scorm12', '?typing=instant&lms=scorm12'));
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => lms.listen(0, '127.0.0.1', ok));
  lmsUrl = `http://127.0.0.1:${(lms.address() as AddressInfo).port}`;
  server = await startServer({ FRAME_ANCESTORS: lmsUrl });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((ok) => lms?.close(() => ok()));
});

async function gameFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 400; i++) {
    const f = page.frames().find((x) => x.url().startsWith(`${server.url}/`));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('the game frame did not load');
}

/** A value of the LMS's own data model (read from the runtime, so it works after LMSFinish too). */
const cmi = (page: Page, name: string) =>
  page.evaluate((n) => String(n.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], (window as unknown as { API: unknown }).API)), name);

describe('SCORM 1.2 package under scorm-again', () => {
  it('plays, resumes a conversation from suspend_data, and leaves score.raw and lesson_status', async () => {
    // First launch: one decision, then the learner leaves.
    const a = await newPage(browser);
    await a.page.goto(`${lmsUrl}/lms.html`);
    let game = await gameFrame(a.page);
    await game.waitForSelector('[data-screen="briefing"]');
    await game.click('[data-action="begin"]');
    expect(await nextMoment(game as unknown as Page)).toBe('choices');
    const ids = await choiceIds(game as unknown as Page);
    const opening = ids.includes(routes.best.steps[0]) ? routes.best.steps[0] : ids[0];
    await game.click(`.choice[data-choice="${opening}"]`);
    await a.page.waitForFunction(() => String((window as unknown as { API: { cmi: { suspend_data: string } } }).API.cmi.suspend_data).length > 0);
    expect(await cmi(a.page, 'cmi.core.lesson_status')).toBe('incomplete');
    const suspend = await cmi(a.page, 'cmi.suspend_data');
    await a.context.close();

    // Second launch: the LMS hands back suspend_data with entry=resume.
    const b = await newPage(browser);
    const preset = { cmi: { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: suspend } };
    await b.page.goto(`${lmsUrl}/lms.html#${encodeURIComponent(JSON.stringify(preset))}`);
    game = await gameFrame(b.page);
    await game.waitForSelector('[data-screen="conversation"]');
    const debrief = await playInGame(game as unknown as Page, routes.best.steps.slice(1));
    expect(debrief.events.length).toBe(routes.best.report.turns.length);
    await b.page.waitForFunction(() => (window as unknown as { API: { isTerminated(): boolean } }).API.isTerminated());
    expect(Number(await cmi(b.page, 'cmi.core.score.raw'))).toBe(debrief.scores.overall);
    expect(await cmi(b.page, 'cmi.core.score.max')).toBe('100');
    expect(await cmi(b.page, 'cmi.core.lesson_status')).toBe(debrief.result === 'pass' ? 'passed' : 'failed');
    await screenshot(b.page, 'lms-scorm-done');
    await b.context.close();
  }, 90_000);
});
