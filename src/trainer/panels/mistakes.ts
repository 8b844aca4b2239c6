// Common mistakes for a team at one scenario: the rules most often broken, and what trainees picked at
// each decision, so a trainer knows what to coach.
import { h } from 'preact';
import { api } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { percent, plural } from '../lib/format.ts';
import type { ChoiceCount, Decision, MistakesJson, RuleCount } from '../../shared/types.ts';
import { href, navigate } from '../router.ts';
import { Badge, Card, Empty, ErrorBox, field, Icon, LinkButton, Loading } from '../components/ui.ts';
import { TeamHeader, UnknownTeam } from '../components/team-nav.ts';

const KIND_LABEL: Record<ChoiceCount['kind'], string> = { good: 'Good moves', weak: 'Weak move', anti: 'Poor moves', mixed: 'Mixed', silence: 'Silence' };

export function MistakesPage({ teamId, scenario }: { teamId: number; scenario: string | null }) {
  const { teams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  const progress = useResource(() => api.progress(teamId), [teamId]);
  const library = useResource(() => api.library(), []);
  // Default: the scenario of the team's newest assignment, else the first in the library.
  const assigned = progress.data?.assignments ?? [];
  const newest = [...assigned].sort((a, b) => b.id - a.id)[0];
  const fallback = newest ? newest.scenarioId : (library.data?.scenarios[0]?.id ?? null);
  const current = scenario ?? fallback;
  const mistakes = useResource(() => (current ? api.mistakes(teamId, current) : Promise.resolve(null)), [teamId, current]);
  const title = library.data?.scenarios.find((s) => s.id === current)?.title;
  useTitle('Common mistakes', title, team?.name);

  if (!team) return h(UnknownTeam, { teamId });

  const assignedIds = new Set(assigned.map((a) => a.scenarioId));
  const all = library.data?.scenarios ?? [];
  const picker = field({ label: 'Scenario', class: 'field-inline' }, (p) =>
    h(
      'select',
      { ...p, value: current ?? '', disabled: !library.data, onChange: (e: Event) => navigate(href.mistakes(teamId, (e.target as HTMLSelectElement).value), true) },
      assignedIds.size ? h('optgroup', { label: 'Assigned to this team' }, all.filter((s) => assignedIds.has(s.id)).map((s) => h('option', { value: s.id }, s.title))) : null,
      h('optgroup', { label: assignedIds.size ? 'Other scenarios' : 'Scenarios' }, all.filter((s) => !assignedIds.has(s.id)).map((s) => h('option', { value: s.id }, s.title))),
    ),
  );

  let body;
  if (mistakes.state === 'error') body = h(ErrorBox, { error: mistakes.error, retry: mistakes.reload, title: 'Could not count the mistakes' });
  else if (library.state === 'error') body = h(ErrorBox, { error: library.error, retry: library.reload, title: 'Could not load the scenarios' });
  else if (!mistakes.data) body = h(Loading, { label: 'Counting mistakes…', rows: 6 });
  else if (mistakes.data.attempts === 0)
    body = h(
      Card,
      null,
      h(
        Empty,
        { icon: 'chart', title: `Nobody in ${team.name} has played “${mistakes.data.scenario.title}” yet`, action: assignedIds.has(mistakes.data.scenario.id) ? null : h(LinkButton, { href: href.assign(teamId, mistakes.data.scenario.id), variant: 'primary', icon: 'plus' }, 'Assign it') },
        h('p', null, 'Mistakes are counted from finished attempts, assigned or free play.'),
      ),
    );
  else body = h(MistakesView, { m: mistakes.data });

  const m = mistakes.data;
  return h(
    'div',
    { class: 'page' },
    h(TeamHeader, { teamId, tab: 'mistakes' }),
    h(
      'div',
      { class: 'filter-row' },
      picker,
      m && m.attempts ? h('p', { class: 'lede' }, `From ${plural(m.attempts, 'attempt')} by ${plural(m.trainees, 'trainee')}. `, h('a', { href: href.scenario(m.scenario.id) }, 'See the scenario’s branches')) : null,
    ),
    body,
  );
}

function MistakesView({ m }: { m: MistakesJson }) {
  return h(
    'div',
    { class: 'stack-lg' },
    h(
      Card,
      { title: 'Rules most often broken' },
      m.rules.length === 0
        ? h(Empty, { icon: 'check', title: 'No rule was broken' }, h('p', null, 'Every attempt kept clear of the rubric’s penalties. Nice work, team.'))
        : h('ol', { class: 'rules' }, m.rules.map((r) => h(RuleRow, { r, attempts: m.attempts }))),
    ),
    h(
      Card,
      { title: 'Choices at each decision', actions: h('span', { class: 'legend' }, 'Moves in the line:', h('i', { class: 'sw sw-good' }), 'Good', h('i', { class: 'sw sw-weak' }), 'Weak', h('i', { class: 'sw sw-anti' }), 'Poor', h('i', { class: 'sw sw-silence' }), 'Silence') },
      h('ol', { class: 'decisions' }, m.decisions.map((d, i) => h(DecisionBlock, { d, n: i + 1 }))),
    ),
  );
}

function RuleRow({ r, attempts }: { r: RuleCount; attempts: number }) {
  const share = attempts ? r.attempts / attempts : 0;
  return h(
    'li',
    { class: 'rule', 'data-rule': r.rule },
    h(
      'div',
      { class: 'rule-main' },
      h('div', { class: 'rule-head' }, h('strong', null, r.principle), h(Badge, { tone: 'neutral' }, r.dimension), h('code', { class: 'fb-rule' }, r.rule), h('span', { class: 'fb-points bad' }, `−${Math.abs(r.points)}`)),
      h('p', null, r.feedback),
    ),
    h(
      'div',
      { class: 'rule-count' },
      h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: { width: percent(share) } })),
      h('div', { class: 'strong' }, `${percent(share)} of attempts`),
      h('div', { class: 'sub' }, `${r.attempts} of ${attempts} · ${plural(r.trainees, 'trainee')}${r.count > r.attempts ? ` · ${r.count} times` : ''}`),
    ),
  );
}

function DecisionBlock({ d, n }: { d: Decision; n: number }) {
  return h(
    'li',
    { class: 'decision', 'data-node': d.node },
    h(
      'div',
      { class: 'decision-head' },
      h('span', { class: 'decision-n', 'aria-hidden': 'true' }, n),
      h('div', null, h('p', { class: 'quote' }, d.line), h('p', { class: 'sub' }, `${d.node} · customer ${d.emotion} · reached ${plural(d.reached, 'time')}`)),
    ),
    h(
      'ul',
      { class: 'choices' },
      d.choices.map((c) =>
        h(
          'li',
          { class: `choice kind-${c.kind}${c.count === 0 ? ' unpicked' : ''}`, 'data-choice': c.id ?? 'silence' },
          h(
            'div',
            { class: 'choice-text' },
            h('span', { class: 'kind' }, KIND_LABEL[c.kind]),
            c.best ? h('span', { class: 'best-route', title: 'On the best-scoring route' }, h(Icon, { name: 'star' }), 'Best route') : null,
            h('span', null, c.text),
            c.costs.length
              ? h(
                  'ul',
                  { class: 'costs', 'aria-label': 'Points lost at this choice' },
                  c.costs.map((k) => h('li', { class: 'cost', 'data-rule': k.rule, title: k.rule }, `−${Math.abs(k.points)} ${k.principle}`, k.count > 1 ? h('span', { class: 'cost-n' }, ` ×${k.count}`) : null)),
                )
              : null,
          ),
          h(
            'div',
            { class: 'choice-count' },
            h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: { width: percent(c.share) } })),
            h('span', { class: 'strong' }, percent(c.share)),
            h('span', { class: 'sub' }, ` ${c.count}×`),
          ),
        ),
      ),
    ),
  );
}
