// The team leaderboard: period, mode and scenario controls on the left with participation and the
// opt-out switch; the ranked table on the right (ties share a rank, your row is marked). The table
// region is replaced by show(): loading, an error, an empty board or the entries.
import type { BoardEntry, BoardJson, Mode, Period } from '../api.ts';
import { h, icon } from './h.ts';

export interface BoardQuery {
  teamId: number;
  scenario: string | null;
  period: Period;
  mode: Mode;
}

export interface LeaderboardProps {
  teams: { id: number; name: string }[];
  scenarios: { id: string; title: string }[];
  query: BoardQuery;
  /** null: no opt-out switch (a trainer). */
  optedOut: boolean | null;
  onQuery(q: BoardQuery): void;
  onOptOut(optOut: boolean): Promise<void>;
  onBack(): void;
}

export type BoardState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'board'; board: BoardJson };

const PERIODS: [Period, string][] = [
  ['week', 'This week'],
  ['all', 'All time'],
];
const MODES: [Mode, string][] = [
  ['best', 'Best score'],
  ['average', 'Average'],
  ['improved', 'Most improved'],
];

function segmented<T extends string>(name: string, legend: string, options: [T, string][], value: T, onChange: (v: T) => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'setting-group board-group' },
    h('legend', null, legend),
    h(
      'div',
      { class: 'segmented' },
      options.map(([v, label]) =>
        h('label', null, h('input', { type: 'radio', name, value: v, checked: v === value, onchange: () => onChange(v) }), h('span', null, label)),
      ),
    ),
  );
}

export function formatValue(mode: Mode, v: number): string {
  if (mode === 'average') return v.toFixed(1);
  if (mode === 'improved') return v > 0 ? `+${v}` : String(v);
  return String(v);
}

function valueHeading(b: BoardJson): string {
  if (b.mode === 'average') return 'Average';
  if (b.mode === 'improved') return 'Improvement';
  return b.scenario ? 'Best score' : 'Best scores, added';
}

function row(e: BoardEntry, mode: Mode, me: boolean): HTMLElement {
  return h(
    'tr',
    { class: me ? 'me' : undefined, 'data-user': e.userId, 'aria-current': me ? 'true' : null },
    h('td', { class: 'rank' }, h('span', { class: `rank-badge rank-${e.rank <= 3 ? e.rank : 'n'}` }, String(e.rank))),
    h('th', { scope: 'row', class: 'who' }, e.name, me ? h('span', { class: 'you' }, 'You') : null),
    h('td', { class: 'num value', 'data-value': e.value }, formatValue(mode, e.value)),
    h('td', { class: 'num' }, String(e.attempts)),
  );
}

export function leaderboardScreen(p: LeaderboardProps): { el: HTMLElement; show(s: BoardState): void } {
  const q = { ...p.query };
  const change = (patch: Partial<BoardQuery>) => {
    Object.assign(q, patch);
    p.onQuery({ ...q });
  };
  const scenarioSelect = h(
    'select',
    { id: 'board-scenario', onchange: (e: Event) => change({ scenario: (e.target as HTMLSelectElement).value || null }) },
    h('option', { value: '' }, 'All scenarios'),
    p.scenarios.map((s) => h('option', { value: s.id, selected: s.id === q.scenario }, s.title)),
  );
  const teamSelect =
    p.teams.length > 1
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'board-team' }, 'Team'),
          h('select', { id: 'board-team', onchange: (e: Event) => change({ teamId: Number((e.target as HTMLSelectElement).value) }) }, p.teams.map((t) => h('option', { value: t.id, selected: t.id === q.teamId }, t.name))),
        )
      : null;
  const participation = h('div', { class: 'participation', 'data-hook': 'participation' });
  const optNote = h('p', { class: 'note', role: 'status' });
  const optOut =
    p.optedOut === null
      ? null
      : h(
          'div',
          { class: 'opt-out' },
          h(
            'label',
            { class: 'switch', for: 'board-optout' },
            h('input', {
              id: 'board-optout',
              type: 'checkbox',
              role: 'switch',
              checked: !p.optedOut,
              onchange: (e: Event) => void (async () => {
                const input = e.target as HTMLInputElement;
                input.disabled = true;
                optNote.textContent = '';
                try {
                  await p.onOptOut(!input.checked);
                  optNote.textContent = input.checked ? 'Your name is shown on the board.' : 'You are hidden from the board; you still count towards participation.';
                } catch (err) {
                  input.checked = !input.checked;
                  optNote.textContent = err instanceof Error ? err.message : String(err);
                } finally {
                  input.disabled = false;
                }
              })(),
            }),
            h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
            h('span', null, 'Show me on the leaderboard'),
          ),
          optNote,
        );
  const heading = h('p', { class: 'sub', 'data-hook': 'board-sub' }, '');
  const table = h('div', { class: 'board-table', 'aria-live': 'polite', 'data-hook': 'board' });
  const el = h(
    'section',
    { class: 'screen leaderboard-screen', 'data-screen': 'leaderboard', 'aria-labelledby': 'board-heading' },
    h(
      'header',
      { class: 'screen-head' },
      h('button', { class: 'btn btn-ghost btn-icon', 'aria-label': 'Back', 'data-action': 'back', onclick: () => p.onBack() }, icon('back')),
      h('div', null, h('h1', { id: 'board-heading' }, 'Team leaderboard'), heading),
    ),
    h(
      'div',
      { class: 'board-layout' },
      h(
        'aside',
        { class: 'board-controls panel', 'aria-label': 'Leaderboard options' },
        teamSelect,
        segmented('board-period', 'Period', PERIODS, q.period, (period) => change({ period })),
        segmented('board-mode', 'Ranked by', MODES, q.mode, (mode) => change({ mode })),
        h('div', { class: 'field' }, h('label', { for: 'board-scenario' }, 'Scenario'), scenarioSelect),
        participation,
        optOut,
      ),
      h('div', { class: 'board-panel panel' }, table),
    ),
  );

  const show = (s: BoardState) => {
    table.setAttribute('aria-busy', s.kind === 'loading' ? 'true' : 'false');
    if (s.kind === 'loading') {
      if (!table.querySelector('table')) table.replaceChildren(h('p', { class: 'board-empty loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading the board…'));
      else table.classList.add('stale');
      return;
    }
    table.classList.remove('stale');
    if (s.kind === 'error') {
      table.replaceChildren(h('div', { class: 'board-empty' }, icon('cloud', 'icon big'), h('p', null, s.message)));
      return;
    }
    const b = s.board;
    const periodLabel = b.period === 'week' ? `this week (from ${new Date(`${b.weekStart}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })})` : 'all time';
    heading.textContent = `${b.teamName} · ${b.scenarioTitle ?? 'All scenarios'} · ${periodLabel}`;
    const { played, members } = b.participation;
    const share = members ? Math.round((played / members) * 100) : 0;
    participation.replaceChildren(
      h('p', { class: 'part-label', id: 'part-label' }, h('strong', null, `${played} of ${members}`), ` trainee${members === 1 ? '' : 's'} played ${b.period === 'week' ? 'this week' : 'so far'}`),
      h('span', { class: 'bar', role: 'meter', 'aria-labelledby': 'part-label', 'aria-valuemin': 0, 'aria-valuemax': members, 'aria-valuenow': played, style: `--v:${share}` }, h('span', { class: 'bar-fill' })),
    );
    const meId = b.me?.userId ?? null;
    if (!b.entries.length) {
      table.replaceChildren(
        h(
          'div',
          { class: 'board-empty' },
          icon('trophy', 'icon big'),
          h('p', null, h('strong', null, b.period === 'week' ? 'Nobody is on the board this week yet.' : 'Nobody is on the board yet.')),
          h('p', { class: 'sub' }, 'Finish a conversation while signed in and your score lands here.'),
        ),
      );
      return;
    }
    const rows = b.entries.map((e) => row(e, b.mode, e.userId === meId));
    const me = b.me;
    let foot: HTMLElement | null = null;
    if (me && !b.entries.some((e) => e.userId === me.userId)) {
      if (me.rank !== undefined && me.value !== undefined) rows.push(h('tr', { class: 'gap', 'aria-hidden': 'true' }, h('td', { colspan: 4 }, '⋯')), row(me as BoardEntry, b.mode, true));
      else foot = h('p', { class: 'note board-me' }, me.optedOut ? 'You are hidden from this board (see “Show me on the leaderboard”).' : 'You have no score here yet: play a scenario to join the board.');
    } else if (me && !me.played) {
      foot = h('p', { class: 'note board-me' }, 'You have no score here yet: play a scenario to join the board.');
    }
    table.replaceChildren(
      h(
        'table',
        { class: 'board' },
        h('caption', { class: 'sr-only' }, `${b.teamName}: ${MODES.find(([m]) => m === b.mode)?.[1]}, ${b.scenarioTitle ?? 'all scenarios'}, ${periodLabel}`),
        h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'rank' }, 'Rank'), h('th', { scope: 'col' }, 'Player'), h('th', { scope: 'col', class: 'num' }, valueHeading(b)), h('th', { scope: 'col', class: 'num' }, 'Attempts'))),
        h('tbody', null, rows),
      ),
      ...(foot ? [foot] : []),
    );
  };
  return { el, show };
}
