// The scenario library: every scenario with its route count and score range, and the upload of a new
// scenario file (checked exactly like `npm run cli -- lint`; a file with problems is not saved).
import { h } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useResource, useTitle } from '../hooks.ts';
import { DIFFICULTY_LABEL, formatDate, plural } from '../lib/format.ts';
import type { ScenarioCard, ScenarioProblem } from '../../shared/types.ts';
import { GateTable } from '../components/gate.ts';
import { href } from '../router.ts';
import { Badge, Button, Card, ConfirmDialog, Empty, ErrorBox, Icon, Loading, Notice, notify, PageHeader } from '../components/ui.ts';
import { SETTING_LABEL, SkillChips } from './assign.ts';

export function ScenariosPage() {
  useTitle('Scenarios');
  const library = useResource(() => api.library(), []);
  return h(
    'div',
    { class: 'page' },
    h(PageHeader, { title: 'Scenarios' }, h('p', { class: 'lede' }, 'Every scenario your trainees can play. Route counts and score ranges come from walking every path through each one.')),
    h(Upload, { onUploaded: library.reload }),
    library.data?.problems.length
      ? h(
          Notice,
          { tone: 'warning', title: `${plural(library.data.problems.length, 'problem')} in the scenario files on the server` },
          h('p', null, 'These files were left out until they are fixed:'),
          h('ul', { class: 'problems' }, library.data.problems.map((p) => h('li', null, h('code', null, `${p.file}:${p.line}:${p.column}`), ' ', p.message))),
        )
      : null,
    library.state === 'error' && !library.data
      ? h(ErrorBox, { error: library.error, retry: library.reload, title: 'Could not load the scenarios' })
      : !library.data
        ? h(Card, null, h(Loading, { label: 'Walking every route through every scenario…', rows: 6 }))
        : library.data.scenarios.length === 0
          ? h(Card, null, h(Empty, { icon: 'book', title: 'No scenarios yet' }, h('p', null, 'Upload a scenario file above to get started.')))
          : h(LibraryTable, { scenarios: library.data.scenarios }),
  );
}

function LibraryTable({ scenarios }: { scenarios: ScenarioCard[] }) {
  return h(
    Card,
    { title: 'Library', actions: h('span', { class: 'count' }, plural(scenarios.length, 'scenario')) },
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table library' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Scenario'),
            h('th', { scope: 'col' }, 'Difficulty'),
            h('th', { scope: 'col' }, 'Skills practised'),
            h('th', { scope: 'col', class: 'num' }, 'Routes'),
            h('th', { scope: 'col' }, 'Score range'),
            h('th', { scope: 'col' }, 'Source'),
          ),
        ),
        h(
          'tbody',
          null,
          scenarios.map((s) =>
            h(
              'tr',
              { key: s.id, 'data-scenario': s.id },
              h('th', { scope: 'row' }, h('a', { href: href.scenario(s.id), class: 'strong' }, s.title), h('div', { class: 'sub' }, `${SETTING_LABEL[s.setting] ?? s.setting} · ${s.customerName}, ${s.company}`)),
              h('td', null, h(Badge, { tone: s.difficulty }, DIFFICULTY_LABEL[s.difficulty])),
              h('td', null, h(SkillChips, { skills: s.skills, max: 4 })),
              h('td', { class: 'num' }, s.routes.toLocaleString(), s.truncated ? '+' : ''),
              h('td', null, s.score ? h(Range, { min: s.score.overall.min, max: s.score.overall.max }) : '—'),
              h('td', null, s.source === 'uploaded' ? h('div', null, h(Badge, { tone: 'uploaded' }, 'Uploaded'), h('div', { class: 'sub' }, `${s.uploadedBy ?? 'a trainer'}, ${formatDate(s.uploadedAt)}`)) : h('span', { class: 'muted' }, 'Built in')),
            ),
          ),
        ),
      ),
    ),
  );
}

export function Range({ min, max }: { min: number; max: number }) {
  return h(
    'div',
    { class: 'range' },
    h('div', { class: 'range-track', 'aria-hidden': 'true' }, h('span', { style: { left: `${min}%`, width: `${Math.max(2, max - min)}%` } })),
    h('span', { class: 'range-text', 'aria-hidden': 'true' }, `${min}–${max}`),
    h('span', { class: 'sr-only' }, `from ${min} to ${max}`),
  );
}

type UploadState =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'problems'; file: string; message: string; problems: ScenarioProblem[] }
  | { state: 'error'; message: string }
  | { state: 'exists'; file: string; yaml: string; message: string };

function Upload({ onUploaded }: { onUploaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [st, setSt] = useState<UploadState>({ state: 'idle' });
  const [drag, setDrag] = useState(false);
  const [done, setDone] = useState<ScenarioCard | null>(null);

  const send = async (yaml: string, file: string, replace = false) => {
    setSt({ state: 'busy' });
    setDone(null);
    try {
      const r = await api.upload(yaml, file, replace);
      setSt({ state: 'idle' });
      setDone(r.scenario);
      notify(`“${r.scenario.title}” ${r.replaced ? 'replaced' : 'added to the library'}`);
      onUploaded();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.body?.problems)) setSt({ state: 'problems', file, message: e.message, problems: e.body.problems as ScenarioProblem[] });
      else if (e instanceof ApiError && e.status === 409 && e.body?.exists) setSt({ state: 'exists', file, yaml, message: e.message });
      else setSt({ state: 'error', message: e instanceof Error ? e.message : 'The upload failed.' });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const read = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.ya?ml$/i.test(file.name)) {
      setSt({ state: 'error', message: `${file.name} is not a scenario file: choose a .yaml or .yml file.` });
      return;
    }
    if (file.size > 200_000) {
      setSt({ state: 'error', message: `${file.name} is ${Math.round(file.size / 1000)} kB; a scenario file can be at most 200 kB.` });
      return;
    }
    await send(await file.text(), file.name);
  };

  return h(
    Card,
    { title: 'Add a scenario', class: 'upload-card' },
    h(
      'div',
      {
        class: drag ? 'dropzone drag' : 'dropzone',
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          setDrag(true);
        },
        onDragLeave: () => setDrag(false),
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setDrag(false);
          void read(e.dataTransfer?.files[0]);
        },
      },
      h(Icon, { name: 'upload', class: 'icon dropzone-icon' }),
      h(
        'div',
        null,
        h('p', { class: 'strong' }, 'Upload a scenario file (.yaml)'),
        h('p', { class: 'sub' }, 'Drop it here or choose it. It is checked like ', h('code', null, 'npm run cli -- lint'), ': a file with problems is not saved, so it never replaces a good one.'),
      ),
      h('input', { ref: input, id: 'scenario-file', type: 'file', accept: '.yaml,.yml', class: 'sr-only', tabIndex: -1, 'aria-label': 'Scenario file', onChange: (e: Event) => void read((e.target as HTMLInputElement).files?.[0]) }),
      h(Button, { variant: 'primary', icon: 'file', busy: st.state === 'busy', onClick: () => input.current?.click() }, st.state === 'busy' ? 'Checking…' : 'Choose file'),
    ),
    st.state === 'problems'
      ? h(
          'div',
          { class: 'notice notice-error upload-problems', role: 'alert', 'data-testid': 'upload-problems' },
          h(Icon, { name: 'alert' }),
          h(
            'div',
            { class: 'notice-body' },
            h('strong', null, st.message),
            h('p', null, 'Fix these in the file and upload it again:'),
            h('ol', { class: 'problems' }, st.problems.map((p) => h('li', null, h('code', null, `${p.file}:${p.line}:${p.column}`), h('span', null, p.message)))),
          ),
        )
      : null,
    st.state === 'error' ? h(ErrorBox, { error: { message: st.message }, title: 'Not uploaded' }) : null,
    done
      ? h(
          Notice,
          { tone: 'success', icon: 'check', title: `“${done.title}” is in the library` },
          h('p', null, `${done.routes.toLocaleString()} routes, scores ${done.score?.overall.min}–${done.score?.overall.max}. `, h('a', { href: href.scenario(done.id) }, 'See its branches'), ' or assign it from a team’s page. Signed-in trainees find it in the game’s list.'),
        )
      : null,
    done?.gameability ? h(GateTable, { g: done.gameability }) : null,
    h(
      ConfirmDialog,
      {
        open: st.state === 'exists',
        title: 'Replace the uploaded scenario?',
        confirm: 'Replace it',
        onConfirm: () => st.state === 'exists' && void send(st.yaml, st.file, true),
        onClose: () => setSt({ state: 'idle' }),
      },
      h('p', null, st.state === 'exists' ? st.message : ''),
      h('p', null, 'Attempts already made keep their scores. New attempts and assignments use the new version.'),
    ),
  );
}
