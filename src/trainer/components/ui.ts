// The dashboard's building blocks: buttons, badges, cards, fields, dialogs, notices, empty and loading
// states. Plain Preact, native elements first (button, dialog, label) so the keyboard and screen
// readers work without extra code.
import { h, type AnchorHTMLAttributes, type ButtonHTMLAttributes, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api.ts';
import { STATUS_LABEL } from '../../shared/progress.ts';
import type { CellStatus } from '../../shared/types.ts';

// ---- icons --------------------------------------------------------------------------------------

const ICONS = {
  plus: ['M12 5v14', 'M5 12h14'],
  copy: ['M9 9h10v10H9z', 'M5 15V5h10'],
  refresh: ['M20 11a8 8 0 1 0-2.3 5.7', 'M20 4v7h-7'],
  download: ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14'],
  upload: ['M12 20V9', 'M7 14l5-5 5 5', 'M5 4h14'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  check: ['M5 12l5 5 9-10'],
  x: ['M6 6l12 12', 'M18 6L6 18'],
  alert: ['M12 8v5', 'M12 16.5v.5', 'M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'],
  users: ['M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1', 'M9.5 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M21 19v-1a4 4 0 0 0-3-3.9', 'M16 3.1a3.5 3.5 0 0 1 0 6.8'],
  book: ['M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z', 'M4 19V5'],
  chart: ['M4 20V4', 'M4 20h16', 'M8 16l4-5 3 3 5-7'],
  grid: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 13h7v7h-7z'],
  link: ['M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1', 'M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1'],
  back: ['M15 5l-7 7 7 7'],
  next: ['M9 5l7 7-7 7'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M20 20l-4-4'],
  flag: ['M5 21V4', 'M5 4h11l-2 4 2 4H5'],
  star: ['M12 3l2.8 5.8 6.2.9-4.5 4.4 1 6.2L12 17.4l-5.5 2.9 1-6.2L3 9.7l6.2-.9z'],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2'],
  file: ['M6 3h8l4 4v14H6z', 'M14 3v4h4'],
  signout: ['M15 4h4v16h-4', 'M10 8l-4 4 4 4', 'M6 12h10'],
  sort: ['M8 4v16', 'M4 8l4-4 4 4', 'M16 20V4', 'M12 16l4 4 4-4'],
  up: ['M12 19V5', 'M6 11l6-6 6 6'],
  down: ['M12 5v14', 'M6 13l6 6 6-6'],
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, class: cls = 'icon' }: { name: IconName; class?: string }) {
  return h(
    'svg',
    { class: cls, viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    ICONS[name].map((d) => h('path', { d })),
  );
}

// ---- buttons ------------------------------------------------------------------------------------

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'type'> & {
  variant?: Variant;
  small?: boolean;
  icon?: IconName;
  busy?: boolean;
  type?: 'button' | 'submit';
  disabled?: boolean;
  children?: ComponentChildren;
};

export function Button({ variant = 'secondary', small, icon, busy, type = 'button', children, disabled, class: cls, ...rest }: ButtonProps) {
  return h(
    'button',
    {
      ...rest,
      type,
      disabled: disabled || busy,
      'aria-busy': busy ? 'true' : undefined,
      class: ['btn', `btn-${variant}`, small && 'btn-small', cls].filter((c): c is string => typeof c === 'string' && c !== '').join(' '),
    },
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : icon ? h(Icon, { name: icon }) : null,
    children,
  );
}

export function LinkButton({ href, variant = 'secondary', small, icon, children, ...rest }: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'icon'> & { href: string; variant?: Variant; small?: boolean; icon?: IconName; children?: ComponentChildren }) {
  return h('a', { ...rest, href, class: ['btn', `btn-${variant}`, small && 'btn-small'].filter(Boolean).join(' ') }, icon ? h(Icon, { name: icon }) : null, children);
}

// ---- page structure -----------------------------------------------------------------------------

export function PageHeader({ title, kicker, actions, children }: { title: ComponentChildren; kicker?: ComponentChildren; actions?: ComponentChildren; children?: ComponentChildren }) {
  return h(
    'header',
    { class: 'page-header' },
    h('div', { class: 'page-header-text' }, kicker ? h('p', { class: 'kicker' }, kicker) : null, h('h1', { id: 'page-title', tabIndex: -1 }, title), children),
    actions ? h('div', { class: 'page-actions' }, actions) : null,
  );
}

export function Card({ title, actions, children, class: cls, id }: { title?: ComponentChildren; actions?: ComponentChildren; children?: ComponentChildren; class?: string; id?: string }) {
  const headingId = useId();
  return h(
    'section',
    { class: ['card', cls].filter(Boolean).join(' '), id, 'aria-labelledby': title ? headingId : undefined },
    title || actions ? h('div', { class: 'card-head' }, title ? h('h2', { id: headingId }, title) : null, actions ? h('div', { class: 'card-actions' }, actions) : null) : null,
    children,
  );
}

export function Stat({ label, value, hint }: { label: string; value: ComponentChildren; hint?: ComponentChildren }) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-value' }, value), h('div', { class: 'stat-label' }, label), hint ? h('div', { class: 'stat-hint' }, hint) : null);
}

// ---- states -------------------------------------------------------------------------------------

export function Loading({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return h(
    'div',
    { class: 'loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'sr-only' }, label),
    Array.from({ length: rows }, (_, i) => h('div', { class: 'skeleton', style: { width: `${92 - i * 14}%` }, 'aria-hidden': 'true' })),
  );
}

export function ErrorBox({ error, retry, title = 'Something went wrong' }: { error: ApiError | { message: string }; retry?: () => void; title?: string }) {
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h(Icon, { name: 'alert' }),
    h('div', { class: 'notice-body' }, h('strong', null, title), h('p', null, error.message)),
    retry ? h(Button, { small: true, icon: 'refresh', onClick: retry }, 'Try again') : null,
  );
}

export function Notice({ tone = 'info', title, children, icon = 'alert' }: { tone?: 'info' | 'warning' | 'success'; title?: ComponentChildren; children?: ComponentChildren; icon?: IconName }) {
  return h('div', { class: `notice notice-${tone}` }, h(Icon, { name: icon }), h('div', { class: 'notice-body' }, title ? h('strong', null, title) : null, children));
}

export function Empty({ icon = 'grid', title, children, action }: { icon?: IconName; title: ComponentChildren; children?: ComponentChildren; action?: ComponentChildren }) {
  return h(
    'div',
    { class: 'empty' },
    h('div', { class: 'empty-icon' }, h(Icon, { name: icon })),
    h('h3', null, title),
    children ? h('div', { class: 'empty-text' }, children) : null,
    action ? h('div', { class: 'empty-action' }, action) : null,
  );
}

// ---- badges -------------------------------------------------------------------------------------

export function StatusBadge({ status, children }: { status: CellStatus; children?: ComponentChildren }) {
  return h('span', { class: `badge status-${status}`, 'data-status': status }, h('span', { class: 'dot', 'aria-hidden': 'true' }), STATUS_LABEL[status], children);
}

export function Badge({ tone = 'neutral', children, title }: { tone?: string; children?: ComponentChildren; title?: string }) {
  return h('span', { class: `badge badge-${tone}`, title }, children);
}

// ---- forms --------------------------------------------------------------------------------------

/** A label, the control (given an id through render), a hint and an error, wired with aria. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

export interface FieldOptions {
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null;
  class?: string;
}

/** field({label, hint, error}, (p) => h('input', {...p})): the control gets its id and descriptions. */
export function field(options: FieldOptions, control: (props: ControlProps) => ComponentChildren) {
  return h(Field, { ...options, control });
}

export function Field({
  label,
  hint,
  error,
  control,
  class: cls,
}: {
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null;
  class?: string;
  control: (props: ControlProps) => ComponentChildren;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return h(
    'div',
    { class: ['field', error && 'field-invalid', cls].filter(Boolean).join(' ') },
    h('label', { for: id }, label),
    control({ id, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined }),
    hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null,
    error ? h('p', { class: 'field-error', id: errorId }, error) : null,
  );
}

// ---- dialogs ------------------------------------------------------------------------------------

/** A modal <dialog>: focus moves in and back, Escape closes, the page behind is inert. */
export function Dialog({ open, title, onClose, children, footer, wide }: { open: boolean; title: ComponentChildren; onClose: () => void; children?: ComponentChildren; footer?: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // Escape asks the owner to close; the dialog follows `open`, so state and screen never disagree.
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', cancel);
    return () => d.removeEventListener('cancel', cancel);
  }, [onClose]);
  return h(
    'dialog',
    { ref, class: wide ? 'dialog dialog-wide' : 'dialog', 'aria-labelledby': titleId },
    open
      ? h(
          'div',
          { class: 'dialog-inner' },
          h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title), h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', onClick: onClose }, h(Icon, { name: 'x' }))),
          h('div', { class: 'dialog-body' }, children),
          footer ? h('div', { class: 'dialog-foot' }, footer) : null,
        )
      : null,
  );
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirm,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return h(
    Dialog,
    {
      open,
      title,
      onClose,
      footer: [
        h(Button, { variant: 'ghost', onClick: onClose }, 'Cancel'),
        h(Button, { variant: danger ? 'danger' : 'primary', busy, onClick: onConfirm }, confirm),
      ],
    },
    children,
    error ? h('p', { class: 'field-error', role: 'alert' }, error) : null,
  );
}

// ---- toasts -------------------------------------------------------------------------------------

type Toast = { id: number; text: string; tone: 'success' | 'error' };
let toasts: Toast[] = [];
let listeners: ((t: Toast[]) => void)[] = [];
let toastId = 0;

/** A short confirmation ("Team renamed"), announced politely and gone after a few seconds. */
export function notify(text: string, tone: Toast['tone'] = 'success'): void {
  const t = { id: ++toastId, text, tone };
  toasts = [...toasts, t];
  listeners.forEach((l) => l(toasts));
  setTimeout(() => {
    toasts = toasts.filter((x) => x.id !== t.id);
    listeners.forEach((l) => l(toasts));
  }, 4500);
}

export function Toaster() {
  const [list, setList] = useState<Toast[]>(toasts);
  useEffect(() => {
    listeners.push(setList);
    return () => {
      listeners = listeners.filter((l) => l !== setList);
    };
  }, []);
  return h(
    'div',
    { class: 'toaster', role: 'status', 'aria-live': 'polite' },
    list.map((t) => h('div', { key: t.id, class: `toast toast-${t.tone}` }, h(Icon, { name: t.tone === 'success' ? 'check' : 'alert' }), t.text)),
  );
}

// ---- copy ---------------------------------------------------------------------------------------

/** Copies a value; without a clipboard (plain http), selects `select` so Ctrl+C copies it. */
export function CopyButton({ value, what, select }: { value: string; what: string; select?: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      select?.();
      notify('Press Ctrl+C to copy the selected text', 'error');
    }
  };
  return h(Button, { small: true, icon: copied ? 'check' : 'copy', onClick: () => void copy(), 'aria-label': copied ? `Copied ${what}` : `Copy ${what}` }, copied ? 'Copied' : 'Copy');
}

export function CopyField({ label, value, mono, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return field({ label }, (p) =>
    h(
      'div',
      { class: 'copy-field' },
      h('input', { ...p, ref: input, class: mono ? 'mono' : undefined, value, readOnly: true, 'data-testid': testId, onFocus: (e: FocusEvent) => (e.target as HTMLInputElement).select() }),
      h(CopyButton, { value, what: label.toLowerCase(), select: () => input.current?.select() }),
    ),
  );
}
