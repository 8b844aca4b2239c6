// Progress: trainees × assignments with each status and best score. Sort by any column, filter by
// name, status or assignment, and export exactly what is shown as CSV.
import { h, type ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { dueLabel, formatDate, formatDateTime, plural } from '../lib/format.ts';
import { buildRows, filterRows, sortRows, STATUS_LABEL, STATUSES, type MatrixFilter, type SortDir, type SortKey } from '../../shared/progress.ts';
import type { AssignmentJson, ProgressCell, ProgressJson, Status } from '../../shared/types.ts';
import { href } from '../router.ts';
import { Button, Card, Empty, ErrorBox, field, Icon, LinkButton, Loading, StatusBadge } from '../components/ui.ts';
import { TeamHeader, UnknownTeam } from '../components/team-nav.ts';
import { AssignmentDialog } from './assignment-dialog.ts';

export function ProgressPage({ teamId }: { teamId: number }) {
  const { teams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  useTitle('Progress', team?.name);
  const progress = useResource(() => api.progress(teamId), [teamId]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [assignment, setAssignment] = useState<number | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'name', dir: 'asc' });
  const [editing, setEditing] = useState<AssignmentJson | null>(null);

  const data = progress.data;
  const filter: MatrixFilter = { q, status: status || undefined, assignment: assignment ?? undefined };
  const rows = useMemo(() => (data ? sortRows(filterRows(buildRows(data), data, filter), data, sort.key, sort.dir) : []), [data, q, status, assignment, sort]);

  if (!team) return h(UnknownTeam, { teamId });

  const shown = data ? (assignment ? data.assignments.filter((a) => a.id === assignment) : data.assignments) : [];
  const filtered = Boolean(q.trim() || status || assignment);
  const clear = () => {
    setQ('');
    setStatus('');
    setAssignment(null);
  };
  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  const csvHref = api.progressCsvUrl(teamId, { q, status, assignment, sort: sort.key, dir: sort.dir });

  let body;
  if (progress.state === 'error' && !data) body = h(ErrorBox, { error: progress.error, retry: progress.reload, title: 'Could not load the progress' });
  else if (!data) body = h(Loading, { label: 'Loading progress…', rows: 5 });
  else if (data.trainees.length === 0)
    body = h(
      Empty,
      { icon: 'users', title: 'Nobody has joined this team yet', action: h(LinkButton, { href: href.team(teamId), variant: 'primary' }, 'Share the invite code') },
      h('p', null, 'The matrix fills in as trainees join and play their assignments.'),
    );
  else if (data.assignments.length === 0)
    body = h(
      Empty,
      { icon: 'book', title: 'Nothing assigned yet', action: h(LinkButton, { href: href.assign(teamId), variant: 'primary', icon: 'plus' }, 'Assign scenarios') },
      h('p', null, `${plural(data.trainees.length, 'trainee')} ready. Assign a scenario to see where each one stands.`),
    );
  else
    body = h(
      'div',
      null,
      h(Summary, { data, rows: rows.map((r) => r.cells.filter((c) => !assignment || c.assignmentId === assignment)).flat() }),
      rows.length === 0
        ? h(Empty, { icon: 'search', title: 'No trainee matches these filters', action: h(Button, { onClick: clear }, 'Clear filters') })
        : h(Matrix, { data, rows, shown, sort, sortBy, onEdit: setEditing }),
    );

  return h(
    'div',
    { class: 'page page-wide' },
    h(TeamHeader, { teamId, tab: 'progress' }),
    h(
      Card,
      { class: 'matrix-card' },
      h(
        'div',
        { class: 'toolbar', role: 'search', 'aria-label': 'Filter the progress' },
        field({ label: 'Trainee', class: 'grow' }, (p) =>
          h('input', { ...p, type: 'search', placeholder: 'Name or email', value: q, onInput: (e: Event) => setQ((e.target as HTMLInputElement).value) }),
        ),
        field({ label: 'Status' }, (p) =>
          h(
            'select',
            { ...p, value: status, onChange: (e: Event) => setStatus((e.target as HTMLSelectElement).value as Status | '') },
            h('option', { value: '' }, 'Any status'),
            STATUSES.map((s) => h('option', { value: s }, STATUS_LABEL[s])),
          ),
        ),
        field({ label: 'Assignment' }, (p) =>
          h(
            'select',
            { ...p, value: assignment ?? '', onChange: (e: Event) => setAssignment(Number((e.target as HTMLSelectElement).value) || null) },
            h('option', { value: '' }, 'All assignments'),
            (data?.assignments ?? []).map((a) => h('option', { value: a.id }, `${a.scenarioTitle ?? a.scenarioId} (due ${formatDate(a.dueAt)})`)),
          ),
        ),
        h(
          'div',
          { class: 'toolbar-actions' },
          filtered ? h(Button, { variant: 'ghost', small: true, onClick: clear }, 'Clear') : null,
          h(
            'a',
            { class: 'btn btn-secondary', href: csvHref, download: '', 'data-testid': 'export-csv' },
            h(Icon, { name: 'download' }),
            'Export CSV',
          ),
          h(Button, { variant: 'ghost', small: true, icon: 'refresh', onClick: progress.reload, busy: progress.state === 'loading' && Boolean(data), 'aria-label': 'Refresh' }),
        ),
      ),
      body,
    ),
    h(AssignmentDialog, { assignment: editing, trainees: data?.trainees ?? [], onClose: () => setEditing(null), onChanged: progress.reload }),
  );
}

function Summary({ data, rows }: { data: ProgressJson; rows: ProgressCell[] }) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const c of rows) if (c.status !== 'not-assigned') counts[c.status]++;
  return h(
    'ul',
    { class: 'summary', 'aria-label': 'Totals for the rows shown' },
    STATUSES.map((s) => h('li', { class: `summary-item status-${s}` }, h('span', { class: 'summary-count' }, counts[s]), h('span', null, STATUS_LABEL[s]))),
    h('li', { class: 'summary-note' }, `Updated ${formatDateTime(data.generatedAt)}`),
  );
}

function SortHeader({ label, sortKey, sort, sortBy, children }: { label: string; sortKey: SortKey; sort: { key: SortKey; dir: SortDir }; sortBy: (k: SortKey) => void; children?: ComponentChildren }) {
  const active = sort.key === sortKey;
  return h(
    'div',
    { class: 'th-inner' },
    h(
      'button',
      { type: 'button', class: active ? 'sort active' : 'sort', onClick: () => sortBy(sortKey), 'aria-label': `Sort by ${label}` },
      h('span', null, label),
      h(Icon, { name: active ? (sort.dir === 'asc' ? 'up' : 'down') : 'sort', class: 'icon sort-icon' }),
    ),
    children,
  );
}

function Matrix({
  data,
  rows,
  shown,
  sort,
  sortBy,
  onEdit,
}: {
  data: ProgressJson;
  rows: ReturnType<typeof buildRows>;
  shown: AssignmentJson[];
  sort: { key: SortKey; dir: SortDir };
  sortBy: (k: SortKey) => void;
  onEdit: (a: AssignmentJson) => void;
}) {
  const ariaSort = (k: SortKey) => (sort.key === k ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const index = new Map(data.assignments.map((a, i) => [a.id, i]));
  const now = Date.now();
  return h(
    'div',
    { class: 'table-wrap matrix-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Progress matrix (scrolls sideways)' },
    h(
      'table',
      { class: 'table matrix', 'data-testid': 'matrix' },
      h('caption', { class: 'sr-only' }, `Progress of ${plural(rows.length, 'trainee')} on ${plural(shown.length, 'assignment')}. Columns can be sorted.`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', class: 'col-name', 'aria-sort': ariaSort('name') }, h(SortHeader, { label: 'Trainee', sortKey: 'name', sort, sortBy })),
          h('th', { scope: 'col', class: 'col-progress', 'aria-sort': ariaSort('progress') }, h(SortHeader, { label: 'Passed', sortKey: 'progress', sort, sortBy })),
          shown.map((a) => {
            const key = `a:${a.id}` as SortKey;
            const late = Date.parse(a.dueAt) < now;
            return h(
              'th',
              { scope: 'col', class: 'col-assignment', 'aria-sort': ariaSort(key), 'data-assignment': a.id },
              h(
                SortHeader,
                { label: a.scenarioTitle ?? a.scenarioId, sortKey: key, sort, sortBy },
                h(
                  'div',
                  { class: 'th-meta' },
                  h('span', { class: late ? 'text-warn' : undefined }, dueLabel(a.dueAt, now)),
                  h('span', null, ` · pass ${a.passMark}`),
                  a.trainees ? h('span', null, ` · ${plural(a.trainees.length, 'trainee')}`) : null,
                  a.ownWords ? h('span', { title: 'Trainees type their replies' }, ' · own words') : null,
                ),
                h('button', { type: 'button', class: 'link-button', onClick: () => onEdit(a), 'aria-label': `Edit ${a.scenarioTitle ?? a.scenarioId}` }, 'Edit'),
              ),
            );
          }),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            { key: r.trainee.id, 'data-trainee': r.trainee.name },
            h('th', { scope: 'row', class: 'col-name' }, h('a', { href: href.trainee(r.trainee.id), class: 'strong' }, r.trainee.name), h('div', { class: 'sub' }, r.trainee.email)),
            h('td', { class: 'col-progress' }, h('span', { class: 'strong' }, `${r.passed}/${r.assigned}`), h('div', { class: 'sub' }, r.average === null ? 'no scores' : `avg best ${r.average}`)),
            shown.map((a) => {
              const c = r.cells[index.get(a.id) as number];
              if (c.status === 'not-assigned') return h('td', { class: 'cell cell-na', 'data-status': c.status, 'data-assignment': a.id }, h('span', { class: 'muted', title: 'Not assigned to this trainee' }, '—'), h('span', { class: 'sr-only' }, 'Not assigned'));
              return h(
                'td',
                { class: 'cell', 'data-status': c.status, 'data-assignment': a.id },
                h(StatusBadge, { status: c.status }),
                h(
                  'div',
                  { class: 'cell-meta' },
                  c.best !== null ? h('span', { class: c.best >= a.passMark ? 'best pass' : 'best' }, `Best ${c.best}`) : null,
                  c.attempts ? h('span', null, `${c.attempts}${a.maxAttempts ? `/${a.maxAttempts}` : ''} ${c.attempts === 1 && !a.maxAttempts ? 'try' : 'tries'}`) : null,
                ),
              );
            }),
          ),
        ),
      ),
    ),
  );
}
