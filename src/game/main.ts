// Entry point: builds the DOM shell and the services, starts Phaser and the flow machine, and keeps
// the visible Phaser scene in step with the flow's state.
import '@fontsource/nunito/latin-600.css';
import '@fontsource/nunito/latin-800.css';
import '@fontsource/nunito/latin-900.css';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-600-italic.css';
import '@fontsource/inter/latin-700.css';
import '../styles/game.css';
import * as Phaser from 'phaser';
import { createActor } from 'xstate';
import assetFiles from 'virtual:asset-list';
import { Boot } from '../../scenes/Boot.ts';
import { Briefing } from '../../scenes/Briefing.ts';
import { Conversation } from '../../scenes/Conversation.ts';
import { Debrief } from '../../scenes/Debrief.ts';
import { Leaderboard } from '../../scenes/Leaderboard.ts';
import { Preloader } from '../../scenes/Preloader.ts';
import { ScenarioSelect } from '../../scenes/ScenarioSelect.ts';
import { Title } from '../../scenes/Title.ts';
import { AssetIndex } from './assets.ts';
import { GameAudio } from './audio.ts';
import { Shell, LOGICAL_HEIGHT, LOGICAL_WIDTH } from './dom/shell.ts';
import { flowMachine, screenOf, type Screen } from './flow.ts';
import { History } from './history.ts';
import { ScenarioLibrary } from './library.ts';
import { Online } from './online.ts';
import { parseOptions } from './options.ts';
import { SaveSlot } from './save.ts';
import { provideServices, type GameServices } from './services.ts';
import { SettingsStore } from './settings.ts';
import { browserStorage } from './storage.ts';

const SCENE_FOR: Record<Screen, string | null> = {
  loading: null,
  title: 'Title',
  select: 'ScenarioSelect',
  briefing: 'Briefing',
  play: 'Conversation',
  debrief: 'Debrief',
  leaderboard: 'Leaderboard',
};

function renderScaleFor(frame: HTMLElement): number {
  const css = frame.clientWidth || LOGICAL_WIDTH;
  return (css * (window.devicePixelRatio || 1)) / LOGICAL_WIDTH >= 1.4 ? 2 : 1;
}

export function startGame(root: HTMLElement): GameServices {
  const storage = browserStorage();
  const shell = new Shell(root);
  const systemReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const settings = new SettingsStore(storage, () => !!systemReduced?.matches);
  const assets = new AssetIndex(assetFiles);
  const svc: GameServices = {
    shell,
    flow: createActor(flowMachine, { input: { scenarioIds: [] } }),
    library: new ScenarioLibrary(null),
    settings,
    audio: new GameAudio(settings, assets),
    history: new History(storage),
    slot: new SaveSlot(storage),
    assets,
    options: parseOptions(location.search),
    online: new Online(storage),
    renderScale: renderScaleFor(shell.frame),
  };
  provideServices(svc);
  void svc.online.start(window);

  const applySettings = () => {
    shell.setTextSize(settings.value.textSize);
    shell.setReducedMotion(settings.reducedMotion);
  };
  applySettings();
  settings.subscribe(applySettings);
  systemReduced?.addEventListener?.('change', applySettings);

  // Audio may start only after a user gesture.
  const unlock = () => {
    svc.audio.unlock();
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
  shell.ui.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (b && !b.classList.contains('choice')) svc.audio.effect('click');
  });

  const rs = svc.renderScale;
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: shell.canvasHost,
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
  });

  // Director: one visible scene per flow screen; a retry restarts the conversation.
  let shown: string | null = null;
  let attempt = -1;
  svc.flow.subscribe((snap) => {
    const key = SCENE_FOR[screenOf(snap.value)];
    if (!key) return;
    if (key === shown && !(key === 'Conversation' && snap.context.attempt !== attempt)) return;
    for (const s of game.scene.getScenes(true)) if (s.scene.key !== key) game.scene.stop(s.scene.key);
    if (game.scene.isActive(key)) game.scene.stop(key);
    game.scene.start(key);
    shown = key;
    attempt = snap.context.attempt;
    root.dataset.flow = screenOf(snap.value);
  });
  svc.flow.start();

  // For tools and tests: the flow and services from the console.
  (window as unknown as { makeItRight: unknown }).makeItRight = { services: svc, game };
  return svc;
}

startGame(document.getElementById('app') as HTMLElement);
