// A SCORM 1.2 launch: the game runs inside the package's launch page (another origin), which holds
// the LMS's API. After each decision the conversation goes up as suspend_data; at the end the score
// this server verified (POST /api/lms/verify) goes up as score.raw and passed/failed.
import type { ScormMessage } from '../../shared/lms/scorm.ts';
import { LMS_VERIFY_PATH, type LmsVerifiedAttempt } from '../../shared/lms/verify.ts';
import { Api, ApiError } from '../api.ts';
import { onAttemptFinished, type FinishedAttempt } from '../attempts.ts';
import { parseSave, serializeSave, type SavedConversation } from '../save.ts';
import type { GameServices } from '../services.ts';
import type { LmsLaunch } from './launch.ts';
import type { LmsPanel } from './panel.ts';

type ScormLaunch = Extract<LmsLaunch, { kind: 'scorm12' }>;

function post(m: ScormMessage): void {
  // The launch page is on the LMS's origin, which this page cannot know; it checks ours.
  window.parent.postMessage(m, '*');
}

export function startScorm(svc: GameServices, url: ScormLaunch, panel: LmsPanel): { resume: SavedConversation | null } {
  if (window.parent === window) panel.error('Open this lesson from your LMS: it reports to the LMS through the lesson page.');
  const write = svc.slot.write.bind(svc.slot);
  svc.slot.write = (save) => {
    const ok = write(save);
    if (save.scenarioId === url.scenarioId) post({ type: 'mir-scorm-suspend', data: serializeSave(save) });
    return ok;
  };
  let reported = false;
  const api = new Api();
  const report = async (a: FinishedAttempt) => {
    panel.busy('Checking your score with the server…');
    const v = (await api.request<LmsVerifiedAttempt>('POST', LMS_VERIFY_PATH, { scenarioId: a.scenarioId, events: a.events })).data;
    post({ type: 'mir-scorm-result', raw: v.overall, passed: v.passed, data: '' });
    panel.done(`Your result is in your LMS: ${v.overall}/100, ${v.passed ? 'passed' : 'failed'}.`);
  };
  onAttemptFinished((a) => {
    if (a.scenarioId !== url.scenarioId || reported) return;
    reported = true;
    const run = (): Promise<void> => report(a).catch((e: unknown) => panel.error(`${e instanceof ApiError || e instanceof Error ? e.message : String(e)} Press Retry to send it again.`, () => void run()));
    void run();
  });
  post({ type: 'mir-scorm-ready' });
  const resume = url.resume ? parseSave(url.resume) : null;
  return { resume: resume && resume.scenarioId === url.scenarioId ? resume : null };
}
