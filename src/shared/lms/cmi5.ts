// cmi5 statements for one attempt at one scenario (cmi5 spec, sections 9 and 10): initialized, an
// "answered" cmi.interaction per decision (cmi5 allowed), completed, passed or failed, terminated.
// Pure: the caller gives the launch (actor, activity id, registration, the LMS's context template
// and mastery score) and the server-verified report; ids derive from the attempt, so building the
// same attempt twice gives the same statements and an LRS stores each once.
import type { Scenario } from '../../engine/schema.ts';
import type { Turn } from '../../engine/conversation.ts';
import { uuidV5 } from './uuid.ts';
import { isoDuration, type ActivityRef, type Agent, type Context, type Statement } from './xapi.ts';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_ID_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY_SCORE_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const LAUNCH_DATA_STATE = 'LMS.LaunchData';
export const LEARNER_PREFERENCES_PROFILE = 'cmi5LearnerPreferences';
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** This game's own result and context extensions (IRIs under the game's base URL). */
export function extensionIds(base: string) {
  const root = `${base.replace(/\/+$/, '')}/xapi/extensions`;
  return {
    empathy: `${root}/empathy`,
    ownership: `${root}/ownership`,
    timing: `${root}/timing`,
    outcome: `${root}/outcome`,
    moves: `${root}/moves`,
    seconds: `${root}/seconds`,
    moodAfter: `${root}/mood-after`,
    scenario: `${root}/scenario`,
  };
}

export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const;

export type Cmi5Verb = keyof typeof VERBS;
export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What an LMS launch gives the AU (launch URL + LMS.LaunchData). */
export interface Cmi5Launch {
  actor: Agent;
  activityId: string;
  registration: string;
  /** contextTemplate from LMS.LaunchData: holds the session id and the publisher id grouping. */
  contextTemplate: Context;
  launchMode: LaunchMode;
  /** 0-1, from LMS.LaunchData (may differ from the course structure's). */
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

/** The verified outcome of one attempt, as the server computed it. */
export interface VerifiedAttempt {
  /** Stable key of the attempt (the client attempt id): statement ids derive from it. */
  key: string;
  overall: number;
  empathy: number;
  ownership: number;
  timing: number;
  passed: boolean;
  outcome: string | null;
  turns: readonly Turn[];
}

export function sessionIdOf(launch: Cmi5Launch): string | undefined {
  const v = launch.contextTemplate.extensions?.[SESSION_ID_EXT];
  return typeof v === 'string' ? v : undefined;
}

/** Statement id: UUID v5 of attempt key + verb + index (index separates the answered statements). */
export function statementId(key: string, verb: Cmi5Verb, index = 0): string {
  return uuidV5(`${key}|${verb}|${index}`);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The context template with the registration and, for cmi5 defined statements, the categories. */
function contextFor(launch: Cmi5Launch, kind: 'defined' | 'moveon' | 'allowed', extra: Record<string, unknown> = {}): Context {
  const ctx = clone(launch.contextTemplate);
  ctx.registration = launch.registration;
  const activities = (ctx.contextActivities ??= {});
  if (kind !== 'allowed') {
    const category = (activities.category ?? []).filter((c) => c.id !== CMI5_CATEGORY && c.id !== MOVEON_CATEGORY);
    category.push({ id: CMI5_CATEGORY });
    if (kind === 'moveon') category.push({ id: MOVEON_CATEGORY });
    activities.category = category;
  } else if (activities.category) {
    activities.category = activities.category.filter((c) => c.id !== CMI5_CATEGORY && c.id !== MOVEON_CATEGORY);
    if (activities.category.length === 0) delete activities.category;
  }
  if (Object.keys(extra).length > 0 || ctx.extensions) ctx.extensions = { ...(ctx.extensions ?? {}), ...extra };
  return ctx;
}

function auObject(launch: Cmi5Launch): ActivityRef {
  return { objectType: 'Activity', id: launch.activityId };
}

function at(time: Date | number): string {
  return new Date(time).toISOString();
}

export function initializedStatement(launch: Cmi5Launch, key: string, time: Date | number): Statement {
  return { id: statementId(key, 'initialized'), actor: launch.actor, verb: VERBS.initialized, object: auObject(launch), context: contextFor(launch, 'defined'), timestamp: at(time) };
}

/** One decision as a cmi.interaction of type choice (cmi5 allowed): the reply, moves, seconds, mood after. */
export function answeredStatement(launch: Cmi5Launch, key: string, index: number, scenario: Scenario, turn: Turn, base: string, time: Date | number): Statement {
  const ext = extensionIds(base);
  const node = scenario.nodes[turn.node];
  const reply = turn.choice ?? 'silence';
  const choices = (node?.choices ?? []).map((c) => ({ id: c.id, description: { 'en-US': c.text } }));
  if (turn.choice === null) choices.push({ id: 'silence', description: { 'en-US': '(no reply before patience ran out)' } });
  return {
    id: statementId(key, 'answered', index),
    actor: launch.actor,
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: `${launch.activityId}/decision/${encodeURIComponent(turn.node)}`,
      definition: {
        type: INTERACTION_TYPE,
        interactionType: 'choice',
        name: { 'en-US': `${scenario.title}: decision ${index + 1}` },
        description: { 'en-US': node?.line ?? turn.node },
        choices,
      },
    },
    result: {
      response: reply,
      duration: isoDuration(turn.seconds),
      extensions: { [ext.moves]: [...turn.moves], [ext.seconds]: turn.seconds, [ext.moodAfter]: turn.moodAfter },
    },
    context: contextFor(launch, 'allowed'),
    timestamp: at(time),
  };
}

export function completedStatement(launch: Cmi5Launch, key: string, seconds: number, time: Date | number): Statement {
  return {
    id: statementId(key, 'completed'),
    actor: launch.actor,
    verb: VERBS.completed,
    object: auObject(launch),
    result: { completion: true, duration: isoDuration(seconds) },
    context: contextFor(launch, 'moveon'),
    timestamp: at(time),
  };
}

/**
 * passed or failed. With a masteryScore from the LMS the verdict is the scaled score against it
 * (cmi5 10.2.4: passed/failed MUST be based on it) and the context carries it; without one it is
 * the game's verdict (won back and at or above the pass mark).
 */
export function verdictOf(launch: Cmi5Launch, attempt: VerifiedAttempt): 'passed' | 'failed' {
  const scaled = attempt.overall / 100;
  if (launch.masteryScore !== undefined) return scaled >= launch.masteryScore ? 'passed' : 'failed';
  return attempt.passed ? 'passed' : 'failed';
}

export function judgedStatement(launch: Cmi5Launch, attempt: VerifiedAttempt, base: string, seconds: number, time: Date | number): Statement {
  const verdict = verdictOf(launch, attempt);
  const ext = extensionIds(base);
  return {
    id: statementId(attempt.key, verdict),
    actor: launch.actor,
    verb: VERBS[verdict],
    object: auObject(launch),
    result: {
      score: { scaled: attempt.overall / 100, raw: attempt.overall, min: 0, max: 100 },
      success: verdict === 'passed',
      duration: isoDuration(seconds),
      extensions: { [ext.empathy]: attempt.empathy, [ext.ownership]: attempt.ownership, [ext.timing]: attempt.timing, [ext.outcome]: attempt.outcome },
    },
    context: contextFor(launch, 'moveon', launch.masteryScore !== undefined ? { [MASTERY_SCORE_EXT]: launch.masteryScore } : {}),
    timestamp: at(time),
  };
}

export function terminatedStatement(launch: Cmi5Launch, key: string, seconds: number, time: Date | number): Statement {
  return {
    id: statementId(key, 'terminated'),
    actor: launch.actor,
    verb: VERBS.terminated,
    object: auObject(launch),
    result: { duration: isoDuration(seconds) },
    context: contextFor(launch, 'defined'),
    timestamp: at(time),
  };
}

/** What the registration already holds, from the AU's own state document (resume, ordering rules). */
export interface RegistrationProgress {
  completed: boolean;
  passed: boolean;
}

export interface SessionTimes {
  /** When initialized was sent (ms since epoch). */
  initializedAt: number;
  /** When the conversation ended (ms). */
  endedAt: number;
}

/**
 * Every statement after initialized for a finished attempt, in order, obeying the ordering rules:
 * answered per decision, completed (once per registration), passed or failed (no second passed,
 * never failed after passed), terminated last. Browse and Review launches send no completed,
 * passed or failed. Timestamps step by a millisecond so the order is the timestamp order.
 */
export function attemptStatements(
  launch: Cmi5Launch,
  scenario: Scenario,
  attempt: VerifiedAttempt,
  progress: RegistrationProgress,
  times: SessionTimes,
  base: string,
): Statement[] {
  const out: Statement[] = [];
  // Each decision at the moment it was made (the seconds add up), kept after initialized and in order.
  let t = times.initializedAt;
  let elapsed = 0;
  attempt.turns.forEach((turn, i) => {
    elapsed += turn.seconds * 1000;
    t = Math.max(t + 1, Math.min(times.initializedAt + elapsed, times.endedAt));
    out.push(answeredStatement(launch, attempt.key, i, scenario, turn, base, t));
  });
  t = Math.max(t + 1, times.endedAt);
  const next = () => t++;
  const played = () => (t - times.initializedAt) / 1000;
  if (launch.launchMode === 'Normal') {
    if (!progress.completed) out.push(completedStatement(launch, attempt.key, played(), next()));
    // One passed per registration, and failed never after passed: a passed registration gets neither again.
    if (!progress.passed) out.push(judgedStatement(launch, attempt, base, played(), next()));
  }
  out.push(terminatedStatement(launch, attempt.key, played(), next()));
  return out;
}
