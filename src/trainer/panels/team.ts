// One team: rename it, share its invite code and join link, see and remove members, and see, edit or
// withdraw its assignments.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { dueLabel, formatDate, formatDateTime, plural } from '../lib/format.ts';
import type { AssignmentJson, MemberJson, ProgressJson } from '../../shared/types.ts';
import { href } from '../router.ts';
import { Button, Card, ConfirmDialog, CopyButton, CopyField, Dialog, Empty, ErrorBox, field, LinkButton, Loading, notify } from '../components/ui.ts';
import { TeamHeader, UnknownTeam } from '../components/team-nav.ts';
import { AssignmentDialog } from './assignment-dialog.ts';

/** The link a trainee opens to join: the game, with the code filled in. */
export function joinLink(code: string): string {
  return `${location.origin}/?join=${encodeURIComponent(code)}`;
}

export function TeamPage({ teamId }: { teamId: number }) {
  const { teams, refreshTeams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  const view = useResource(() => api.team(teamId), [teamId]);
  const progress = useResource(() => api.progress(teamId), [teamId]);
  useTitle(team?.name);
  const [renaming, setRenaming] = useState(false);
  const [newCode, setNewCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<MemberJson | null>(null);
  const [editing, setEditing] = useState<AssignmentJson | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (!team) return h(UnknownTeam, { teamId });

  const reloadAll = () => {
    view.reload();
    progress.reload();
    void refreshTeams();
  };

  const regenerate = async () => {
    setBusy(true);
    try {
      await api.newInviteCode(teamId);
      await refreshTeams();
      notify('New invite code ready; the old one no longer works');
      setNewCode(false);
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : 'Could not make a new code.');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.removeMember(teamId, removing.id);
      notify(`${removing.name} removed from ${team.name}`);
      setRemoving(null);
      reloadAll();
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : 'Could not remove the member.');
    } finally {
      setBusy(false);
    }
  };

  const members = view.data?.members ?? [];
  const code = team.inviteCode ?? '';

  return h(
    'div',
    { class: 'page' },
    h(TeamHeader, {
      teamId,
      tab: 'overview',
      actions: [
        h(Button, { variant: 'ghost', icon: 'edit', onClick: () => setRenaming(true) }, 'Rename'),
        h(LinkButton, { href: href.assign(teamId), variant: 'primary', icon: 'plus' }, 'Assign scenarios'),
      ],
    }),
    h(
      'div',
      { class: 'two-col' },
      h(
        Card,
        { title: 'Members', actions: view.data ? h('span', { class: 'count' }, plural(members.length, 'trainee')) : null },
        view.state === 'error'
          ? h(ErrorBox, { error: view.error, retry: view.reload, title: 'Could not load the members' })
          : !view.data
            ? h(Loading, { label: 'Loading members…' })
            : members.length === 0
              ? h(Empty, { icon: 'users', title: 'Nobody has joined yet' }, h('p', null, 'Share the invite code or the join link. New members appear here as soon as they join.'))
              : h(MembersTable, { members, onRemove: (m) => (setActionError(null), setRemoving(m)) }),
      ),
      h(
        Card,
        { title: 'Invite trainees', class: 'invite-card' },
        h('p', { class: 'muted small' }, 'Trainees create their account with this code in the game, or open the link.'),
        h(
          'div',
          { class: 'invite-code-row' },
          h('div', null, h('div', { class: 'invite-code-label', id: 'invite-code-label' }, 'Invite code'), h('output', { class: 'invite-code', 'aria-labelledby': 'invite-code-label', 'data-testid': 'invite-code' }, code)),
          h(CopyButton, { value: code, what: 'invite code' }),
        ),
        h(CopyField, { label: 'Join link', value: joinLink(code), testId: 'join-link' }),
        h(Button, { small: true, variant: 'ghost', icon: 'refresh', onClick: () => (setActionError(null), setNewCode(true)) }, 'Make a new code'),
      ),
    ),
    h(
      Card,
      { title: 'Assignments', actions: h(LinkButton, { href: href.progress(teamId), small: true, variant: 'ghost', icon: 'grid' }, 'Open progress') },
      progress.state === 'error'
        ? h(ErrorBox, { error: progress.error, retry: progress.reload, title: 'Could not load the assignments' })
        : !progress.data
          ? h(Loading, { label: 'Loading assignments…' })
          : progress.data.assignments.length === 0
            ? h(
                Empty,
                { icon: 'book', title: 'Nothing assigned yet', action: h(LinkButton, { href: href.assign(teamId), variant: 'primary', icon: 'plus' }, 'Assign scenarios') },
                h('p', null, 'Pick scenarios from the library, set a due date and a pass mark.'),
              )
            : h(AssignmentsTable, { data: progress.data, onEdit: setEditing }),
    ),
    h(RenameDialog, { open: renaming, name: team.name, teamId, onClose: () => setRenaming(false), onDone: refreshTeams }),
    h(
      ConfirmDialog,
      { open: newCode, title: 'Make a new invite code?', confirm: 'Make a new code', busy, error: actionError, onConfirm: regenerate, onClose: () => setNewCode(false) },
      h('p', null, `The code ${code} and its join link will stop working. People already in the team stay in it.`),
    ),
    h(
      ConfirmDialog,
      { open: removing !== null, title: `Remove ${removing?.name ?? ''} from the team?`, confirm: 'Remove from team', danger: true, busy, error: actionError, onConfirm: remove, onClose: () => setRemoving(null) },
      h('p', null, 'They keep their account and their attempts, but leave this team’s assignments, progress and leaderboard. To come back they need a new account with the invite code.'),
    ),
    h(AssignmentDialog, { assignment: editing, trainees: progress.data?.trainees ?? [], onClose: () => setEditing(null), onChanged: progress.reload }),
  );
}

function MembersTable({ members, onRemove }: { members: MemberJson[]; onRemove: (m: MemberJson) => void }) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'num' }, 'Attempts'), h('th', { scope: 'col' }, 'Last played'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h(
        'tbody',
        null,
        members.map((m) =>
          h(
            'tr',
            { key: m.id },
            h('th', { scope: 'row' }, h('a', { href: href.trainee(m.id), class: 'strong' }, m.name), h('div', { class: 'sub' }, m.email)),
            h('td', { class: 'num' }, m.attempts),
            h('td', null, m.lastAttemptAt ? formatDateTime(m.lastAttemptAt) : h('span', { class: 'muted' }, 'Not yet')),
            h('td', { class: 'actions' }, h(Button, { small: true, variant: 'ghost', icon: 'trash', onClick: () => onRemove(m), 'aria-label': `Remove ${m.name}` }, 'Remove')),
          ),
        ),
      ),
    ),
  );
}

function AssignmentsTable({ data, onEdit }: { data: ProgressJson; onEdit: (a: AssignmentJson) => void }) {
  const now = Date.now();
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Scenario'),
          h('th', { scope: 'col' }, 'For'),
          h('th', { scope: 'col' }, 'Due'),
          h('th', { scope: 'col', class: 'num' }, 'Pass mark'),
          h('th', { scope: 'col', class: 'num' }, 'Attempt limit'),
          h('th', { scope: 'col' }, 'Standing'),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')),
        ),
      ),
      h(
        'tbody',
        null,
        data.assignments.map((a) => {
          const cells = data.cells.filter((c) => c.assignmentId === a.id && c.status !== 'not-assigned');
          const count = (s: string) => cells.filter((c) => c.status === s).length;
          const overdue = Date.parse(a.dueAt) < now;
          return h(
            'tr',
            { key: a.id },
            h('th', { scope: 'row' }, h('a', { href: href.scenario(a.scenarioId), class: 'strong' }, a.scenarioTitle ?? a.scenarioId), a.ownWords ? h('div', { class: 'sub' }, 'Own words: typed replies') : null),
            h('td', null, a.trainees === null ? 'Whole team' : plural(a.trainees.length, 'trainee')),
            h('td', null, h('div', null, formatDate(a.dueAt)), h('div', { class: overdue ? 'sub text-warn' : 'sub' }, dueLabel(a.dueAt, now))),
            h('td', { class: 'num' }, a.passMark),
            h('td', { class: 'num' }, a.maxAttempts ?? h('span', { class: 'muted' }, 'No limit')),
            h(
              'td',
              null,
              h(
                'span',
                { class: 'standing' },
                h('span', { class: count('passed') ? 'pill status-passed' : 'pill status-not-started' }, `${count('passed')} passed`),
                count('failed') ? h('span', { class: 'pill status-failed' }, `${count('failed')} failed`) : null,
                count('overdue') ? h('span', { class: 'pill status-overdue' }, `${count('overdue')} overdue`) : null,
                h('span', { class: 'sub' }, ` of ${cells.length}`),
              ),
            ),
            h(
              'td',
              { class: 'actions' },
              h(Button, { small: true, variant: 'ghost', icon: 'edit', onClick: () => onEdit(a), 'aria-label': `Edit or withdraw ${a.scenarioTitle ?? a.scenarioId}` }, 'Edit'),
            ),
          );
        }),
      ),
    ),
  );
}

function RenameDialog({ open, name, teamId, onClose, onDone }: { open: boolean; name: string; teamId: number; onClose: () => void; onDone: () => Promise<void> }) {
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setValue(name);
    setError(null);
  }, [open, name]);
  const save = async (e?: Event) => {
    e?.preventDefault();
    if (!value.trim()) {
      setError('A team needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const t = await api.renameTeam(teamId, value.trim());
      await onDone();
      notify(`Team renamed to “${t.name}”`);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not rename the team.');
    } finally {
      setBusy(false);
    }
  };
  return h(
    Dialog,
    {
      open,
      title: 'Rename team',
      onClose,
      footer: [h(Button, { variant: 'ghost', onClick: onClose }, 'Cancel'), h(Button, { variant: 'primary', busy, onClick: () => void save() }, 'Save name')],
    },
    h(
      'form',
      { onSubmit: save, noValidate: true },
      field({ label: 'Team name', error }, (p) =>
        h('input', { ...p, name: 'team-name', maxLength: 80, value, onInput: (e: Event) => setValue((e.target as HTMLInputElement).value) }),
      ),
    ),
  );
}
