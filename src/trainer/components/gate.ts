// The gameability gate's figures for a trainer: how a player who does not read would score. The same
// numbers as `paths` and `lint` print, so the dashboard and the command line never disagree.
import { h } from 'preact';
import type { GameabilityJson } from '../../shared/types.ts';
import { Notice } from './ui.ts';

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function GateTable({ g }: { g: GameabilityJson }) {
  const over = (s: GameabilityJson['strategies'][number]) => s.mean > g.maxMean || s.passRate > g.maxPassRate;
  return h(
    'div',
    { class: 'gate', 'data-gameable': String(g.gameable) },
    g.gameable
      ? h(Notice, { tone: 'warning', title: 'A player who does not read can pass this scenario' }, h('p', null, `Make the tempting replies as warm and as long as the best one, so judgement is the difference. The gate allows a mean of ${g.maxMean} and ${pct(g.maxPassRate)} passing.`))
      : h('p', { class: 'sub' }, `Blind play under shuffled replies stays below the gate (mean ≤ ${g.maxMean}, passing ≤ ${pct(g.maxPassRate)}).`),
    h(
      'table',
      { class: 'table table-compact' },
      h('caption', { class: 'sr-only' }, 'Mean overall score and pass rate of players who pick without reading'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'A player who picks…'), h('th', { scope: 'col', class: 'num' }, 'Mean'), h('th', { scope: 'col', class: 'num' }, 'Passes'))),
      h(
        'tbody',
        null,
        g.strategies.map((s) =>
          h('tr', { class: over(s) ? 'gate-over' : undefined, 'data-strategy': s.id }, h('th', { scope: 'row' }, s.label), h('td', { class: 'num' }, String(s.mean)), h('td', { class: 'num' }, pct(s.passRate))),
        ),
      ),
    ),
  );
}
