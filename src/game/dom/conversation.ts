// The conversation's DOM half: the choices as real buttons (the visible choice list), Continue, the
// pause button, and the meters mirrored as role="meter" for assistive technology. Phaser draws the
// backdrop, portrait, speech bubble and the visible meters underneath.
import type { ChoiceView } from '../session.ts';
import { h, icon } from './h.ts';

export interface ConversationHandlers {
  onChoose(id: string): void;
  onContinue(): void;
  onSkip(): void;
  onPause(): void;
}

export class ConversationView {
  readonly el: HTMLElement;
  #choices: HTMLElement;
  #mood: HTMLElement;
  #patience: HTMLElement;
  #hint: HTMLElement;
  #buttons: HTMLButtonElement[] = [];
  #unlocked = false;
  #h: ConversationHandlers;

  constructor(title: string, customerName: string, handlers: ConversationHandlers) {
    this.#h = handlers;
    this.#mood = h('div', { role: 'meter', class: 'sr-only', id: 'meter-mood', 'aria-label': `${customerName}'s satisfaction`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 });
    this.#patience = h('div', { role: 'meter', class: 'sr-only', id: 'meter-patience', 'aria-label': `${customerName}'s patience`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 100 });
    this.#choices = h('div', { class: 'choices', role: 'group', 'aria-label': 'Your reply', id: 'choices' });
    this.#hint = h('p', { class: 'skip-hint', 'aria-hidden': 'true' });
    this.el = h(
      'section',
      { class: 'screen conversation-screen', 'data-screen': 'conversation', 'aria-label': `Conversation: ${title}` },
      h('h1', { class: 'sr-only' }, title),
      h('button', { class: 'btn btn-round pause-btn', 'aria-label': 'Pause (Esc)', 'data-action': 'pause', onclick: () => this.#h.onPause() }, icon('pause')),
      this.#mood,
      this.#patience,
      this.#choices,
      this.#hint,
    );
    // A click on the scene (not on a control) skips the typing.
    this.el.addEventListener('pointerdown', (e) => {
      if (!(e.target as HTMLElement).closest('button')) this.#h.onSkip();
    });
  }

  /**
   * Shows the choices in the order given (the attempt's shuffled order, src/engine/shuffle.ts), so keys
   * 1-9 follow what is on screen. They stay aria-disabled until `unlock()`. Focus moves to the first one.
   */
  showChoices(choices: ChoiceView[], unlocked: boolean): void {
    this.#unlocked = unlocked;
    this.#buttons = choices.map((c) =>
      h(
        'button',
        { class: 'choice', 'data-choice': c.id, 'aria-disabled': unlocked ? 'false' : 'true', 'aria-keyshortcuts': c.key <= 9 ? String(c.key) : null, onclick: () => this.#unlocked && this.#h.onChoose(c.id) },
        h('span', { class: 'choice-key', 'aria-hidden': 'true' }, c.key <= 9 ? String(c.key) : ''),
        h('span', { class: 'choice-text' }, c.text),
      ),
    );
    this.#choices.replaceChildren(...this.#buttons);
    this.#choices.classList.toggle('locked', !unlocked);
    this.#choices.classList.add('enter');
    this.#hint.textContent = '';
    this.#buttons[0]?.focus({ preventScroll: true });
  }

  /** Own-words mode: the reply box (src/game/dom/own-words.ts) where the choices would be. */
  showOwnWords(panel: HTMLElement): void {
    this.#buttons = [];
    this.#unlocked = true;
    this.#choices.replaceChildren(panel);
    this.#choices.classList.remove('locked', 'enter');
    this.#hint.textContent = '';
  }

  unlock(): void {
    this.#unlocked = true;
    this.#choices.classList.remove('locked');
    for (const b of this.#buttons) b.setAttribute('aria-disabled', 'false');
  }

  get unlocked(): boolean {
    return this.#unlocked;
  }

  /** Replaces the choices with a single Continue button. */
  showContinue(label: string): void {
    this.#buttons = [];
    const btn = h('button', { class: 'choice choice-continue', 'data-action': 'continue', onclick: () => this.#h.onContinue() }, h('span', { class: 'choice-text' }, label), icon('arrow'));
    this.#choices.replaceChildren(btn);
    this.#choices.classList.remove('locked');
    this.#hint.textContent = '';
    btn.focus({ preventScroll: true });
  }

  /** While the customer speaks: no choices, a hint that Enter skips. */
  clearChoices(hint: string): void {
    this.#buttons = [];
    this.#unlocked = false;
    this.#choices.replaceChildren();
    this.#choices.classList.remove('enter');
    this.#hint.textContent = hint;
  }

  /** Keeps the choice list below the speech bubble. */
  setTopLimit(y: number): void {
    this.#choices.style.maxHeight = `${Math.max(200, 720 - 26 - y)}px`;
  }

  choiceByKey(n: number): string | null {
    return this.#buttons[n - 1]?.dataset.choice ?? null;
  }
  get hasContinue(): boolean {
    return !!this.#choices.querySelector('[data-action="continue"]');
  }

  setMeters(mood: number, moodWord: string, patiencePercent: number, secondsLeft: number): void {
    const m = Math.round(mood);
    if (this.#mood.getAttribute('aria-valuenow') !== String(m)) {
      this.#mood.setAttribute('aria-valuenow', String(m));
      this.#mood.setAttribute('aria-valuetext', `${m} out of 100, ${moodWord}`);
    }
    const p = Math.round(patiencePercent);
    if (this.#patience.getAttribute('aria-valuenow') !== String(p)) {
      this.#patience.setAttribute('aria-valuenow', String(p));
      this.#patience.setAttribute('aria-valuetext', `${Math.ceil(secondsLeft)} seconds left`);
    }
  }
}
