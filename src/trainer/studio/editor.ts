// The studio editor: the outline, the form of the selected part, the live checks and the versions.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { StudioScenario } from '../../shared/studio.ts';
import type { DraftProblem, FieldPath } from '../../shared/studio-checks.ts';
import { ApiError } from '../api.ts';
import { Badge, Button, Icon, LinkButton, notify } from '../components/ui.ts';
import { href } from '../router.ts';
import { studioApi } from './api.ts';
import { Form, type FormContext } from './fields.ts';
import { EndingForm, NodeForm, ScenarioForm } from './forms.ts';
import { addEnding, addNode, freeId, ids, movePart, removePart, renamePart, selectionOf, setIn, type Data, type Part, type Selection } from './model.ts';
import { Outline } from './outline.ts';
import { LazyGraph } from './lazy-graph.ts';
import { ChecksPanel } from './checks-panel.ts';
import { useStudioDoc } from './use-checks.ts';
import { useDraft, type SaveState } from './use-draft.ts';
import { Versions } from './versions.ts';

const sameSel = (a: Selection, b: Selection) => a.kind === b.kind && (a.kind === 'scenario' || (b.kind !== 'scenario' && a.id === b.id));

function saveLabel(s: SaveState): string {
  switch (s.state) {
    case 'saved':
      return `Saved ${new Date(s.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'offline':
    case 'conflict':
      return s.message;
  }
}

export function StudioEditor({ initial, onChanged }: { initial: StudioScenario; onChanged: (s: StudioScenario) => void }) {
  const draft = useDraft(initial);
  const doc = useStudioDoc(draft.yaml, draft.setYaml);
  const { check, stale, data } = doc;
  const [sel, setSel] = useState<Selection>({ kind: 'scenario' });
  const [view, setView] = useState<'form' | 'graph' | 'yaml'>('form');
  const [busy, setBusy] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const problems: DraftProblem[] = check?.problems ?? [];

  const update = (d: Data) => doc.setData(d);
  const form: FormContext = {
    data: data ?? {},
    problems,
    set: (path: FieldPath, value: unknown) => (path.length === 0 ? update(value as Data) : data && update(setIn(data, path, value))),
  };

  const countFor = (s: Selection) => problems.filter((p) => p.severity === 'error' && sameSel(selectionOf(p.path), s)).length;
  const show = (s: Selection) => {
    setSel(s);
    setView('form');
    setTimeout(() => document.getElementById('form-title')?.focus(), 0);
  };
  const goToProblem = (p: DraftProblem) => {
    show(selectionOf(p.path));
    setTimeout(() => {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p.path.join('.'))}"]`);
      el?.focus();
    }, 30);
  };

  const add = (part: Part) => {
    if (!data) return;
    const id = freeId(data, part === 'nodes' ? 'node' : 'ending');
    update(part === 'nodes' ? addNode(data, id) : addEnding(data, id));
    setSel(part === 'nodes' ? { kind: 'node', id } : { kind: 'ending', id });
    notify(`Added ${part === 'nodes' ? 'node' : 'ending'} "${id}". Press F2 to rename it.`);
  };
  const rename = (part: Part, from: string, to: string): string | null => {
    if (!data) return 'The draft does not read as YAML; fix it in the YAML view first.';
    if ([...ids(data, 'nodes'), ...ids(data, 'endings')].includes(to)) return `"${to}" is taken.`;
    update(renamePart(data, part, from, to));
    if (sel.kind !== 'scenario' && sel.id === from) setSel({ ...sel, id: to });
    return null;
  };
  const remove = (part: Part, id: string) => {
    if (!data) return;
    update(removePart(data, part, id));
    if (sel.kind !== 'scenario' && sel.id === id) setSel({ kind: 'scenario' });
    notify(`Removed "${id}". Anything that led there is now flagged by the checks.`);
  };

  const publish = async () => {
    setBusy('publish');
    setRefused(null);
    try {
      if (!(await draft.flush())) throw new Error('The draft could not be saved; publish again when it is saved.');
      const r = await studioApi.publish(initial.id);
      notify(`Published version ${r.version}.`);
      onChanged(await studioApi.get(initial.id));
    } catch (e) {
      const list = e instanceof ApiError ? ((e.body as { problems?: { message: string }[] } | null)?.problems ?? []) : [];
      setRefused(`${(e as Error).message}${list.length ? `: ${list.map((p) => p.message).join('; ')}` : ''}`);
    } finally {
      setBusy(null);
    }
  };
  const preview = async () => {
    await draft.flush();
    window.open(studioApi.previewUrl(initial.id), '_blank', 'noopener');
  };

  const errors = problems.filter((p) => p.severity === 'error').length;
  const title = typeof data?.title === 'string' ? data.title : initial.title;

  return h(
    'div',
    { class: 'page studio-page' },
    h(
      'div',
      { class: 'studio-head' },
      h(
        'div',
        null,
        h('a', { class: 'back-link', href: href.studio() }, h(Icon, { name: 'back' }), 'Studio'),
        h('h1', { id: 'page-title', tabIndex: -1 }, title, ' ', h(Badge, { tone: initial.status === 'published' ? 'passed' : 'neutral' }, initial.status)),
        h('p', { class: `save-state ${draft.save.state}`, role: 'status', 'aria-live': 'polite' }, saveLabel(draft.save), draft.restored ? ' · restored edits from this device' : ''),
      ),
      h(
        'div',
        { class: 'studio-actions' },
        h(Button, { icon: 'next', onClick: () => void preview(), title: 'Play the draft in the game, in a new tab; not recorded as an attempt' }, 'Preview'),
        h(Button, { variant: 'primary', icon: 'upload', busy: busy === 'publish', onClick: () => void publish(), disabled: !initial.canEdit }, 'Publish'),
      ),
    ),
    refused ? h('div', { class: 'notice notice-warning', role: 'alert' }, h(Icon, { name: 'alert' }), h('div', null, refused)) : null,
    h(
      'div',
      { class: 'studio-layout' },
      h(
        'aside',
        { class: 'studio-side', 'aria-label': 'Outline' },
        data
          ? h(Outline, { data, selected: sel, problemsFor: countFor, onSelect: show, onAdd: add, onRename: rename, onRemove: remove, onMove: (part, id, by) => update(movePart(data, part, id, by)) })
          : h('p', { class: 'muted' }, 'The draft does not read as YAML yet; fix it in the YAML view.'),
        h('div', { class: 'outline-add' }, h(Button, { small: true, icon: 'plus', onClick: () => add('nodes'), disabled: !data }, 'Node'), h(Button, { small: true, icon: 'plus', onClick: () => add('endings'), disabled: !data }, 'Ending')),
      ),
      h(
        'section',
        { class: 'studio-main', 'aria-label': 'Editor' },
        h(
          'div',
          { class: 'tabs', role: 'tablist', 'aria-label': 'View' },
          h('button', { role: 'tab', type: 'button', class: 'tab', 'aria-selected': String(view === 'form'), onClick: () => setView('form') }, 'Form'),
          h('button', { role: 'tab', type: 'button', class: 'tab', 'aria-selected': String(view === 'graph'), onClick: () => setView('graph') }, 'Graph'),
          h('button', { role: 'tab', type: 'button', class: 'tab', 'aria-selected': String(view === 'yaml'), onClick: () => setView('yaml') }, 'YAML'),
        ),
        !doc.ready
          ? h('p', { class: 'muted studio-form' }, 'Reading the draft…')
          : view === 'yaml' || !data
          ? h(YamlView, { yaml: doc.yaml, onInput: doc.setYaml, problems })
          : view === 'graph'
          ? h(LazyGraph, { data, selected: sel, problemsFor: countFor, onSelect: show, onLink: (node, index, target) => update(setIn(data, ['nodes', node, 'choices', index, 'next'], target)) })
          : h(Form.Provider, { value: form }, sel.kind === 'node' && ids(data, 'nodes').includes(sel.id) ? h(NodeForm, { id: sel.id }) : sel.kind === 'ending' && ids(data, 'endings').includes(sel.id) ? h(EndingForm, { id: sel.id }) : h(ScenarioForm, null)),
      ),
      h(
        'aside',
        { class: 'studio-checks', 'aria-label': 'Checks' },
        h(ChecksPanel, { check, stale, errors, onProblem: goToProblem }),
        h(Versions, { scenario: initial, onChanged }),
        h('p', { class: 'muted small' }, h(LinkButton, { small: true, variant: 'ghost', href: href.scenarios() }, 'Assign from Scenarios')),
      ),
    ),
  );
}

function YamlView({ yaml, onInput, problems }: { yaml: string; onInput: (t: string) => void; problems: DraftProblem[] }) {
  return h(
    'div',
    { class: 'yaml-view' },
    h('label', { for: 'yaml-text', class: 'sr-only' }, 'Scenario YAML'),
    h('textarea', { id: 'yaml-text', class: 'yaml-text', spellcheck: false, value: yaml, onInput: (e: Event) => onInput((e.currentTarget as HTMLTextAreaElement).value) }),
    problems.length
      ? h(
          'ul',
          { class: 'yaml-problems', 'aria-label': 'Problems by line' },
          problems.map((p) => h('li', { class: p.severity }, h('code', null, `draft.yaml:${p.line}:${p.column}`), ' ', p.message)),
        )
      : null,
  );
}
