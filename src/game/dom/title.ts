// Title screen: logo, Start, Resume conversation (when a save exists), Settings.
import { h, icon } from './h.ts';

export interface TitleProps {
  logoUrl: string | null;
  /** The title art is light: use dark text. */
  onLight: boolean;
  resume: { title: string } | null;
  onStart(): void;
  onResume(): void;
  onSettings(): void;
  /** The signed-in player, or null for a guest. */
  account?: { name: string; team: string | null } | null;
  onSignIn?(): void;
  onSignOut?(): void;
  onLeaderboard?(): void;
}

export function titleScreen(p: TitleProps): HTMLElement {
  const heading = p.logoUrl
    ? h('h1', { class: 'title-logo' }, h('img', { src: p.logoUrl, alt: 'Make It Right', width: 560, height: 200 }))
    : h('h1', { class: 'title-logo title-logo-text' }, 'Make It ', h('span', null, 'Right'));
  const buttons: HTMLElement[] = [];
  const guest = !p.account && !!p.onSignIn;
  if (p.resume) {
    buttons.push(
      h('button', { class: 'btn btn-primary btn-big', 'data-action': 'resume', onclick: () => p.onResume() }, icon('play'), h('span', null, 'Resume conversation', h('small', null, p.resume.title))),
    );
  }
  buttons.push(
    h(
      'button',
      { class: `btn ${p.resume ? 'btn-secondary' : 'btn-primary'} btn-big`, 'data-action': 'start', onclick: () => p.onStart() },
      icon('arrow'),
      p.resume ? h('span', null, 'New conversation') : guest ? h('span', null, 'Play as guest', h('small', null, 'Scores stay on this device')) : h('span', null, 'Start'),
    ),
  );
  if (guest) buttons.push(h('button', { class: 'btn btn-secondary', 'data-action': 'sign-in', onclick: () => p.onSignIn?.() }, icon('user'), h('span', null, 'Sign in or join a team')));
  if (p.account && p.onLeaderboard) buttons.push(h('button', { class: 'btn btn-secondary', 'data-action': 'leaderboard', onclick: () => p.onLeaderboard?.() }, icon('trophy'), h('span', null, 'Team leaderboard')));
  buttons.push(h('button', { class: 'btn btn-ghost', 'data-action': 'settings', onclick: () => p.onSettings() }, icon('gear'), h('span', null, 'Settings')));
  const who = p.account
    ? h(
        'div',
        { class: 'account-chip', 'data-hook': 'account' },
        icon('user'),
        h('span', { class: 'account-who' }, h('span', { class: 'sr-only' }, 'Signed in as '), h('strong', null, p.account.name), p.account.team ? h('small', null, p.account.team) : null),
        h('button', { class: 'btn btn-ghost btn-small', 'data-action': 'sign-out', onclick: () => p.onSignOut?.() }, h('span', null, 'Sign out')),
      )
    : null;
  return h(
    'section',
    { class: `screen title-screen${p.onLight ? ' on-light' : ''}`, 'data-screen': 'title', 'aria-labelledby': 'title-heading' },
    h('div', { class: 'title-card', id: 'title-heading' }, heading, h('p', { class: 'tagline' }, 'Someone is upset with your company. Listen, own it, fix it - and win them back.')),
    who,
    h('nav', { class: 'title-menu', 'aria-label': 'Main menu' }, buttons),
    h('p', { class: 'title-keys' }, h('kbd', null, '1'), '–', h('kbd', null, '9'), ' choose  ·  ', h('kbd', null, 'Enter'), ' continue  ·  ', h('kbd', null, 'Esc'), ' pause'),
  );
}
