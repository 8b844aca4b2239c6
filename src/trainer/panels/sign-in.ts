// Sign-in for trainers, and the first-run form that creates the first trainer account.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Me } from '../api.ts';
import { useTitle } from '../hooks.ts';
import { Button, ErrorBox, field } from '../components/ui.ts';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (me: Me) => void; notice?: string | null }) {
  const [setup, setSetup] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useTitle(setup ? 'Set up' : 'Sign in');

  useEffect(() => {
    api.setupNeeded().then(
      (r) => setSetup(r.needed),
      () => setSetup(false),
    );
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = setup ? await api.setup({ name, email, password }) : await api.signIn(email, password);
      onSignedIn(me);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not sign in.');
      setBusy(false);
    }
  };

  const creating = setup === true;
  return h(
    'main',
    { class: 'signin', id: 'main' },
    h(
      'div',
      { class: 'signin-card' },
      h('img', { class: 'signin-logo', src: '/ui/logo.svg', alt: 'Make It Right', width: 240, height: 47 }),
      h('h1', null, creating ? 'Set up the trainer account' : 'Trainer sign-in'),
      h(
        'p',
        { class: 'muted' },
        creating
          ? 'No trainer account exists yet. Create the first one; you can add teams and invite trainees next.'
          : 'Assign scenarios, follow your trainees and see what to coach.',
      ),
      notice ? h('p', { class: 'notice notice-info', role: 'status' }, notice) : null,
      error ? h(ErrorBox, { error: { message: error }, title: creating ? 'Could not create the account' : 'Could not sign in' }) : null,
      h(
        'form',
        { onSubmit: submit, class: 'stack', 'aria-label': creating ? 'Create the trainer account' : 'Sign in' },
        creating
          ? field({ label: 'Your name' }, (p) => h('input', { ...p, name: 'name', autoComplete: 'name', required: true, value: name, onInput: (e: Event) => setName((e.target as HTMLInputElement).value) }))
          : null,
        field({ label: 'Email' }, (p) =>
          h('input', { ...p, type: 'email', name: 'email', autoComplete: 'username', required: true, value: email, onInput: (e: Event) => setEmail((e.target as HTMLInputElement).value) }),
        ),
        field({ label: 'Password', hint: creating ? 'At least 8 characters.' : undefined }, (p) =>
          h('input', {
            ...p,
            type: 'password',
            name: 'password',
            autoComplete: creating ? 'new-password' : 'current-password',
            required: true,
            minLength: creating ? 8 : undefined,
            value: password,
            onInput: (e: Event) => setPassword((e.target as HTMLInputElement).value),
          }),
        ),
        h(Button, { type: 'submit', variant: 'primary', busy, class: 'btn-block' }, creating ? 'Create account and continue' : 'Sign in'),
      ),
      h('p', { class: 'signin-foot' }, 'Trainee? ', h('a', { href: '/' }, 'Open the game'), ' to play your assignments.'),
    ),
  );
}

export function NotATrainer({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  useTitle('Trainers only');
  return h(
    'main',
    { class: 'signin', id: 'main' },
    h(
      'div',
      { class: 'signin-card' },
      h('img', { class: 'signin-logo', src: '/ui/logo.svg', alt: 'Make It Right', width: 240, height: 47 }),
      h('h1', null, 'This page is for trainers'),
      h('p', { class: 'muted' }, `You are signed in as ${me.user.name}, a trainee. Your assignments and scores are in the game.`),
      h('div', { class: 'row' }, h('a', { class: 'btn btn-primary', href: '/' }, 'Open the game'), h(Button, { variant: 'ghost', onClick: onSignOut }, 'Sign out')),
    ),
  );
}
