// Form fields bound to a path in the draft: each shows its value, writes changes back, and carries the
// live checks' problems about that path (as its error, announced with the field).
import { createContext, h, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { Field } from '../components/ui.ts';
import type { DraftProblem, FieldPath } from '../../shared/studio-checks.ts';
import { getIn, startsWith, type Data } from './model.ts';

export interface FormContext {
  data: Data;
  set: (path: FieldPath, value: unknown) => void;
  problems: DraftProblem[];
}

export const Form = createContext<FormContext>({ data: {}, set: () => {}, problems: [] });

export function problemsAt(problems: DraftProblem[], path: FieldPath, exact = false): DraftProblem[] {
  return problems.filter((p) => (exact ? p.path.length === path.length && startsWith(p.path, path) : startsWith(p.path, path)));
}

function errorText(list: DraftProblem[]): string | null {
  // The field names the place already: drop the loader's "nodes.x.line: " prefix.
  const text = (m: string) => m.replace(/^[a-z0-9-]+(\.[a-z0-9-]+|\[\d+\])+: /i, '');
  return list.length ? list.map((p) => (p.severity === 'warning' ? `Warning: ${text(p.message)}` : text(p.message))).join(' · ') : null;
}

interface Base {
  label: ComponentChildren;
  path: FieldPath;
  hint?: ComponentChildren;
  class?: string;
}

export function TextField({ label, path, hint, multiline, optional, placeholder, class: cls }: Base & { multiline?: boolean; optional?: boolean; placeholder?: string }) {
  const f = useContext(Form);
  const v = getIn(f.data, path);
  const value = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  const onInput = (e: Event) => {
    const t = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    f.set(path, optional && t === '' ? undefined : t);
  };
  return h(Field, {
    label,
    hint,
    class: cls,
    error: errorText(problemsAt(f.problems, path)),
    control: (p) =>
      multiline
        ? h('textarea', { ...p, class: 'input', rows: 2, value, placeholder, onInput, 'data-path': path.join('.') })
        : h('input', { ...p, class: 'input', type: 'text', value, placeholder, onInput, 'data-path': path.join('.') }),
  });
}

export function NumberField({ label, path, hint, min, max, optional, class: cls }: Base & { min: number; max: number; optional?: boolean }) {
  const f = useContext(Form);
  const v = getIn(f.data, path);
  return h(Field, {
    label,
    hint,
    class: cls,
    error: errorText(problemsAt(f.problems, path)),
    control: (p) =>
      h('input', {
        ...p,
        class: 'input input-number',
        type: 'number',
        min,
        max,
        value: typeof v === 'number' ? String(v) : '',
        'data-path': path.join('.'),
        onInput: (e: Event) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          f.set(path, t === '' ? (optional ? undefined : 0) : Number(t));
        },
      }),
  });
}

export function SelectField({ label, path, hint, options, optional, class: cls }: Base & { options: readonly (string | { value: string; label: string })[]; optional?: string }) {
  const f = useContext(Form);
  const v = getIn(f.data, path);
  const value = typeof v === 'string' ? v : '';
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  const known = opts.some((o) => o.value === value);
  return h(Field, {
    label,
    hint,
    class: cls,
    error: errorText(problemsAt(f.problems, path)),
    control: (p) =>
      h(
        'select',
        {
          ...p,
          class: 'input',
          value,
          'data-path': path.join('.'),
          onChange: (e: Event) => {
            const t = (e.currentTarget as HTMLSelectElement).value;
            f.set(path, t === '' && optional ? undefined : t);
          },
        },
        optional !== undefined ? h('option', { value: '' }, optional) : null,
        !known && value ? h('option', { value }, `${value} (missing)`) : null,
        opts.map((o) => h('option', { value: o.value }, o.label)),
      ),
  });
}

export function Check({ label, path }: { label: string; path: FieldPath }) {
  const f = useContext(Form);
  return h(
    'label',
    { class: 'check' },
    h('input', { type: 'checkbox', checked: getIn(f.data, path) === true, onChange: (e: Event) => f.set(path, (e.currentTarget as HTMLInputElement).checked || undefined) }),
    label,
  );
}

/** Problems about a whole part (a node, a reply) rather than one of its fields. */
export function PartProblems({ path }: { path: FieldPath }) {
  const f = useContext(Form);
  const list = problemsAt(f.problems, path, true);
  if (!list.length) return null;
  return h(
    'ul',
    { class: 'part-problems' },
    list.map((p) => h('li', { class: p.severity }, p.message)),
  );
}
