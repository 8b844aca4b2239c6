// One scenario: its briefing, the skills its best route practises, what the route walk found, and a
// diagram of its branches (Mermaid, drawn in the browser). Assign it to a team from here.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { DIFFICULTY_LABEL, formatDate, OUTCOME_LABEL, plural } from '../lib/format.ts';
import type { ScenarioDetail } from '../../shared/types.ts';
import { href, navigate } from '../router.ts';
import { Badge, Button, Card, Dialog, Empty, ErrorBox, field, Icon, Loading, PageHeader, Stat } from '../components/ui.ts';
import { Diagram } from '../components/diagram.ts';
import { GateTable } from '../components/gate.ts';
import { SETTING_LABEL } from './assign.ts';
import { Range } from './scenarios.ts';
import { LmsExportCard } from './lms-export.ts';

export function ScenarioPage({ scenarioId }: { scenarioId: string }) {
  const data = useResource(() => api.scenario(scenarioId), [scenarioId]);
  useTitle(data.data?.title ?? 'Scenario');
  const crumbs = h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: href.scenarios() }, 'Scenarios'), h(Icon, { name: 'next', class: 'icon crumb-sep' }), h('span', { 'aria-current': 'page' }, data.data?.title ?? scenarioId));
  if (data.state === 'error' && !data.data) {
    return h(
      'div',
      { class: 'page' },
      crumbs,
      h(PageHeader, { title: data.error.status === 404 ? 'Scenario not found' : 'Scenario' }),
      data.error.status === 404 ? h(Empty, { icon: 'book', title: `There is no scenario “${scenarioId}”` }, h('p', null, h('a', { href: href.scenarios() }, 'Back to the library'))) : h(ErrorBox, { error: data.error, retry: data.reload }),
    );
  }
  if (!data.data) return h('div', { class: 'page' }, crumbs, h(PageHeader, { title: 'Scenario' }), h(Loading, { label: 'Loading the scenario…', rows: 6 }));
  return h('div', { class: 'page' }, crumbs, h(ScenarioView, { s: data.data }));
}

function ScenarioView({ s }: { s: ScenarioDetail }) {
  const [assigning, setAssigning] = useState(false);
  const outcomes = Object.entries(s.outcomes).sort((a, b) => b[1] - a[1]);
  return h(
    'div',
    { class: 'stack-lg' },
    h(
      PageHeader,
      { title: s.title, kicker: `${SETTING_LABEL[s.setting] ?? s.setting} · ${s.company}`, actions: h(Button, { variant: 'primary', icon: 'plus', onClick: () => setAssigning(true) }, 'Assign to a team') },
      h(
        'p',
        { class: 'lede' },
        h(Badge, { tone: s.difficulty }, DIFFICULTY_LABEL[s.difficulty]),
        ' ',
        s.source === 'uploaded' ? `Uploaded by ${s.uploadedBy ?? 'a trainer'} on ${formatDate(s.uploadedAt)}` : 'Built in',
        ` · customer: ${s.customerName}`,
      ),
    ),
    h(
      'div',
      { class: 'two-col two-col-wide' },
      h(
        Card,
        { title: 'Briefing' },
        h(
          'dl',
          { class: 'briefing' },
          h('dt', null, 'Who'),
          h('dd', null, s.briefing.who),
          h('dt', null, 'What went wrong'),
          h('dd', null, s.briefing.mistake),
          h('dt', null, 'A good outcome'),
          h('dd', null, s.briefing.goal),
        ),
        h('h3', { class: 'h3' }, 'Skills practised'),
        h('p', { class: 'sub' }, 'The good moves on the best-scoring route, as the principles they practise.'),
        h('ul', { class: 'chips' }, s.skills.map((k) => h('li', { class: 'chip', title: k.move }, k.principle))),
      ),
      h(
        Card,
        { title: 'Every route' },
        h(
          'div',
          { class: 'stats stats-tight' },
          h(Stat, { label: 'Routes', value: `${s.routes.toLocaleString()}${s.truncated ? '+' : ''}` }),
          h(Stat, { label: 'Decisions', value: s.nodes }),
          h(Stat, { label: 'Endings', value: s.endings }),
        ),
        s.score
          ? h(
              'table',
              { class: 'table table-compact ranges' },
              h('caption', { class: 'sr-only' }, 'Lowest and highest score over all routes'),
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Range over all routes'))),
              h(
                'tbody',
                null,
                (['overall', 'empathy', 'ownership', 'timing'] as const).map((k) =>
                  h('tr', null, h('th', { scope: 'row' }, k[0].toUpperCase() + k.slice(1)), h('td', null, h(Range, { min: s.score![k].min, max: s.score![k].max }))),
                ),
              ),
            )
          : null,
        h('p', { class: 'sub' }, 'Endings over all routes: ', outcomes.map(([o, n], i) => `${i ? ', ' : ''}${OUTCOME_LABEL[o] ?? o} ${n.toLocaleString()}`).join('')),
        h('h3', { class: 'h3' }, `Best route (${s.bestRoute.overall})`),
        h('ol', { class: 'route' }, s.bestRoute.steps.map((step) => h('li', null, h('code', null, step)))),
      ),
      s.gameability ? h(Card, { title: 'Without reading' }, h(GateTable, { g: s.gameability })) : null,
      s.source === 'uploaded' ? null : h(LmsExportCard, { scenarioId: s.id, title: s.title }),
    ),
    h(Card, { title: 'Branches' }, h(Diagram, { source: s.mermaid, label: `Diagram of the branches of ${s.title}` })),
    h(AssignDialog, { open: assigning, scenario: s, onClose: () => setAssigning(false) }),
  );
}

function AssignDialog({ open, scenario, onClose }: { open: boolean; scenario: ScenarioDetail; onClose: () => void }) {
  const { teams } = useSession();
  const [team, setTeam] = useState<number | null>(teams[0]?.id ?? null);
  const go = () => team && navigate(href.assign(team, scenario.id));
  return h(
    Dialog,
    {
      open,
      title: `Assign “${scenario.title}”`,
      onClose,
      footer: teams.length ? [h(Button, { variant: 'ghost', onClick: onClose }, 'Cancel'), h(Button, { variant: 'primary', onClick: go }, 'Continue')] : [h(Button, { onClick: onClose }, 'Close')],
    },
    teams.length === 0
      ? h('p', null, 'You have no team yet. ', h('a', { href: href.teams() }, 'Create a team'), ' first.')
      : field({ label: 'Team' }, (p) => h('select', { ...p, value: team ?? '', onChange: (e: Event) => setTeam(Number((e.target as HTMLSelectElement).value)) }, teams.map((t) => h('option', { value: t.id }, `${t.name} (${plural(t.members ?? 0, 'member')})`)))),
  );
}
