// Versions of a studio scenario (who published each and when, its voice and art), export as YAML,
// and unpublish, archive or restore.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { StudioMedia, StudioScenario } from '../../shared/studio.ts';
import { Button, Icon, notify } from '../components/ui.ts';
import { studioApi } from './api.ts';

function mediaText(m: StudioMedia): string {
  switch (m.state) {
    case 'queued':
      return 'Voice and art queued';
    case 'running':
      return `Making voice and art: ${m.done} of ${m.total}`;
    case 'done':
      return `Voice and art ready (${m.total} files)`;
    case 'failed':
      return `Voice and art failed${m.message ? `: ${m.message}` : ''}`;
    case 'unavailable':
      return 'Portraits only: this server has no espeak-ng, so the game shows captions instead of a voice';
  }
}

export function Versions({ scenario, onChanged }: { scenario: StudioScenario; onChanged: (s: StudioScenario) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (action: 'unpublish' | 'archive' | 'restore') => {
    setBusy(action);
    try {
      onChanged(await studioApi.status(scenario.id, action));
      notify(action === 'restore' ? 'Restored.' : action === 'archive' ? 'Archived. Attempts and transcripts stay readable.' : 'Unpublished. Trainees no longer see it.');
    } catch (e) {
      notify((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const s = scenario.status;
  return h(
    'div',
    { class: 'checks-card versions' },
    h('h2', null, 'Versions'),
    scenario.versions.length
      ? h(
          'ol',
          { class: 'version-list', reversed: true },
          scenario.versions.map((v) =>
            h(
              'li',
              { key: v.version },
              h('div', { class: 'version-head' }, h('strong', null, `Version ${v.version}`), h('a', { class: 'link-btn', href: studioApi.versionYamlUrl(scenario.id, v.version), download: `${scenario.id}-v${v.version}.yaml` }, h(Icon, { name: 'download' }), 'YAML')),
              h('div', { class: 'muted small' }, `${v.publishedBy ?? 'Unknown'} · ${new Date(v.publishedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}`),
              h('div', { class: `media-state ${v.media.state}` }, v.media.state === 'running' ? h('progress', { max: v.media.total || 1, value: v.media.done, 'aria-label': 'Voice and art progress' }) : null, mediaText(v.media)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Not published yet. Publishing makes version 1; trainees play published versions only.'),
    scenario.canEdit
      ? h(
          'div',
          { class: 'form-actions' },
          s === 'published' ? h(Button, { small: true, busy: busy === 'unpublish', onClick: () => void act('unpublish') }, 'Unpublish') : null,
          s !== 'archived' ? h(Button, { small: true, variant: 'ghost', busy: busy === 'archive', onClick: () => void act('archive') }, 'Archive') : null,
          s === 'unpublished' || s === 'archived' ? h(Button, { small: true, busy: busy === 'restore', onClick: () => void act('restore') }, 'Restore') : null,
        )
      : null,
  );
}
