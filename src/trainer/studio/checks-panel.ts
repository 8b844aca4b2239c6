// The live checks beside the editor: problems (each opens its field), route figures and the blind
// strategies' scores, refreshed as the trainer types.
import { h } from 'preact';
import type { DraftCheck, DraftProblem } from '../../shared/studio-checks.ts';
import { Icon } from '../components/ui.ts';

const GATE_MEAN = 50;

/** ["nodes", "opening", "choices", 0, "text"] → "opening › reply 1 › text". */
export function placeOf(path: (string | number)[]): string {
  if (path.length === 0 || (path.length === 1 && path[0] === 'id')) return 'Scenario';
  const parts = path[0] === 'nodes' || path[0] === 'endings' ? path.slice(1) : path;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'choices' && typeof parts[i + 1] === 'number') out.push(`reply ${(parts[++i] as number) + 1}`);
    else if (typeof parts[i] === 'number') out.push(`#${(parts[i] as number) + 1}`);
    else out.push(String(parts[i]));
  }
  return out.join(' › ');
}

export function ChecksPanel({ check, stale, errors, onProblem }: { check: DraftCheck | null; stale: boolean; errors: number; onProblem: (p: DraftProblem) => void }) {
  if (!check) return h('div', { class: 'checks-card' }, h('h2', null, 'Checks'), h('p', { class: 'muted' }, 'Checking…'));
  const fig = check.figures;
  const warnings = check.problems.length - errors;
  return h(
    'div',
    { class: `checks-card${stale ? ' stale' : ''}`, 'aria-busy': stale ? 'true' : undefined },
    h('h2', null, 'Checks', h('span', { class: 'checks-time', title: 'Time the last check took' }, `${check.ms} ms`)),
    h(
      'p',
      { class: `checks-summary ${errors ? 'bad' : 'good'}`, role: 'status' },
      h(Icon, { name: errors ? 'alert' : 'check' }),
      errors ? `${errors} problem${errors === 1 ? '' : 's'} to fix before publishing` : 'Ready to publish',
      warnings ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : '',
    ),
    check.problems.length
      ? h(
          'ul',
          { class: 'problem-list' },
          check.problems.map((p) =>
            h('li', { class: p.severity }, h('button', { type: 'button', class: 'problem-link', onClick: () => onProblem(p) }, h('span', { class: 'problem-where' }, `${placeOf(p.path)} · line ${p.line}`), h('span', null, p.message))),
          ),
        )
      : null,
    fig
      ? h(
          'div',
          { class: 'figures' },
          h('dl', { class: 'figure-grid' }, h('dt', null, 'Routes'), h('dd', null, `${fig.routes}${fig.truncated ? '+' : ''}`), h('dt', null, 'Best route'), h('dd', null, String(fig.best.score)), h('dt', null, 'Worst route'), h('dd', null, String(fig.worst.score))),
          h('p', { class: 'route-steps' }, h('strong', null, 'Best: '), fig.best.steps.join(' → '), fig.best.ending ? ` ⇒ ${fig.best.ending}` : ''),
          h('h3', null, 'Routes per ending'),
          h('ul', { class: 'bars' }, Object.entries(fig.perEnding).map(([id, n]) => h('li', null, h('span', { class: 'bar-label' }, id), h('span', { class: 'bar' }, h('span', { style: { width: `${fig.routes ? Math.max(2, (n / fig.routes) * 100) : 0}%` } })), h('span', { class: 'bar-value' }, String(n))))),
          h('h3', null, 'Players who do not read'),
          h(
            'table',
            { class: 'strategy-table' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Blind strategy'), h('th', { scope: 'col' }, 'Mean'), h('th', { scope: 'col' }, 'Pass'))),
            h('tbody', null, fig.strategies.map((s) => h('tr', { class: s.mean > GATE_MEAN ? 'games' : '' }, h('th', { scope: 'row' }, s.label), h('td', null, String(s.mean)), h('td', null, `${Math.round(s.passRate * 100)}%`)))),
          ),
        )
      : null,
  );
}
