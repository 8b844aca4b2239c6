// A cmi5 launch (the game as an AU): the token from the fetch URL, LMS.LaunchData, the learner's
// preferences and this registration's progress; initialized at once; after the play, the attempt is
// verified by this server (POST /api/lms/verify) and the statements go out in order from the durable
// queue: answered per decision, completed, passed or failed, terminated. The progress state document
// holds the conversation under way, so a later session of the registration resumes it.
import { attemptStatements, initializedStatement, LAUNCH_DATA_STATE, LEARNER_PREFERENCES_PROFILE, sessionIdOf, verdictOf, type Cmi5Launch, type LaunchMode, type RegistrationProgress } from '../../shared/lms/cmi5.ts';
import { uuidV5 } from '../../shared/lms/uuid.ts';
import { LMS_VERIFY_PATH, type LmsVerifiedAttempt } from '../../shared/lms/verify.ts';
import type { Context } from '../../shared/lms/xapi.ts';
import { Api, ApiError } from '../api.ts';
import { onAttemptFinished, type FinishedAttempt } from '../attempts.ts';
import type { SavedConversation } from '../save.ts';
import type { GameServices } from '../services.ts';
import { readJson, writeJson } from '../storage.ts';
import type { LmsLaunch } from './launch.ts';
import { fetchAuthToken, LmsError, Lrs } from './lrs.ts';
import type { LmsPanel } from './panel.ts';
import { StatementQueue } from './queue.ts';

export const PROGRESS_STATE = 'https://make-it-right.app/xapi/state/progress';

interface LaunchData {
  contextTemplate?: Context;
  launchMode?: LaunchMode;
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

export interface ProgressState extends RegistrationProgress {
  save?: SavedConversation | null;
}

type Cmi5UrlLaunch = Extract<LmsLaunch, { kind: 'cmi5' }>;

function message(e: unknown): string {
  if (e instanceof LmsError || e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** The token is one-time (cmi5 8.2): a reload within the session keeps the one it already has. */
async function tokenFor(launch: Cmi5UrlLaunch): Promise<string> {
  const key = `mir.lms.token.${launch.fetchUrl}`;
  const kept = sessionStorage.getItem(key);
  if (kept) return kept;
  const token = await fetchAuthToken(launch.fetchUrl);
  sessionStorage.setItem(key, token);
  return token;
}

export interface Cmi5Session {
  /** The conversation to resume, from the registration's progress (null: start afresh). */
  resume: SavedConversation | null;
}

export async function startCmi5(svc: GameServices, url: Cmi5UrlLaunch, storage: Storage, panel: LmsPanel, base: string): Promise<Cmi5Session> {
  panel.busy('Connecting to your LMS…');
  const lrs = new Lrs(url.endpoint, await tokenFor(url));
  const data = await lrs.getState<LaunchData>(url.actor, url.activityId, url.registration, LAUNCH_DATA_STATE);
  if (!data?.contextTemplate) throw new LmsError('The LMS gave no launch data (LMS.LaunchData) for this lesson.');
  const prefs = await lrs.getAgentProfile<{ languagePreference?: string; audioPreference?: 'on' | 'off' }>(url.actor, LEARNER_PREFERENCES_PROFILE);
  if (prefs?.audioPreference === 'off') svc.settings.update({ audio: { voice: { muted: true }, effects: { muted: true }, ambient: { muted: true } } });
  if (prefs?.audioPreference === 'on') svc.settings.update({ audio: { voice: { muted: false }, effects: { muted: false }, ambient: { muted: false } } });
  if (prefs?.languagePreference) document.documentElement.dataset.lmsLanguage = prefs.languagePreference;
  const progress = (await lrs.getState<ProgressState>(url.actor, url.activityId, url.registration, PROGRESS_STATE)) ?? { completed: false, passed: false };

  const launch: Cmi5Launch = {
    actor: url.actor,
    activityId: url.activityId,
    registration: url.registration,
    contextTemplate: data.contextTemplate,
    launchMode: data.launchMode ?? 'Normal',
    masteryScore: typeof data.masteryScore === 'number' ? data.masteryScore : undefined,
    moveOn: data.moveOn,
    returnURL: data.returnURL,
  };
  const sessionId = sessionIdOf(launch) ?? url.fetchUrl;
  const key = `cmi5-${uuidV5(`${url.registration}|${sessionId}`)}`;
  const queue = new StatementQueue(storage, `mir.lms.queue.${url.registration}`, (batch) => lrs.postStatements(batch));
  const timeKey = `mir.lms.initialized.${key}`;
  const initializedAt = readJson<number>(storage, timeKey) ?? Date.now();
  writeJson(storage, timeKey, initializedAt);
  queue.add([initializedStatement(launch, key, initializedAt)]);
  await queue.flush();

  // The conversation under way goes to the registration's progress after each decision.
  let state: ProgressState = { completed: !!progress.completed, passed: !!progress.passed, save: progress.save ?? null };
  const saveProgress = () => lrs.putState(url.actor, url.activityId, url.registration, PROGRESS_STATE, state);
  const write = svc.slot.write.bind(svc.slot);
  svc.slot.write = (save) => {
    const ok = write(save);
    if (save.scenarioId === url.scenarioId) {
      state = { ...state, save };
      void saveProgress().catch((e: unknown) => panel.error(message(e)));
    }
    return ok;
  };

  let reported = false;
  /** Set once the attempt's statements are in the queue: a retry only sends. */
  let summary: string | null = null;
  const api = new Api();
  const report = async (a: FinishedAttempt) => {
    if (summary === null) {
      panel.busy('Checking your score with the server…');
      const passMark = launch.masteryScore === undefined ? {} : { passMark: Math.round(launch.masteryScore * 100) };
      const verified = (await api.request<LmsVerifiedAttempt>('POST', LMS_VERIFY_PATH, { scenarioId: a.scenarioId, events: a.events, ...passMark })).data;
      const scenario = svc.library.get(a.scenarioId);
      if (!scenario) throw new Error(`The scenario "${a.scenarioId}" is not loaded.`);
      const attempt = { key, ...verified };
      queue.add(attemptStatements(launch, scenario, attempt, state, { initializedAt, endedAt: Date.now() }, base));
      const verdict = verdictOf(launch, attempt);
      state = { completed: true, passed: state.passed || verdict === 'passed', save: null };
      summary = `${verified.overall}/100, ${verdict}`;
    }
    panel.busy('Sending your result to your LMS…');
    await queue.flush();
    await saveProgress();
    const back = launch.returnURL ? { label: 'Return to the LMS', go: () => location.assign(launch.returnURL!) } : undefined;
    panel.done(`Your result is in your LMS: ${summary}.`, back);
  };
  const attemptOnce = (a: FinishedAttempt) => {
    if (a.scenarioId !== url.scenarioId || reported) return;
    reported = true;
    const run = (): Promise<void> => report(a).catch((e: unknown) => panel.error(`${message(e)} Your result is kept and sent when you press Retry.`, () => void run()));
    void run();
  };
  onAttemptFinished(attemptOnce);
  panel.hide();
  return { resume: state.save && state.save.scenarioId === url.scenarioId ? state.save : null };
}

export function reportLaunchError(panel: LmsPanel, e: unknown, retry: () => void): void {
  panel.error(message(e), retry);
}
