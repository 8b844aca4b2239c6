// The sign-in dialog: "Sign in" (email, password) and "Join a team" (invite code, name, email,
// password). Real forms, so Enter submits; labelled fields; errors in a role=alert line.
import { h, icon } from './h.ts';
import { modal } from './dialogs.ts';

export interface AccountDialogProps {
  mode: 'sign-in' | 'join';
  inviteCode?: string;
  signIn(email: string, password: string): Promise<void>;
  join(b: { inviteCode: string; name: string; email: string; password: string }): Promise<void>;
  onDone(): void;
  onCancel(): void;
}

function field(id: string, label: string, attrs: Record<string, string | number | boolean>): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id.replace(/^acct-/, ''), required: true, ...attrs }));
}

export function accountDialog(p: AccountDialogProps): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert', id: 'acct-error' });
  const body = h('div', { class: 'account-body' });
  const el = modal('account', 'Sign in', [body], () => p.onCancel());
  const title = el.querySelector('h2') as HTMLElement;

  const submitting = async (form: HTMLFormElement, run: () => Promise<void>) => {
    const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    error.textContent = '';
    form.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      await run();
      p.onDone();
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      for (const input of form.querySelectorAll('input')) input.setAttribute('aria-invalid', 'true');
      form.querySelector<HTMLInputElement>('input[type="password"]')?.select();
    } finally {
      form.removeAttribute('aria-busy');
      button.disabled = false;
    }
  };
  const value = (form: HTMLFormElement, name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();

  const show = (mode: 'sign-in' | 'join') => {
    error.textContent = '';
    title.textContent = mode === 'join' ? 'Join your team' : 'Sign in';
    const cancel = h('button', { type: 'button', class: 'btn btn-ghost', 'data-action': 'cancel', onclick: () => p.onCancel() }, h('span', null, 'Cancel'));
    let form: HTMLFormElement;
    if (mode === 'sign-in') {
      form = h(
        'form',
        { class: 'account-form', 'aria-describedby': 'acct-error', novalidate: true },
        h('p', { class: 'sub' }, 'Your scores go to your record, your trainer’s assignments show on the cards, and you join the team leaderboard.'),
        field('acct-email', 'Email', { type: 'email', autocomplete: 'username' }),
        field('acct-password', 'Password', { type: 'password', autocomplete: 'current-password' }),
        error,
        h('div', { class: 'modal-actions' }, cancel, h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'sign-in' }, icon('arrow'), h('span', null, 'Sign in'))),
        h('p', { class: 'switch-line' }, 'New here with an invite code? ', h('button', { type: 'button', class: 'link', 'data-action': 'to-join', onclick: () => show('join') }, 'Join a team')),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        if (!value(form, 'email') || !value(form, 'password')) {
          error.textContent = 'Enter your email and password.';
          return;
        }
        void submitting(form, () => p.signIn(value(form, 'email'), (form.elements.namedItem('password') as HTMLInputElement).value));
      });
    } else {
      form = h(
        'form',
        { class: 'account-form', 'aria-describedby': 'acct-error', novalidate: true },
        h('p', { class: 'sub' }, 'Your trainer gave you an invite code. Create your account to join their team.'),
        field('acct-code', 'Invite code', { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false, value: p.inviteCode ?? '', placeholder: 'ABCD-2345' }),
        field('acct-name', 'Your name', { type: 'text', autocomplete: 'name', maxlength: 80 }),
        field('acct-email', 'Email', { type: 'email', autocomplete: 'username' }),
        field('acct-password', 'Password (8 characters or more)', { type: 'password', autocomplete: 'new-password', minlength: 8 }),
        error,
        h('div', { class: 'modal-actions' }, cancel, h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'join' }, icon('check'), h('span', null, 'Join team'))),
        h('p', { class: 'switch-line' }, 'Already have an account? ', h('button', { type: 'button', class: 'link', 'data-action': 'to-sign-in', onclick: () => show('sign-in') }, 'Sign in')),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const b = { inviteCode: value(form, 'code'), name: value(form, 'name'), email: value(form, 'email'), password: (form.elements.namedItem('password') as HTMLInputElement).value };
        if (!b.inviteCode || !b.name || !b.email || !b.password) {
          error.textContent = 'Fill in every field.';
          return;
        }
        if (b.password.length < 8) {
          error.textContent = 'The password needs at least 8 characters.';
          return;
        }
        void submitting(form, () => p.join(b));
      });
    }
    body.replaceChildren(form);
    queueMicrotask(() => {
      const first = [...form.querySelectorAll('input')].find((i) => !i.value) ?? form.querySelector('input');
      first?.focus();
    });
  };
  show(p.mode);
  return el;
}
