// The Phaser side of the game, loaded after the title menu is on screen: the title is plain DOM, so
// a player can read it and press Start while Phaser (most of the JavaScript) downloads and creates
// its WebGL context, which takes a while where WebGL runs in software.
// Once the Preloader has the title art, a director keeps one visible scene per flow screen.
import * as Phaser from 'phaser';
import { Boot } from '../../scenes/Boot.ts';
import { Briefing } from '../../scenes/Briefing.ts';
import { Conversation } from '../../scenes/Conversation.ts';
import { Debrief } from '../../scenes/Debrief.ts';
import { Leaderboard } from '../../scenes/Leaderboard.ts';
import { Preloader, STAGE_PROGRESS, STAGE_READY } from '../../scenes/Preloader.ts';
import { ScenarioSelect } from '../../scenes/ScenarioSelect.ts';
import { Title } from '../../scenes/Title.ts';
import { SERVICES_KEY } from '../../scenes/ui/services.ts';
import { LOGICAL_HEIGHT, LOGICAL_WIDTH } from './dom/shell.ts';
import { screenOf, type Screen } from './flow.ts';
import type { GameServices } from './services.ts';

const SCENE_FOR: Record<Screen, string | null> = {
  loading: null,
  title: 'Title',
  select: 'ScenarioSelect',
  briefing: 'Briefing',
  play: 'Conversation',
  debrief: 'Debrief',
  leaderboard: 'Leaderboard',
};

export interface StageHooks {
  /** Share of the start-up art loaded, 0..1. */
  onProgress(share: number): void;
  /** The scenes can be shown: the director now follows the flow. */
  onReady(): void;
}

export function startStage(svc: GameServices, hooks: StageHooks): Phaser.Game {
  const rs = svc.renderScale;
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: svc.shell.canvasHost,
    width: LOGICAL_WIDTH * rs,
    height: LOGICAL_HEIGHT * rs,
    backgroundColor: '#171b2b',
    // No multisampled backbuffer: it multiplies the fill cost of every frame where WebGL runs in
    // software (no GPU, as on many office PCs and in headless Chromium: the conversation ran at half
    // the bare page's frame rate with it). Textures keep linear filtering (antialias stays on); only
    // the edges of drawn shapes (meters, panels) lose their smoothing, and at renderScale 2 the
    // backbuffer is downscaled anyway.
    render: { antialiasGL: false },
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER, expandParent: false },
    banner: false,
    scene: [Boot, Preloader, Title, ScenarioSelect, Briefing, Conversation, Debrief, Leaderboard],
    // The scenes read the services from their game (scenes/ui/services.ts), set before any boots.
    callbacks: { preBoot: (g) => g.registry.set(SERVICES_KEY, svc) },
  });
  game.events.on(STAGE_PROGRESS, (share: number) => hooks.onProgress(share));
  game.events.once(STAGE_READY, () => {
    direct(game, svc);
    hooks.onReady();
  });
  return game;
}

/** One visible scene per flow screen; a retry restarts the conversation. */
function direct(game: Phaser.Game, svc: GameServices): void {
  let shown: string | null = null;
  let attempt = -1;
  const follow = (snap: ReturnType<GameServices['flow']['getSnapshot']>) => {
    const key = SCENE_FOR[screenOf(snap.value)];
    if (!key) return;
    if (key === shown && !(key === 'Conversation' && snap.context.attempt !== attempt)) return;
    for (const s of game.scene.getScenes(true)) if (s.scene.key !== key) game.scene.stop(s.scene.key);
    if (game.scene.isActive(key)) game.scene.stop(key);
    game.scene.start(key);
    shown = key;
    attempt = snap.context.attempt;
  };
  follow(svc.flow.getSnapshot());
  svc.flow.subscribe(follow);
}
