// The debrief's note on where a signed-in player's attempt went: saving, saved (with the server's
// score), queued for later, or refused with the server's reason.
import type { SyncView } from '../online.ts';
import { h, icon } from './h.ts';

export function syncNote(initial: SyncView): { el: HTMLElement; update(v: SyncView): void } {
  const el = h('p', { class: 'sync', 'data-hook': 'sync' });
  const update = (v: SyncView) => {
    el.dataset.sync = v.state;
    if (v.state === 'sending') el.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', null, 'Saving to your record…'));
    else if (v.state === 'saved') {
      const differs = v.attempt.score !== v.localScore;
      el.replaceChildren(
        icon('check'),
        h('span', null, h('strong', null, 'Saved to your record'), differs ? ` · the server scored it ${v.attempt.score}` : ` · verified ${v.attempt.score}`, v.attempt.assignmentId ? ' · counts for your assignment' : ''),
      );
      el.dataset.serverScore = String(v.attempt.score);
    } else if (v.state === 'queued') el.replaceChildren(icon('cloud'), h('span', null, h('strong', null, 'Queued'), ' - will send when you’re back online'));
    else el.replaceChildren(icon('cross'), h('span', null, h('strong', null, 'Not saved: '), v.message));
  };
  update(initial);
  return { el, update };
}
