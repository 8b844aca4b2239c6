// The studio's pages: the list of scenarios a trainer edits (new, copy, import), and the editor.
import './studio.css';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StudioCreateBody as StudioBody, StudioScenario } from '../../shared/studio.ts';
import { api } from '../api.ts';
import { Badge, Button, Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui.ts';
import { useResource, useTitle } from '../hooks.ts';
import { href, navigate } from '../router.ts';
import { studioApi } from './api.ts';
import { StudioEditor } from './editor.ts';

export function StudioListPage() {
  useTitle('Studio');
  const list = useResource(() => studioApi.list(), []);
  const library = useResource(() => api.library(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copyOf, setCopyOf] = useState('');

  const create = async (what: string, body: StudioBody) => {
    setBusy(what);
    setError(null);
    try {
      const s = await studioApi.create(body);
      navigate(href.studioEdit(s.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const importFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) await create('import', { yaml: await file.text() });
  };

  return h(
    'div',
    { class: 'page' },
    h(PageHeader, { title: 'Studio' }, h('p', { class: 'lede' }, 'Write, check, preview and publish scenarios. Checks run as you type, with the same rules as publishing.')),
    h(
      Card,
      { title: 'Start a scenario' },
      h(
        'div',
        { class: 'studio-start' },
        h(Button, { variant: 'primary', icon: 'plus', busy: busy === 'blank', onClick: () => void create('blank', { blank: true }) }, 'New from scratch'),
        h(
          'div',
          { class: 'copy-row' },
          h('label', { for: 'copy-of' }, 'Copy of'),
          h(
            'select',
            { id: 'copy-of', class: 'input', value: copyOf, onChange: (e: Event) => setCopyOf((e.currentTarget as HTMLSelectElement).value) },
            h('option', { value: '' }, 'Choose a scenario…'),
            (library.data?.scenarios ?? []).map((s) => h('option', { value: s.id }, s.title)),
          ),
          h(Button, { icon: 'copy', disabled: !copyOf, busy: busy === 'copy', onClick: () => void create('copy', { copyOf }) }, 'Copy'),
        ),
        h('label', { class: 'btn btn-secondary file-btn' }, 'Import YAML…', h('input', { type: 'file', accept: '.yaml,.yml,text/yaml', class: 'sr-only', onChange: (e: Event) => void importFile(e) })),
      ),
      error ? h('p', { class: 'field-error', role: 'alert' }, error) : null,
    ),
    h(
      Card,
      { title: 'Your scenarios' },
      list.state === 'loading' && !list.data
        ? h(Loading, null)
        : list.error
          ? h(ErrorBox, { error: list.error, retry: list.reload })
          : !list.data?.length
            ? h(Empty, { icon: 'book', title: 'Nothing in the studio yet' }, 'Start from scratch or copy a scenario above.')
            : h(
                'ul',
                { class: 'studio-list' },
                list.data.map((s) =>
                  h(
                    'li',
                    { key: s.id },
                    h('a', { href: href.studioEdit(s.id), class: 'studio-list-title' }, s.title),
                    h('span', { class: 'muted small' }, s.id),
                    h(Badge, { tone: s.status === 'published' ? 'passed' : 'neutral' }, s.status),
                    s.latestVersion ? h('span', { class: 'muted small' }, `v${s.latestVersion}${s.unpublishedChanges ? ' · unpublished changes' : ''}`) : null,
                  ),
                ),
              ),
    ),
  );
}

export function StudioEditPage({ id }: { id: string }) {
  const res = useResource(() => studioApi.get(id), [id]);
  const [scenario, setScenario] = useState<StudioScenario | null>(null);
  useEffect(() => {
    if (res.data) setScenario(res.data);
  }, [res.data]);
  useTitle(scenario?.title ?? id, 'Studio');
  // Voice and art are made in the background: follow their progress while any version waits for them.
  const making = scenario?.versions.some((v) => v.media.state === 'queued' || v.media.state === 'running');
  useEffect(() => {
    if (!making) return;
    const t = setInterval(() => void studioApi.get(id).then(setScenario, () => {}), 2000);
    return () => clearInterval(t);
  }, [making, id]);
  if (res.error && !scenario) return h('div', { class: 'page' }, h(ErrorBox, { error: res.error, retry: res.reload }));
  if (!scenario) return h('div', { class: 'page' }, h(Loading, { label: 'Opening the scenario…' }));
  return h(StudioEditor, { key: id, initial: scenario, onChanged: setScenario });
}
