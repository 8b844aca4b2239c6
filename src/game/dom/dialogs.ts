// Modal layers: the pause menu and the settings dialog. Focus moves in, Tab stays inside, Esc closes.
import { CHANNELS, TEXT_SIZES, type Channel, type SettingsStore } from '../settings.ts';
import { h, icon } from './h.ts';

const CHANNEL_LABEL: Record<Channel, string> = { voice: 'Voice', effects: 'Effects', ambient: 'Ambience' };

function trapFocus(el: HTMLElement, onEscape: () => void): void {
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onEscape();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...el.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]')].filter((x) => !x.hasAttribute('disabled'));
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
}

export function modal(id: string, title: string, body: HTMLElement[], onEscape: () => void): HTMLElement {
  const el = h(
    'div',
    { class: 'modal-backdrop', 'data-modal': id },
    h('div', { class: 'modal panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...body),
  );
  trapFocus(el, onEscape);
  return el;
}

export interface PauseProps {
  onResume(): void;
  onSettings(): void;
  onQuit(): void;
}

export function pauseMenu(p: PauseProps): HTMLElement {
  const resume = h('button', { class: 'btn btn-primary btn-big', 'data-action': 'resume', onclick: () => p.onResume() }, icon('play'), h('span', null, 'Resume'));
  const el = modal(
    'pause',
    'Paused',
    [
      h('p', { class: 'sub' }, 'The customer is waiting, but their patience is on hold.'),
      h(
        'div',
        { class: 'modal-actions column' },
        resume,
        h('button', { class: 'btn btn-secondary', 'data-action': 'settings', onclick: () => p.onSettings() }, icon('gear'), h('span', null, 'Settings')),
        h('button', { class: 'btn btn-ghost', 'data-action': 'quit', onclick: () => p.onQuit() }, icon('home'), h('span', null, 'Quit to menu (progress is saved)')),
      ),
    ],
    () => p.onResume(),
  );
  queueMicrotask(() => resume.focus());
  return el;
}

export function settingsDialog(store: SettingsStore, onClose: () => void): HTMLElement {
  const s = store.value;
  const sizeGroup = h(
    'fieldset',
    { class: 'setting-group' },
    h('legend', null, 'Text size'),
    h(
      'div',
      { class: 'segmented' },
      TEXT_SIZES.map((size) =>
        h(
          'label',
          null,
          h('input', {
            type: 'radio',
            name: 'text-size',
            value: size,
            checked: s.textSize === size,
            onchange: () => store.update({ textSize: size }),
          }),
          h('span', null, `${size}%`),
        ),
      ),
    ),
  );
  const motionValue = s.reducedMotion === null ? 'system' : s.reducedMotion ? 'on' : 'off';
  const motion = h(
    'fieldset',
    { class: 'setting-group' },
    h('legend', null, 'Reduced motion'),
    h(
      'div',
      { class: 'segmented' },
      (
        [
          ['system', 'Like my device'],
          ['on', 'On'],
          ['off', 'Off'],
        ] as const
      ).map(([v, label]) =>
        h(
          'label',
          null,
          h('input', {
            type: 'radio',
            name: 'reduced-motion',
            value: v,
            checked: motionValue === v,
            onchange: () => store.update({ reducedMotion: v === 'system' ? null : v === 'on' }),
          }),
          h('span', null, label),
        ),
      ),
    ),
  );
  const audio = h(
    'fieldset',
    { class: 'setting-group' },
    h('legend', null, 'Sound'),
    CHANNELS.map((ch) => {
      const id = `vol-${ch}`;
      const muteId = `mute-${ch}`;
      return h(
        'div',
        { class: 'volume-row' },
        h('label', { for: id }, CHANNEL_LABEL[ch]),
        h('input', {
          id,
          type: 'range',
          min: 0,
          max: 100,
          step: 5,
          value: Math.round(s.audio[ch].volume * 100),
          'aria-valuetext': `${Math.round(s.audio[ch].volume * 100)}%`,
          oninput: (e: Event) => {
            const input = e.target as HTMLInputElement;
            input.setAttribute('aria-valuetext', `${input.value}%`);
            store.update({ audio: { [ch]: { volume: Number(input.value) / 100 } } });
          },
        }),
        h(
          'label',
          { class: 'mute', for: muteId },
          h('input', { id: muteId, type: 'checkbox', checked: s.audio[ch].muted, onchange: (e: Event) => store.update({ audio: { [ch]: { muted: (e.target as HTMLInputElement).checked } } }) }),
          h('span', null, 'Mute'),
        ),
      );
    }),
    h('p', { class: 'note' }, 'Captions are always on: every line is shown as text.'),
  );
  const ownWords = h(
    'fieldset',
    { class: 'setting-group' },
    h('legend', null, 'Replies'),
    h(
      'div',
      { class: 'segmented' },
      (
        [
          [false, 'Choose from a list'],
          [true, 'Type in my own words'],
        ] as const
      ).map(([v, label]) =>
        h('label', null, h('input', { type: 'radio', name: 'own-words', value: String(v), checked: s.ownWords === v, onchange: () => store.update({ ownWords: v }) }), h('span', null, label)),
      ),
    ),
    h('p', { class: 'note' }, 'Own words: you type first, then confirm which reply the game understood. Understood on this device; nothing is sent anywhere to read it.'),
  );
  const done = h('button', { class: 'btn btn-primary', 'data-action': 'close-settings', onclick: () => onClose() }, icon('check'), h('span', null, 'Done'));
  const el = modal('settings', 'Settings', [sizeGroup, motion, ownWords, audio, h('div', { class: 'modal-actions' }, done)], onClose);
  queueMicrotask(() => (el.querySelector('input') as HTMLElement | null)?.focus());
  return el;
}
