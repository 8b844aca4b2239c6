// Scenario select: one card per scenario with its setting, difficulty, the player's best score on
// this device, and a slot for trainer assignment markers (filled through assignments.ts).
import type { Scenario } from '../../engine/schema.ts';
import type { AssignmentMarker } from '../assignments.ts';
import type { AttemptRecord } from '../history.ts';
import { SETTING_LABEL } from '../library.ts';
import { h, icon } from './h.ts';
import { portraitImg } from './portrait.ts';

export interface CardInfo {
  scenario: Scenario;
  portraitUrl: string | null;
  best: AttemptRecord | null;
  attempts: number;
  assignment: AssignmentMarker | null;
}

export interface SelectProps {
  cards: CardInfo[];
  focusId?: string | null;
  onPick(id: string): void;
  onBack(): void;
  /** Shown when signed in. */
  onLeaderboard?(): void;
}

const DIFFICULTY_STARS = { easy: 1, medium: 2, hard: 3 } as const;

function stars(d: Scenario['difficulty']): HTMLElement {
  const n = DIFFICULTY_STARS[d];
  return h(
    'span',
    { class: `chip chip-diff diff-${d}` },
    h('span', { class: 'stars', 'aria-hidden': 'true' }, [1, 2, 3].map((i) => icon('star', i <= n ? 'icon star on' : 'icon star'))),
    d[0].toUpperCase() + d.slice(1),
  );
}

/** Renders the assignment marker (or nothing). Kept separate so the server integration can re-render it. */
export function assignmentBadge(a: AssignmentMarker | null): HTMLElement | null {
  if (!a) return null;
  return h('span', { class: `assignment ${a.overdue ? 'overdue' : 'assigned'}`, 'data-hook': 'assignment' }, a.overdue ? 'Overdue' : 'Assigned', a.label ? ` · ${a.label}` : '');
}

function card(c: CardInfo, onPick: (id: string) => void): HTMLElement {
  const s = c.scenario;
  const best = c.best
    ? h('span', { class: `best ${c.best.passed ? 'passed' : 'failed'}` }, icon(c.best.passed ? 'check' : 'retry'), `Best ${c.best.overall}`, h('span', { class: 'muted' }, ` · ${c.attempts} ${c.attempts === 1 ? 'try' : 'tries'}`))
    : h('span', { class: 'best new' }, 'New');
  return h(
    'li',
    null,
    h(
      'button',
      { class: `card setting-${s.setting}`, 'data-scenario': s.id, onclick: () => onPick(s.id) },
      h('span', { class: 'card-art' }, portraitImg(c.portraitUrl, 'card-portrait'), assignmentBadge(c.assignment)),
      h(
        'span',
        { class: 'card-body' },
        h('span', { class: 'card-title' }, s.title),
        h('span', { class: 'card-who' }, `${s.customer.name} · ${s.company}`),
        h('span', { class: 'chips' }, h('span', { class: 'chip chip-setting' }, SETTING_LABEL[s.setting]), stars(s.difficulty)),
        h('span', { class: 'card-foot' }, best),
      ),
    ),
  );
}

export function selectScreen(p: SelectProps): HTMLElement {
  const list = h('ul', { class: 'cards', 'aria-label': 'Scenarios' }, p.cards.map((c) => card(c, (id) => p.onPick(id))));
  // Arrow keys move between cards in the grid (Tab still works).
  list.addEventListener('keydown', (e) => {
    const cards = [...list.querySelectorAll<HTMLElement>('.card')];
    const i = cards.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const columns = Math.max(1, Math.round(list.clientWidth / (cards[0].offsetWidth || 1)));
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    cards[Math.min(cards.length - 1, Math.max(0, i + step))].focus();
  });
  const el = h(
    'section',
    { class: 'screen select-screen', 'data-screen': 'select', 'aria-labelledby': 'select-heading' },
    h(
      'header',
      { class: 'screen-head' },
      h('button', { class: 'btn btn-ghost btn-icon', 'aria-label': 'Back to title', 'data-action': 'back', onclick: () => p.onBack() }, icon('back')),
      h('div', null, h('h1', { id: 'select-heading' }, 'Who needs you today?'), h('p', { class: 'sub' }, `${p.cards.length} customers waiting. Pick one to read the briefing.`)),
      p.onLeaderboard ? h('button', { class: 'btn btn-ghost head-end', 'data-action': 'leaderboard', onclick: () => p.onLeaderboard?.() }, icon('trophy'), h('span', null, 'Leaderboard')) : null,
    ),
    p.cards.length ? list : h('p', { class: 'empty' }, 'No scenarios were found in scenarios/.'),
  );
  return el;
}
