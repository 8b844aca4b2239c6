// Assign scenarios: pick one or more from the library (briefing, difficulty, skills), for the whole
// team or chosen trainees, with a due date, pass mark and attempt limit.
import { h } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { useSession } from '../session.ts';
import { useResource, useTitle } from '../hooks.ts';
import { defaultDue, DIFFICULTY_LABEL, formatDate, formatDateTime, fromLocalInput, plural, toLocalInput } from '../lib/format.ts';
import type { ScenarioCard } from '../../shared/types.ts';
import { href, navigate } from '../router.ts';
import { Badge, Button, Card, Empty, ErrorBox, field, LinkButton, Loading, notify } from '../components/ui.ts';
import { TeamHeader, UnknownTeam } from '../components/team-nav.ts';
import { AssignmentSettings, TraineePicker, validateSettings, type SettingsValue } from './assignment-fields.ts';

export const SETTING_LABEL: Record<string, string> = {
  'hotel-desk': 'Hotel front desk',
  'call-centre': 'Call centre',
  'shop-counter': 'Shop counter',
  office: 'Office',
  chat: 'Live chat',
  'airport-gate': 'Airport gate',
  'clinic-desk': 'Clinic front desk',
};

export function AssignPage({ teamId, preselect }: { teamId: number; preselect: string | null }) {
  const { teams } = useSession();
  const team = teams.find((t) => t.id === teamId);
  useTitle('Assign scenarios', team?.name);
  const library = useResource(() => api.library(), []);
  const progress = useResource(() => api.progress(teamId), [teamId]);
  const [selected, setSelected] = useState<string[]>(preselect ? [preselect] : []);
  const [query, setQuery] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [settings, setSettings] = useState<SettingsValue>({ due: toLocalInput(defaultDue()), passMark: '70', limit: '', ownWords: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const scenarios = library.data?.scenarios ?? [];
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return scenarios.filter(
      (s) =>
        (!difficulty || s.difficulty === difficulty) &&
        (!q || [s.title, s.company, s.customerName, s.briefing.mistake, ...s.skills.map((k) => k.principle)].some((t) => t.toLowerCase().includes(q))),
    );
  }, [scenarios, query, difficulty]);

  if (!team) return h(UnknownTeam, { teamId });

  const problems = validateSettings(settings);
  const trainees = progress.data?.trainees ?? [];
  const assignedAlready = new Map((progress.data?.assignments ?? []).map((a) => [a.scenarioId, a]));
  const toggle = (id: string, on: boolean) => setSelected((cur) => (on ? [...new Set([...cur, id])] : cur.filter((x) => x !== id)));

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (selected.length === 0) return setError('Pick at least one scenario.');
    if (Object.keys(problems).length) return setError('Check the due date, pass mark and attempt limit.');
    if (chosen !== null && chosen.length === 0) return setError('Choose at least one trainee, or set it for the whole team.');
    setBusy(true);
    try {
      const r = await api.assign(teamId, {
        scenarioIds: selected,
        trainees: chosen,
        dueAt: fromLocalInput(settings.due) as string,
        passMark: Number(settings.passMark),
        maxAttempts: settings.limit === '' ? null : Number(settings.limit),
        ownWords: settings.ownWords,
      });
      notify(`${plural(r.assignments.length, 'scenario')} assigned to ${chosen === null ? team.name : plural(chosen.length, 'trainee')}`);
      navigate(href.team(teamId));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not assign the scenarios.');
      setBusy(false);
    }
  };

  const who = chosen === null ? `the whole team (${trainees.length})` : plural(chosen.length, 'chosen trainee');
  const due = fromLocalInput(settings.due);
  return h(
    'div',
    { class: 'page' },
    h(TeamHeader, { teamId, tab: 'assign', title: 'Assign scenarios', actions: h(LinkButton, { href: href.team(teamId), variant: 'ghost' }, 'Cancel') }),
    h(
      'form',
      { class: 'assign-form', onSubmit: submit, noValidate: true, 'aria-label': 'Assign scenarios' },
      h(
        Card,
        { title: '1. Scenarios' },
        h(
          'div',
          { class: 'toolbar' },
          field({ label: 'Search', class: 'grow' }, (p) =>
            h('input', { ...p, type: 'search', placeholder: 'Title, customer, skill…', value: query, onInput: (e: Event) => setQuery((e.target as HTMLInputElement).value) }),
          ),
          field({ label: 'Difficulty' }, (p) =>
            h(
              'select',
              { ...p, value: difficulty, onChange: (e: Event) => setDifficulty((e.target as HTMLSelectElement).value) },
              h('option', { value: '' }, 'Any'),
              ['easy', 'medium', 'hard'].map((d) => h('option', { value: d }, DIFFICULTY_LABEL[d])),
            ),
          ),
        ),
        library.state === 'error'
          ? h(ErrorBox, { error: library.error, retry: library.reload, title: 'Could not load the scenarios' })
          : !library.data
            ? h(Loading, { label: 'Loading scenarios…', rows: 4 })
            : visible.length === 0
              ? h(Empty, { icon: 'search', title: 'No scenario matches' }, h('p', null, 'Try another word, or clear the filters.'))
              : h(
                  'fieldset',
                  { class: 'scenario-picks' },
                  h('legend', { class: 'sr-only' }, 'Scenarios to assign'),
                  visible.map((s) => h(ScenarioPick, { key: s.id, s, checked: selected.includes(s.id), onToggle: toggle, already: assignedAlready.get(s.id)?.dueAt })),
                ),
        tried && selected.length === 0 ? h('p', { class: 'field-error' }, 'Pick at least one scenario.') : null,
      ),
      h(
        Card,
        { title: '2. Trainees' },
        progress.state === 'error'
          ? h(ErrorBox, { error: progress.error, retry: progress.reload, title: 'Could not load the team' })
          : !progress.data
            ? h(Loading, { label: 'Loading the team…', rows: 2 })
            : h(TraineePicker, { trainees, chosen, onChange: setChosen }),
        progress.data && trainees.length === 0 ? h('p', { class: 'muted small' }, 'Nobody has joined yet; an assignment for the whole team reaches everyone who joins later.') : null,
      ),
      h(Card, { title: '3. Due date and scoring' }, h(AssignmentSettings, { value: settings, onChange: setSettings, problems })),
      h(
        'div',
        { class: 'submit-bar' },
        h(
          'p',
          { class: 'submit-summary', 'aria-live': 'polite' },
          selected.length
            ? [h('strong', null, plural(selected.length, 'scenario')), ` for ${who}`, due ? `, due ${formatDateTime(due)}` : '', `, pass mark ${settings.passMark || '—'}.`]
            : 'No scenario picked yet.',
        ),
        error ? h('p', { class: 'field-error', role: 'alert' }, error) : null,
        h(Button, { type: 'submit', variant: 'primary', busy, icon: 'check' }, selected.length > 1 ? `Assign ${selected.length} scenarios` : 'Assign scenario'),
      ),
    ),
  );
}

function ScenarioPick({ s, checked, onToggle, already }: { s: ScenarioCard; checked: boolean; onToggle: (id: string, on: boolean) => void; already?: string }) {
  const id = `pick-${s.id}`;
  return h(
    'div',
    { class: checked ? 'pick checked' : 'pick' },
    h('input', { type: 'checkbox', id, checked, 'data-scenario': s.id, 'aria-describedby': `${id}-desc`, onChange: (e: Event) => onToggle(s.id, (e.target as HTMLInputElement).checked) }),
    h(
      'label',
      { for: id },
      h('span', { class: 'pick-title' }, s.title),
      h('span', { class: 'pick-meta' }, h(Badge, { tone: s.difficulty }, DIFFICULTY_LABEL[s.difficulty]), SETTING_LABEL[s.setting] ?? s.setting, ' · ', s.customerName),
    ),
    h(
      'div',
      { class: 'pick-body', id: `${id}-desc` },
      h('p', null, s.briefing.mistake),
      h(SkillChips, { skills: s.skills, max: 5 }),
      h(
        'p',
        { class: 'pick-foot' },
        `${s.routes.toLocaleString()} routes · scores ${s.score?.overall.min ?? 0}–${s.score?.overall.max ?? 0}`,
        s.source === 'uploaded' ? ' · uploaded' : '',
        already ? h('span', { class: 'text-warn' }, ` · already assigned, due ${formatDate(already)}`) : null,
      ),
    ),
  );
}

/** The skills a scenario practises; past `max`, a "+N" chip names the rest in its tooltip. */
export function SkillChips({ skills, max }: { skills: ScenarioCard['skills']; max: number }) {
  const shown = skills.length > max + 1 ? skills.slice(0, max) : skills;
  const rest = skills.slice(shown.length);
  return h(
    'ul',
    { class: 'chips', 'aria-label': 'Skills practised' },
    shown.map((k) => h('li', { class: 'chip' }, k.principle)),
    rest.length ? h('li', { class: 'chip chip-more', title: rest.map((k) => k.principle).join(', ') }, `+${rest.length} more`, h('span', { class: 'sr-only' }, `: ${rest.map((k) => k.principle).join(', ')}`)) : null,
  );
}
