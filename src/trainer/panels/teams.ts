// Teams: every team the trainer owns at a glance (members, invite code, what needs attention) and a
// form to create one.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type TrainerAssignmentSummary } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import type { TeamJson } from '../../shared/types.ts';
import { href, navigate } from '../router.ts';
import { Button, Card, Empty, ErrorBox, field, Icon, LinkButton, notify, PageHeader } from '../components/ui.ts';

export function TeamsPage() {
  const { teams, refreshTeams } = useSession();
  useTitle('Teams');
  // Member counts change as trainees join: fetch the list afresh whenever the page opens.
  useEffect(() => {
    void refreshTeams().catch(() => {});
  }, [refreshTeams]);
  const assignments = useResource(() => api.myAssignments(), [teams.length]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Give the team a name, for example “Front desk, March intake”.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const team = await api.createTeam(name.trim());
      await refreshTeams();
      notify(`Team “${team.name}” created`);
      setName('');
      navigate(href.team(team.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not create the team.');
    } finally {
      setBusy(false);
    }
  };

  const form = h(
    'form',
    { class: 'inline-form', onSubmit: create, 'aria-label': 'Create a team', noValidate: true },
    field({ label: 'New team', error }, (p) =>
      h('input', { ...p, name: 'team-name', placeholder: 'e.g. Front desk, March intake', maxLength: 80, value: name, onInput: (e: Event) => setName((e.target as HTMLInputElement).value) }),
    ),
    h(Button, { type: 'submit', variant: 'primary', icon: 'plus', busy }, 'Create team'),
  );

  return h(
    'div',
    { class: 'page' },
    h(PageHeader, { title: 'Teams' }, h('p', { class: 'lede' }, 'Each team has an invite code your trainees use to join. Assign scenarios to a team, then follow its progress.')),
    h(Card, { class: 'card-form' }, form),
    teams.length === 0
      ? h(
          Card,
          null,
          h(
            Empty,
            { icon: 'users', title: 'No teams yet' },
            h('p', null, 'Create a team above. You will get an invite code and a join link to share with your trainees; they appear here as they join.'),
          ),
        )
      : h(
          'ul',
          { class: 'team-grid', 'aria-label': 'Your teams' },
          teams.map((t) => h('li', { key: t.id }, h(TeamCard, { team: t, assignments: assignments.data?.filter((a) => a.teamId === t.id), loading: assignments.state === 'loading' }))),
        ),
    assignments.state === 'error' ? h(ErrorBox, { error: assignments.error, retry: assignments.reload, title: 'Could not load the assignment summary' }) : null,
  );
}

function TeamCard({ team, assignments, loading }: { team: TeamJson; assignments: TrainerAssignmentSummary[] | undefined; loading: boolean }) {
  const totals = { overdue: 0, failed: 0, passed: 0, total: 0 };
  for (const a of assignments ?? []) {
    totals.overdue += a.statusCounts.overdue;
    totals.failed += a.statusCounts.failed;
    totals.passed += a.statusCounts.passed;
    totals.total += a.members;
  }
  const attention = totals.overdue + totals.failed;
  return h(
    'article',
    { class: 'team-card', 'aria-labelledby': `team-${team.id}-name` },
    h('h2', { id: `team-${team.id}-name` }, h('a', { href: href.team(team.id) }, team.name)),
    h(
      'dl',
      { class: 'facts' },
      h('div', null, h('dt', null, 'Members'), h('dd', null, team.members ?? 0)),
      h('div', null, h('dt', null, 'Assignments'), h('dd', null, loading && !assignments ? '…' : (assignments?.length ?? 0))),
      h('div', null, h('dt', null, 'Invite code'), h('dd', { class: 'mono' }, team.inviteCode ?? '—')),
    ),
    assignments && assignments.length
      ? h(
          'div',
          { class: 'team-card-progress' },
          h(Meter, { value: totals.passed, max: totals.total, label: `${totals.passed} of ${totals.total} assignments passed` }),
          h(
            'p',
            { class: attention ? 'attention' : 'muted' },
            attention ? h(Icon, { name: 'flag' }) : null,
            attention
              ? [totals.overdue ? `${totals.overdue} overdue` : null, totals.failed ? `${totals.failed} failed` : null].filter(Boolean).join(' · ')
              : `${totals.passed} of ${totals.total} passed`,
          ),
        )
      : h('p', { class: 'muted small' }, (team.members ?? 0) === 0 ? 'Waiting for trainees to join.' : 'Nothing assigned yet.'),
    h(
      'div',
      { class: 'team-card-actions' },
      h(LinkButton, { href: href.progress(team.id), small: true, icon: 'grid' }, 'Progress'),
      h(LinkButton, { href: href.team(team.id), small: true, variant: 'ghost' }, 'Members'),
    ),
  );
}

export function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max ? Math.round((value / max) * 100) : 0;
  return h('div', { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': max, 'aria-valuenow': value, 'aria-label': label }, h('span', { style: { width: `${pct}%` } }));
}

