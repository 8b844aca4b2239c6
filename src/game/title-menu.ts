// The title menu (Start, Resume, sign-in, leaderboard, Settings) while the flow is on the title. It is
// plain DOM over the title art, so it works before Phaser has loaded; the Title scene only adds the
// drifting bubbles behind it.
import { paths } from './assets.ts';
import { accountDialog } from './dom/account.ts';
import { settingsDialog } from './dom/dialogs.ts';
import { titleScreen } from './dom/title.ts';
import type { GameServices } from './services.ts';

/** Mounts the menu; returns a function that takes it down again. */
export function showTitleMenu(svc: GameServices): () => void {
  const { online, shell } = svc;
  let el: HTMLElement | undefined;
  const focusAction = (action: string) => (el?.querySelector(`[data-action="${action}"]`) as HTMLElement | null)?.focus();

  const openAccount = (mode: 'sign-in' | 'join', inviteCode?: string) => {
    const dialog = accountDialog({
      mode,
      inviteCode,
      signIn: (email, password) => online.signIn(email, password),
      join: (b) => online.join(b),
      onDone: () => {
        shell.hideOverlay(dialog);
        shell.status(`Signed in as ${online.user?.name ?? ''}.`);
        focusAction('start');
      },
      onCancel: () => {
        shell.hideOverlay(dialog);
        focusAction('sign-in');
      },
    });
    shell.showOverlay(dialog);
  };
  const openSettings = () => {
    const dialog = settingsDialog(svc.settings, () => {
      shell.hideOverlay(dialog);
      focusAction('settings');
    });
    shell.showOverlay(dialog);
  };

  const render = () => {
    const team = online.team;
    // Looked up on every render: an uploaded scenario's save becomes resumable once the uploads arrive.
    const save = svc.slot.load();
    const resumable = save ? svc.library.get(save.scenarioId) : undefined;
    const next = titleScreen({
      logoUrl: svc.assets.has(paths.logo) ? paths.logo : null,
      onLight: svc.assets.has(paths.titleBg),
      resume: resumable ? { title: resumable.title } : null,
      onStart: () => svc.flow.send({ type: 'title.start' }),
      onResume: () => resumable && svc.flow.send({ type: 'title.resume', scenarioId: resumable.id }),
      onSettings: openSettings,
      account: online.user ? { name: online.user.name, team: team?.name ?? null } : null,
      onSignIn: () => openAccount('sign-in'),
      onSignOut: () => {
        void online.signOut().finally(() => {
          shell.status('Signed out. Playing as a guest.');
          focusAction('start');
        });
      },
      onLeaderboard: team ? () => svc.flow.send({ type: 'leaderboard.open' }) : undefined,
    });
    const hadFocus = el?.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : null;
    el = next;
    shell.mount(el);
    if (shell.overlayOpen) el.inert = true;
    if (hadFocus) focusAction(hadFocus);
  };

  render();
  el!.querySelector<HTMLElement>('.title-menu .btn')?.focus();
  const off = online.subscribe(render);
  // A join link from the trainer (/?join=CODE) opens the join form with the code filled in, once.
  const join = new URLSearchParams(location.search).get('join');
  if (join && !online.signedIn) {
    history.replaceState(null, '', location.pathname + location.search.replace(/([?&])join=[^&]*&?/, '$1').replace(/[?&]$/, '') + location.hash);
    openAccount('join', join);
  }
  return () => {
    off();
    shell.hideOverlay();
    if (el) shell.unmount(el);
  };
}
