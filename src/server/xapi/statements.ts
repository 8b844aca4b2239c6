// The xAPI statements of a stored attempt (not an LMS launch): answered per decision, completed,
// passed or failed, with the same builders as the game's cmi5 mode but no cmi5 context (there is no
// LMS session): the actor is the player's account on this server, the activity the scenario's AU id.
import type { Scenario } from '../../engine/schema.ts';
import type { Turn } from '../../engine/conversation.ts';
import { attemptStatements, type Cmi5Launch } from '../../shared/lms/cmi5.ts';
import { auId } from '../../shared/lms/course.ts';
import { uuidV5 } from '../../shared/lms/uuid.ts';
import type { Statement } from '../../shared/lms/xapi.ts';

export interface AttemptForXapi {
  id: number;
  userId: number;
  userName: string;
  scenarioId: string;
  createdAt: string;
  report: { overall: number; empathy: number; ownership: number; timing: number; passed: boolean; passMark?: number; outcome: string | null; turns: Turn[] };
}

export function statementsOfAttempt(a: AttemptForXapi, scenario: Scenario, base: string): Statement[] {
  const launch: Cmi5Launch = {
    actor: { objectType: 'Agent', name: a.userName, account: { homePage: base, name: String(a.userId) } },
    activityId: auId(base, a.scenarioId),
    registration: uuidV5(`attempt|${base}|${a.id}`),
    contextTemplate: {},
    launchMode: 'Normal',
    masteryScore: a.report.passMark === undefined ? undefined : a.report.passMark / 100,
  };
  const ended = Date.parse(a.createdAt);
  const seconds = a.report.turns.reduce((t, x) => t + x.seconds, 0);
  const all = attemptStatements(launch, scenario, { key: `attempt-${base}-${a.id}`, ...a.report }, { completed: false, passed: false }, { initializedAt: ended - Math.round(seconds * 1000) - 1, endedAt: ended }, base);
  return all
    .filter((s) => !s.verb.id.endsWith('/terminated'))
    .map((s) => {
      const ctx = s.context!;
      delete ctx.contextActivities;
      return s;
    });
}
