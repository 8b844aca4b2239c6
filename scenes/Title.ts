// Title: the title art with drifting speech bubbles, and the DOM menu (Start, Resume, Settings).
import * as Phaser from 'phaser';
import { paths, textureKey } from '../src/game/assets.ts';
import { titleScreen } from '../src/game/dom/title.ts';
import { settingsDialog } from '../src/game/dom/dialogs.ts';
import { accountDialog } from '../src/game/dom/account.ts';
import { services } from '../src/game/services.ts';
import { H, reducedMotion, setupCamera, svgImage, W } from './ui/stage.ts';
import { COLOR } from './ui/theme.ts';

export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    const svc = services();
    setupCamera(this);
    const hasArt = this.#drawBackground();
    const save = svc.slot.load();
    const resumable = save ? svc.library.get(save.scenarioId) : undefined;
    const online = svc.online;
    let el: HTMLElement;
    const focusAction = (action: string) => (el.querySelector(`[data-action="${action}"]`) as HTMLElement | null)?.focus();
    const openAccount = (mode: 'sign-in' | 'join', inviteCode?: string) => {
      const dialog = accountDialog({
        mode,
        inviteCode,
        signIn: (email, password) => online.signIn(email, password),
        join: (b) => online.join(b),
        onDone: () => {
          svc.shell.hideOverlay(dialog);
          svc.shell.status(`Signed in as ${online.user?.name ?? ''}.`);
          focusAction('start');
        },
        onCancel: () => {
          svc.shell.hideOverlay(dialog);
          focusAction('sign-in');
        },
      });
      svc.shell.showOverlay(dialog);
    };
    const render = () => {
      const team = online.team;
      const next = titleScreen({
        logoUrl: svc.assets.has(paths.logo) ? paths.logo : null,
        onLight: hasArt,
        resume: resumable ? { title: resumable.title } : null,
        onStart: () => svc.flow.send({ type: 'title.start' }),
        onResume: () => resumable && svc.flow.send({ type: 'title.resume', scenarioId: resumable.id }),
        onSettings: openSettings,
        account: online.user ? { name: online.user.name, team: team?.name ?? null } : null,
        onSignIn: () => openAccount('sign-in'),
        onSignOut: () => {
          void online.signOut().finally(() => {
            svc.shell.status('Signed out. Playing as a guest.');
            focusAction('start');
          });
        },
        onLeaderboard: team ? () => svc.flow.send({ type: 'leaderboard.open' }) : undefined,
      });
      const hadFocus = el?.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : null;
      el = next;
      svc.shell.mount(el);
      if (svc.shell.overlayOpen) el.inert = true;
      if (hadFocus) focusAction(hadFocus);
    };
    const openSettings = () => {
      const dialog = settingsDialog(svc.settings, () => {
        svc.shell.hideOverlay(dialog);
        focusAction('settings');
      });
      svc.shell.showOverlay(dialog);
    };
    render();
    (el!.querySelector('.title-menu .btn') as HTMLElement | null)?.focus();
    const off = online.subscribe(render);
    // A join link from the trainer (/?join=CODE) opens the join form with the code filled in, once.
    const join = new URLSearchParams(location.search).get('join');
    if (join && !online.signedIn) {
      history.replaceState(null, '', location.pathname + location.search.replace(/([?&])join=[^&]*&?/, '$1').replace(/[?&]$/, '') + location.hash);
      openAccount('join', join);
    }
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      svc.shell.hideOverlay();
      svc.shell.unmount(el);
    });
  }

  /** Returns true when the title art was drawn (it is light). */
  #drawBackground(): boolean {
    const art = this.textures.exists(textureKey.titleBg);
    if (art) {
      svgImage(this, W / 2, H / 2, textureKey.titleBg);
    } else {
      const g = this.add.graphics();
      g.fillGradientStyle(0x2a2350, 0x2a2350, COLOR.ink, COLOR.ink, 1);
      g.fillRect(0, 0, W, H);
    }
    // Speech bubbles drifting around the edges, clear of the logo and menu.
    const colors = [COLOR.coral, COLOR.amber, COLOR.teal, COLOR.paper];
    let placed = 0;
    for (let i = 0; i < 40 && placed < 12; i++) {
      const w = 50 + ((i * 37) % 90);
      const h = w * 0.62;
      const g = this.add.graphics();
      g.fillStyle(colors[i % colors.length], 0.1 + (i % 3) * 0.04);
      g.fillRoundedRect(-w / 2, -h / 2, w, h, h / 2.4);
      g.fillTriangle(-w / 4, h / 2 - 2, -w / 4 + 14, h / 2 - 2, -w / 4 - 6, h / 2 + 14);
      const x = 60 + ((i * 97) % (W - 120));
      const y = 80 + ((i * 173) % (H - 120));
      if (x > 300 && x < 980 && y > 120 && y < 600) {
        g.destroy();
        continue;
      }
      placed++;
      g.setPosition(x, y);
      if (!reducedMotion()) {
        this.tweens.add({ targets: g, y: y - 40 - (i % 4) * 12, x: x + ((i % 2) * 2 - 1) * 18, duration: 5200 + (i % 5) * 900, ease: 'Sine.easeInOut', yoyo: true, repeat: -1, delay: i * 130 });
      }
    }
    if (!art) {
      const vignette = this.add.graphics();
      vignette.fillStyle(COLOR.ink, 0.25);
      vignette.fillRect(0, 0, W, H);
    }
    return art;
  }
}
