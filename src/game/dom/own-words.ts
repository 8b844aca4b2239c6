// Own-words mode's reply box: the player types what they would say, the game shows the authored reply
// it understood, and the player confirms it or picks the one they meant.
import type { Understood } from '../understand.ts';
import { h, icon } from './h.ts';

export interface OwnWordsProps {
  replies: ReadonlyArray<{ id: string; text: string }>;
  understand(typed: string): Promise<Understood>;
  /** Says the reply; false when the customer has not finished yet (the player may try again). */
  confirm(choice: { id: string; typed: string; suggested: string; corrected: boolean; unsure: boolean }): boolean;
}

export function ownWordsPanel(p: OwnWordsProps): HTMLElement {
  const textOf = (id: string) => p.replies.find((r) => r.id === id)?.text ?? '';
  const status = h('p', { class: 'own-words-status', role: 'status', 'aria-live': 'polite' });
  const box = h('textarea', { class: 'own-words-input', id: 'own-words-input', rows: 3, maxlength: 600, placeholder: 'Type what you would say…', 'aria-describedby': 'own-words-help' });
  const say = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'say' }, h('span', null, 'Say it'), icon('arrow'));
  const form = h(
    'form',
    { class: 'own-words-form' },
    h('label', { for: 'own-words-input', class: 'own-words-label' }, 'Your reply, in your own words'),
    box,
    h('div', { class: 'own-words-row' }, h('small', { id: 'own-words-help' }, 'Enter to say it · Shift+Enter for a new line'), say),
  );
  const el = h('div', { class: 'own-words', 'data-own-words': 'type' }, form, status);

  const confirm = (id: string, typed: string, suggested: string, unsure: boolean) => {
    if (el.dataset.ownWords === 'done') return;
    if (!p.confirm({ id, typed, suggested, corrected: id !== suggested, unsure })) {
      status.textContent = 'One moment: let them finish speaking first.';
      return;
    }
    // Said: nothing here answers again until the next turn replaces this box.
    el.dataset.ownWords = 'done';
    for (const b of el.querySelectorAll('button')) b.setAttribute('aria-disabled', 'true');
  };

  function showUnderstood(typed: string, ranked: string[], unsure: boolean): void {
    const [best, ...rest] = ranked;
    el.dataset.ownWords = 'confirm';
    const others = rest.map((id) =>
      h('button', { class: 'choice own-words-alt', type: 'button', 'data-choice': id, onclick: () => confirm(id, typed, best, unsure) }, h('span', { class: 'choice-text' }, textOf(id))),
    );
    const yes = h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'confirm-reply', 'data-choice': best, onclick: () => confirm(best, typed, best, unsure) }, icon('check'), h('span', null, 'Yes, that'));
    const edit = h('button', { class: 'btn btn-ghost', type: 'button', 'data-action': 'edit-reply', onclick: () => showTyping(typed) }, h('span', null, 'Edit my words'));
    el.replaceChildren(
      h('p', { class: 'own-words-typed' }, h('strong', null, 'You said: '), `“${typed}”`),
      h('div', { class: 'own-words-best' }, h('p', { class: 'own-words-label' }, unsure ? 'Not sure, but it sounded closest to:' : 'That reads like:'), h('p', { class: 'own-words-suggested', 'data-suggested': best }, textOf(best)), h('div', { class: 'own-words-row' }, edit, yes)),
      h('p', { class: 'own-words-label' }, 'Or pick the reply you meant:'),
      h('div', { class: 'own-words-alts', role: 'group', 'aria-label': 'Other replies' }, ...others),
      status,
    );
    status.textContent = '';
    yes.focus({ preventScroll: true });
  }

  function showTyping(typed = ''): void {
    el.dataset.ownWords = 'type';
    box.value = typed;
    el.replaceChildren(form, status);
    box.focus({ preventScroll: true });
  }

  async function submit(): Promise<void> {
    const typed = box.value.trim();
    say.setAttribute('aria-disabled', 'true');
    status.textContent = 'Reading your reply…';
    try {
      const r = await p.understand(typed);
      if (!r.ok) {
        status.textContent = r.message;
        box.focus({ preventScroll: true });
        return;
      }
      showUnderstood(typed, r.ranked, r.unsure);
    } catch {
      status.textContent = 'Your reply could not be read just now; pick one from the list instead.';
      showUnderstood(typed, p.replies.map((x) => x.id), true);
    } finally {
      say.removeAttribute('aria-disabled');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  });
  queueMicrotask(() => box.focus({ preventScroll: true }));
  return el;
}
