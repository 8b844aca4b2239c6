// The game as a cmi5 AU, launched the way an LMS launches it: the AU url from an exported package,
// the LMS's launch parameters, LMS.LaunchData in the state resource, a one-time fetch URL. A harness
// (tests/lms-harness.ts) plays the LMS and its LRS and records what arrives; every statement is held
// to the xAPI rules (validator library) and the cmi5 rules. A passed session, a failed one with the
// LRS down for a while, and one resumed in a new session of the same registration.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import validateStatement from '@learninglocker/xapi-validation';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { CMI5_CATEGORY, LAUNCH_DATA_STATE, MASTERY_SCORE_EXT, MOVEON_CATEGORY, SESSION_ID_EXT } from '../../src/shared/lms/cmi5.ts';
import { cmi5Package } from '../../src/shared/lms/package.ts';
import type { Statement } from '../../src/shared/lms/xapi.ts';
import { PROGRESS_STATE } from '../../src/game/lms/cmi5.ts';
import { startHarness, stateKey, type Harness } from '../lms-harness.ts';
import { nextMoment, choiceIds, playInGame } from './game.ts';
import { launchBrowser, newPage, screenshot, startServer, type RunningServer } from './support.ts';

const SCENARIO = 'trophy-room';
const scenario = loadLibrary().scenarios.get(SCENARIO)!;
const routes = summarizeRoutes(scenario)!;
const actor = { objectType: 'Agent' as const, name: 'Ana Learner', account: { homePage: 'https://lms.test', name: 'ana' } };

let harness: Harness;
let server: RunningServer;
let browser: Browser;
let au: { url: string; id: string; masteryScore: number };

beforeAll(async () => {
  harness = await startHarness();
  server = await startServer({ LRS_ORIGINS: harness.url, FRAME_ANCESTORS: harness.url });
  browser = await launchBrowser();
  // The package as a trainer downloads it; the LMS reads the AU from cmi5.xml.
  const xml = strFromU8(unzipSync(cmi5Package([{ scenario, passMark: 70 }], { baseUrl: server.url }))['cmi5.xml']);
  au = {
    url: /<url>([^<]+)<\/url>/.exec(xml)![1].replace(/&amp;/g, '&'),
    id: /<au id="([^"]+)"/.exec(xml)![1],
    masteryScore: Number(/masteryScore="([\d.]+)"/.exec(xml)![1]),
  };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await harness?.close();
});

interface Session {
  url: string;
  sessionId: string;
  registration: string;
  activityId: string;
}

/** What an LMS does before a launch: LaunchData in the state resource, then the launch URL. */
function launch(registration: string): Session {
  const sessionId = randomUUID();
  const activityId = `https://lms.test/activities/${encodeURIComponent(au.id)}`;
  const launchData = {
    contextTemplate: { contextActivities: { grouping: [{ id: au.id }] }, extensions: { [SESSION_ID_EXT]: sessionId } },
    launchMode: 'Normal',
    launchMethod: 'AnyWindow',
    masteryScore: au.masteryScore,
    moveOn: 'CompletedAndPassed',
    returnURL: `${harness.url}/return`,
  };
  harness.state.set(stateKey(activityId, JSON.stringify(actor), registration, LAUNCH_DATA_STATE), JSON.stringify(launchData));
  const q = new URLSearchParams({ endpoint: harness.endpoint, fetch: harness.newSession(), actor: JSON.stringify(actor), registration, activityId });
  return { url: `${au.url}&typing=instant&${q.toString()}`, sessionId, registration, activityId };
}

const verb = (s: Statement) => s.verb.id.split('/').pop()!;
const ofSession = (id: string) => harness.statements.filter((s) => s.context?.extensions?.[SESSION_ID_EXT] === id);

/** The cmi5 rules (spec 9.x) on one session's statements, in the order the LRS received them. */
function checkSession(all: Statement[], s: Session): string[] {
  for (const st of all) expect(validateStatement(st), JSON.stringify(st)).toEqual([]);
  const verbs = all.map(verb);
  expect(verbs[0]).toBe('initialized');
  expect(verbs.at(-1)).toBe('terminated');
  const times = all.map((x) => Date.parse(x.timestamp));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(verbs.filter((v) => v === 'passed' || v === 'failed').length).toBeLessThanOrEqual(1);
  for (const st of all) {
    const v = verb(st);
    const cats = (st.context?.contextActivities?.category ?? []).map((c) => c.id);
    expect(st.actor).toEqual(actor);
    expect(st.context?.registration).toBe(s.registration);
    expect(st.context?.extensions?.[SESSION_ID_EXT]).toBe(s.sessionId);
    expect(st.context?.contextActivities?.grouping).toEqual([{ id: au.id }]);
    const defined = v !== 'answered';
    expect(cats.includes(CMI5_CATEGORY), v).toBe(defined);
    expect(cats.includes(MOVEON_CATEGORY), v).toBe(['completed', 'passed', 'failed'].includes(v));
    expect(st.result?.score !== undefined, v).toBe(v === 'passed' || v === 'failed');
    if (defined) expect(st.object.id).toBe(s.activityId);
    if (v === 'terminated' || v === 'completed') expect(st.result?.duration).toMatch(/^PT/);
    if (v === 'completed') expect(st.result).toEqual({ completion: true, duration: expect.any(String) });
    if (v === 'passed' || v === 'failed') {
      expect(st.context?.extensions?.[MASTERY_SCORE_EXT]).toBe(au.masteryScore);
      if (v === 'passed') expect(st.result!.score!.scaled).toBeGreaterThanOrEqual(au.masteryScore);
      else expect(st.result!.score!.scaled).toBeLessThan(au.masteryScore);
      expect(st.result?.success).toBe(v === 'passed');
    }
    if (v === 'answered') expect(st.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
  }
  return verbs;
}

async function begin(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('[data-screen="briefing"]');
  await page.click('[data-action="begin"]');
  await page.waitForSelector('[data-screen="conversation"]');
}

describe('cmi5 launch', () => {
  it('a passed session sends initialized, answered per decision, completed, passed, terminated; then back to the LMS', async () => {
    const s = launch(randomUUID());
    const { context, page, errors } = await newPage(browser);
    await begin(page, s.url);
    const debrief = await playInGame(page, routes.best.steps);
    await page.waitForSelector('.lms-bar[data-state="done"]');
    const verbs = checkSession(ofSession(s.sessionId), s);
    expect(verbs).toEqual(['initialized', ...debrief.events.map(() => 'answered'), 'completed', 'passed', 'terminated']);
    const passed = ofSession(s.sessionId).find((x) => verb(x) === 'passed')!;
    expect(passed.result!.score!.raw).toBe(debrief.scores.overall);
    expect(passed.result!.score!.raw).toBe(routes.best.report.overall);
    expect(Object.values(passed.result!.extensions!).slice(0, 3)).toEqual([debrief.scores.empathy, debrief.scores.ownership, debrief.scores.timing]);
    await screenshot(page, 'lms-cmi5-done');
    expect(harness.duplicates).toEqual([]);
    await page.click('.lms-bar .lms-action');
    await page.waitForURL(`${harness.url}/return`);
    expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  }, 90_000);

  it('a failed attempt, with the LRS down at the end: the error is shown, Retry sends each statement once', async () => {
    const s = launch(randomUUID());
    const { context, page } = await newPage(browser);
    await begin(page, s.url);
    harness.failStatements = 503;
    await playInGame(page, routes.worst.steps);
    await page.waitForSelector('.lms-bar[data-state="error"]');
    expect(await page.textContent('.lms-bar .lms-text')).toContain('The LRS is down for maintenance');
    harness.failStatements = null;
    await page.click('.lms-bar .lms-action');
    await page.waitForSelector('.lms-bar[data-state="done"]');
    const verbs = checkSession(ofSession(s.sessionId), s);
    expect(verbs.filter((v) => v !== 'answered')).toEqual(['initialized', 'completed', 'failed', 'terminated']);
    expect(harness.duplicates).toEqual([]);
    await context.close();
  }, 90_000);

  it('a registration resumes in a new session where the last one stopped (state document)', async () => {
    const registration = randomUUID();
    const first = launch(registration);
    const a = await newPage(browser);
    await begin(a.page, first.url);
    expect(await nextMoment(a.page)).toBe('choices');
    const opening = (await choiceIds(a.page)).includes(routes.best.steps[0]) ? routes.best.steps[0] : (await choiceIds(a.page))[0];
    await a.page.click(`.choice[data-choice="${opening}"]`);
    const progressKey = stateKey(first.activityId, JSON.stringify(actor), registration, PROGRESS_STATE);
    await expect.poll(() => (JSON.parse(harness.state.get(progressKey) ?? '{}') as { save?: unknown }).save, { timeout: 20_000 }).toBeTruthy();
    await a.context.close(); // the learner closes the window; a new browser profile opens the next session

    const second = launch(registration);
    const b = await newPage(browser);
    await b.page.goto(second.url);
    await b.page.waitForSelector('[data-screen="conversation"]');
    const debrief = await playInGame(b.page, routes.best.steps.slice(1));
    await b.page.waitForSelector('.lms-bar[data-state="done"]');
    expect(ofSession(first.sessionId).map(verb)).toEqual(['initialized']);
    const verbs = checkSession(ofSession(second.sessionId), second);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(debrief.events.length);
    expect(ofSession(second.sessionId).find((x) => verb(x) === 'answered')!.result?.response).toBe(opening);
    expect(verbs).toContain('completed');
    await b.context.close();
  }, 90_000);
});
