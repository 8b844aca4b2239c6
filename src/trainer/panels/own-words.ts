// Typed replies to label: what trainees typed in own-words mode that the tagger was unsure of, or that
// they corrected. A label (the moves a reply makes) goes to the team's tagger in the game.
import { h, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { formatDate, plural } from '../lib/format.ts';
import { isMove, MOVE_INFO, MOVES, type MoveKind } from '../../engine/moves.ts';
import type { LabelJson, UnsureReplyJson } from '../../shared/own-words.ts';
import { Badge, Button, Card, Empty, ErrorBox, Loading, notify } from '../components/ui.ts';
import { TeamHeader, UnknownTeam } from '../components/team-nav.ts';

const GROUPS: [MoveKind, string][] = [
  ['good', 'Good moves'],
  ['weak', 'Weak moves'],
  ['anti', 'Poor moves'],
];

const moveName = (m: string) => m.replace(/-/g, ' ');

export function OwnWordsPage({ teamId }: { teamId: number }) {
  const { teams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  const data = useResource(() => api.ownWords(teamId), [teamId]);
  const [open, setOpen] = useState<string | null>(null);
  useTitle('Typed replies', team?.name);
  if (!team) return h(UnknownTeam, { teamId });

  const save = async (typed: string, moves: string[]) => {
    const r = await api.labelReply(teamId, typed, moves);
    notify(moves.length ? `Labelled (labels version ${r.version})` : `Label removed (labels version ${r.version})`);
    setOpen(null);
    data.reload();
  };
  const editor = (typed: string, initial: string[]) =>
    open === typed ? h(LabelForm, { typed, initial, onSave: (moves: string[]) => save(typed, moves), onCancel: () => setOpen(null) }) : null;

  let body;
  if (data.state === 'error' && !data.data) body = h(ErrorBox, { error: data.error, retry: data.reload, title: 'Could not load the typed replies' });
  else if (!data.data) body = h(Loading, { label: 'Loading typed replies…', rows: 4 });
  else {
    const d = data.data;
    body = h(
      'div',
      { class: 'stack-lg' },
      h(
        Card,
        { title: `To label (${d.unsure.length})`, id: 'own-words-unsure' },
        d.unsure.length === 0
          ? h(Empty, { icon: 'check', title: 'Nothing to label' }, h('p', null, 'Replies the tagger was unsure of, or that a trainee corrected, appear here after they play in own-words mode.'))
          : h(
              'ol',
              { class: 'typed-list' },
              d.unsure.map((u) => h(UnsureRow, { key: u.typed, u, onLabel: () => setOpen(u.typed), editor: editor(u.typed, []) })),
            ),
      ),
      h(
        Card,
        { title: `Labelled (${d.labels.length})`, id: 'own-words-labels' },
        d.labels.length === 0
          ? h('p', { class: 'sub' }, 'No labels yet. The tagger reads every reply with its shipped model.')
          : h(
              'ol',
              { class: 'typed-list' },
              d.labels.map((l) => h(LabelRow, { key: l.typed, l, onEdit: () => setOpen(l.typed), onRemove: () => save(l.typed, []), editor: editor(l.typed, l.moves) })),
            ),
      ),
    );
  }

  return h(
    'div',
    { class: 'page' },
    h(
      TeamHeader,
      { teamId, tab: 'own-words' },
      h(
        'p',
        { class: 'lede' },
        'Replies your trainees typed in own-words mode. Label one with the moves it makes, and the game reads replies like it that way for everyone in this team.',
        data.data ? ` Labels version ${data.data.version}.` : '',
      ),
    ),
    body,
  );
}

function UnsureRow({ u, onLabel, editor }: { u: UnsureReplyJson; onLabel: () => void; editor: ComponentChildren }) {
  return h(
    'li',
    { class: 'typed-item', 'data-typed': u.typed },
    h(
      'div',
      { class: 'typed-head' },
      h(
        'div',
        { class: 'typed-main' },
        h('p', { class: 'quote' }, `“${u.typed}”`),
        h('p', { class: 'sub' }, `${u.traineeName} · ${u.scenarioId} · ${formatDate(u.at)}${u.count > 1 ? ` · typed ${plural(u.count, 'time')}` : ''}`),
        h('p', { class: 'sub' }, 'Read as ', h('code', null, u.suggested), u.corrected ? [' · they picked ', h('code', null, u.choice)] : null),
      ),
      h('div', { class: 'typed-tags' }, u.unsure ? h(Badge, { tone: 'warning' }, 'Tagger unsure') : null, u.corrected ? h(Badge, { tone: 'neutral' }, 'Corrected') : null),
      editor ? null : h(Button, { small: true, icon: 'edit', onClick: onLabel, class: 'label-button' }, 'Label'),
    ),
    editor,
  );
}

function LabelRow({ l, onEdit, onRemove, editor }: { l: LabelJson; onEdit: () => void; onRemove: () => Promise<void>; editor: ComponentChildren }) {
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await onRemove();
    } catch (err) {
      notify(err instanceof ApiError ? err.message : 'Could not remove the label.', 'error');
      setBusy(false);
    }
  };
  return h(
    'li',
    { class: 'typed-item', 'data-typed': l.typed },
    h(
      'div',
      { class: 'typed-head' },
      h(
        'div',
        { class: 'typed-main' },
        h('p', { class: 'quote' }, `“${l.typed}”`),
        h('div', { class: 'typed-tags' }, l.moves.map((m) => h('span', { class: `move-tag move-${isMove(m) ? MOVE_INFO[m].kind : 'weak'}`, title: isMove(m) ? MOVE_INFO[m].meaning : undefined }, moveName(m)))),
        h('p', { class: 'sub' }, `Version ${l.version} · ${formatDate(l.labelledAt)}`),
      ),
      editor
        ? null
        : h(
            'div',
            { class: 'typed-tags' },
            h(Button, { small: true, variant: 'ghost', icon: 'edit', onClick: onEdit }, 'Edit'),
            h(Button, { small: true, variant: 'ghost', icon: 'trash', busy, onClick: () => void remove() }, 'Remove'),
          ),
    ),
    editor,
  );
}

function LabelForm({ typed, initial, onSave, onCancel }: { typed: string; initial: string[]; onSave: (moves: string[]) => Promise<void>; onCancel: () => void }) {
  const [moves, setMoves] = useState<string[]>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (m: string, on: boolean) => setMoves((cur) => (on ? [...new Set([...cur, m])] : cur.filter((x) => x !== m)));
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (!moves.length) return setError('Tick at least one move.');
    setBusy(true);
    setError(null);
    try {
      await onSave(MOVES.filter((m) => moves.includes(m)));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save the label.');
      setBusy(false);
    }
  };
  return h(
    'form',
    { class: 'label-form', onSubmit: submit, 'aria-label': `Moves made by “${typed}”` },
    GROUPS.map(([kind, title]) =>
      h(
        'fieldset',
        { class: 'fieldset', key: kind },
        h('legend', null, title),
        h(
          'div',
          { class: 'check-grid' },
          MOVES.filter((m) => MOVE_INFO[m].kind === kind).map((m) =>
            h(
              'label',
              { class: 'check', key: m, title: MOVE_INFO[m].meaning },
              h('input', { type: 'checkbox', name: 'move', value: m, checked: moves.includes(m), onChange: (e: Event) => toggle(m, (e.target as HTMLInputElement).checked) }),
              moveName(m),
            ),
          ),
        ),
      ),
    ),
    error ? h('p', { class: 'field-error', role: 'alert' }, error) : null,
    h('div', { class: 'label-actions' }, h(Button, { variant: 'ghost', onClick: onCancel }, 'Cancel'), h(Button, { variant: 'primary', type: 'submit', busy, icon: 'check' }, 'Save label')),
  );
}
