// LMS mode: when the page was launched by an LMS (?lms=cmi5|scorm12&scenario=…), connect to it, go
// straight to the scenario's briefing (or resume the conversation the LMS kept) and report the
// verified result. Nothing here runs for a normal visit.
import type { GameServices } from '../services.ts';
import type { SavedConversation } from '../save.ts';
import { startCmi5, reportLaunchError } from './cmi5.ts';
import { parseLaunch } from './launch.ts';
import { lmsPanel } from './panel.ts';
import { startScorm } from './scorm.ts';

export function startLms(svc: GameServices, storage: Storage): boolean {
  const url = parseLaunch(location.search, location.hash);
  if (!url) return false;
  document.documentElement.dataset.lms = url.kind;
  const panel = lmsPanel();
  document.body.append(panel.el);
  if (url.kind === 'invalid') {
    panel.error(`This lesson was not launched correctly: ${url.message}.`);
    return true;
  }

  let ready: { resume: SavedConversation | null } | null = null;
  let titleShown = false;
  let started = false;
  const go = () => {
    if (!ready || !titleShown || started) return;
    started = true;
    if (ready.resume) {
      svc.slot.write(ready.resume);
      svc.flow.send({ type: 'title.resume', scenarioId: url.scenarioId });
    } else {
      svc.flow.send({ type: 'title.start' });
      svc.flow.send({ type: 'select.pick', scenarioId: url.scenarioId });
    }
  };
  svc.flow.subscribe((snap) => {
    // The title may show before the scenario list has arrived: wait until it names this scenario.
    if (snap.value === 'title' && snap.context.scenarioIds.includes(url.scenarioId)) {
      titleShown = true;
      go();
    }
  });

  if (url.kind === 'scorm12') {
    ready = startScorm(svc, url, panel);
    return true;
  }
  const connect = () =>
    startCmi5(svc, url, storage, panel, location.origin)
      .then((session) => {
        ready = session;
        go();
      })
      .catch((e: unknown) => reportLaunchError(panel, e, () => void connect()));
  void connect();
  return true;
}
