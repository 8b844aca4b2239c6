// The fields an assignment has, shared by the Assign page and the edit dialog.
import { h } from 'preact';
import { useId } from 'preact/hooks';
import { fromLocalInput } from '../lib/format.ts';
import { field } from '../components/ui.ts';
import { MIN_PASS_MARK } from '../../engine/report.ts';

export interface SettingsValue {
  /** datetime-local value. */
  due: string;
  passMark: string;
  /** '' for unlimited. */
  limit: string;
  /** Trainees type their replies (own-words mode) when they play it. */
  ownWords: boolean;
}

export type SettingsProblems = Partial<Record<Exclude<keyof SettingsValue, 'ownWords'>, string>>;

export function validateSettings(v: SettingsValue, opts: { allowPast?: boolean; now?: number } = {}): SettingsProblems {
  const now = opts.now ?? Date.now();
  const out: SettingsProblems = {};
  const due = fromLocalInput(v.due);
  if (!due) out.due = 'Pick a due date and time.';
  else if (!opts.allowPast && Date.parse(due) < now - 60_000) out.due = 'The due date is in the past; trainees would be overdue at once.';
  const mark = Number(v.passMark);
  if (v.passMark.trim() === '' || !Number.isInteger(mark) || mark < MIN_PASS_MARK || mark > 100) out.passMark = `A whole number from ${MIN_PASS_MARK} to 100.`;
  if (v.limit.trim() !== '') {
    const n = Number(v.limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) out.limit = 'A whole number from 1 to 1000, or leave empty for no limit.';
  }
  return out;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

export function AssignmentSettings({ value: v, onChange, problems }: { value: SettingsValue; onChange: (v: SettingsValue) => void; problems: SettingsProblems }) {
  return h(
    'div',
    { class: 'settings-grid' },
    field({ label: 'Due', error: problems.due, hint: 'In your local time.' }, (p) =>
      h('input', { ...p, type: 'datetime-local', name: 'due', required: true, value: v.due, onInput: (e: Event) => onChange({ ...v, due: value(e) }) }),
    ),
    field({ label: 'Pass mark', error: problems.passMark, hint: `Overall score needed, ${MIN_PASS_MARK}–100. Only a customer won back can pass.` }, (p) =>
      h('input', { ...p, type: 'number', name: 'pass-mark', min: MIN_PASS_MARK, max: 100, step: 1, inputMode: 'numeric', required: true, value: v.passMark, onInput: (e: Event) => onChange({ ...v, passMark: value(e) }) }),
    ),
    field({ label: 'Attempt limit', error: problems.limit, hint: 'Empty: as many attempts as they like.' }, (p) =>
      h('input', { ...p, type: 'number', name: 'attempt-limit', min: 1, max: 1000, step: 1, inputMode: 'numeric', placeholder: 'No limit', value: v.limit, onInput: (e: Event) => onChange({ ...v, limit: value(e) }) }),
    ),
    h(
      'label',
      { class: 'check own-words-option' },
      h('input', { type: 'checkbox', name: 'own-words', checked: v.ownWords, onChange: (e: Event) => onChange({ ...v, ownWords: (e.target as HTMLInputElement).checked }) }),
      h('span', null, 'Own words: trainees type their replies instead of picking one (understood on the device).'),
    ),
  );
}

/** Whole team, or chosen trainees (null means the whole team). */
export function TraineePicker({ trainees, chosen, onChange }: { trainees: { id: number; name: string }[]; chosen: number[] | null; onChange: (c: number[] | null) => void }) {
  const name = useId();
  const legendId = useId();
  const toggle = (id: number, on: boolean) => {
    const set = new Set(chosen ?? []);
    if (on) set.add(id);
    else set.delete(id);
    onChange(trainees.filter((t) => set.has(t.id)).map((t) => t.id));
  };
  return h(
    'fieldset',
    { class: 'fieldset', 'aria-labelledby': legendId },
    h('legend', { id: legendId }, 'Who it is for'),
    h(
      'div',
      { class: 'radio-row' },
      h('label', { class: 'radio' }, h('input', { type: 'radio', name, checked: chosen === null, onChange: () => onChange(null) }), `The whole team (${trainees.length}, and anyone who joins later)`),
      h('label', { class: 'radio' }, h('input', { type: 'radio', name, checked: chosen !== null, disabled: trainees.length === 0, onChange: () => onChange([]) }), 'Chosen trainees'),
    ),
    chosen !== null
      ? h(
          'div',
          { class: 'check-grid', role: 'group', 'aria-label': 'Chosen trainees' },
          trainees.map((t) => h('label', { class: 'check', key: t.id }, h('input', { type: 'checkbox', checked: chosen.includes(t.id), onChange: (e: Event) => toggle(t.id, (e.target as HTMLInputElement).checked) }), t.name)),
          chosen.length === 0 ? h('p', { class: 'field-error' }, 'Choose at least one trainee, or set it for the whole team.') : null,
        )
      : null,
  );
}
