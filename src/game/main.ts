// Entry point: builds the DOM shell and the services, loads the scenario list and shows the title
// menu as plain DOM, then loads Phaser and the scenes (src/game/stage.ts) behind it. Only what the
// title needs is in this file's bundle; a player who leaves the title before the scenes are ready sees
// a loading screen until they are.
import '@fontsource/nunito/latin-600.css';
import '@fontsource/nunito/latin-800.css';
import '@fontsource/nunito/latin-900.css';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-600-italic.css';
import '@fontsource/inter/latin-700.css';
import '../styles/game.css';
import { createActor } from 'xstate';
import type { Scenario } from '../engine/schema.ts';
import assetFiles from 'virtual:asset-list';
import { AssetIndex, mediaBaseOf, paths, useStudioMedia } from './assets.ts';
import { GameAudio } from './audio.ts';
import { Shell, LOGICAL_WIDTH } from './dom/shell.ts';
import { loadingScreen, type LoadingScreen } from './dom/loading.ts';
import { flowMachine, screenOf } from './flow.ts';
import { History } from './history.ts';
import { ScenarioLibrary, type ScenarioPayload } from './library.ts';
import { Online } from './online.ts';
import { parseOptions } from './options.ts';
import { loadPreview, previewBanner } from './preview.ts';
import { SaveSlot } from './save.ts';
import { provideServices, type GameServices } from './services.ts';
import { SettingsStore } from './settings.ts';
import { browserStorage } from './storage.ts';
import { showTitleMenu } from './title-menu.ts';

// Faces the title menu shows; the scenes wait for the rest themselves (scenes/Boot.ts).
const TITLE_FONTS = ['800 20px Nunito', '400 20px Inter', '600 20px Inter', '700 20px Inter'];

/** The scenario list and the title's fonts (at most 1 s, then the fallback faces). */
async function loadTitleData(): Promise<Partial<ScenarioPayload> | null> {
  const list = fetch('/scenarios.json')
    .then((r) => (r.ok ? (r.json() as Promise<Partial<ScenarioPayload>>) : null))
    .catch(() => null);
  const fonts = Promise.all(TITLE_FONTS.map((f) => document.fonts.load(f))).catch(() => undefined);
  await Promise.race([fonts, new Promise((r) => setTimeout(r, 1000))]);
  return list;
}

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

  // The title menu while the flow is on the title; a loading screen elsewhere until the scenes are ready.
  let stageReady = false;
  let closeTitle: (() => void) | null = null;
  let loading: LoadingScreen | null = null;
  let progress = 0;
  let loadError: string | null = null;
  const screens = (screen: ReturnType<typeof screenOf>) => {
    root.dataset.flow = screen;
    shell.frame.classList.toggle('title-art', screen === 'title' && assets.has(paths.titleBg));
    if (screen === 'title' && !closeTitle) closeTitle = showTitleMenu(svc);
    if (screen !== 'title' && closeTitle) {
      closeTitle();
      closeTitle = null;
    }
    if (screen !== 'title' && screen !== 'loading' && !stageReady && !loading) {
      loading = loadingScreen(progress);
      shell.mount(loading.el);
      if (loadError) loading.fail(loadError);
    }
  };
  svc.flow.subscribe((snap) => screens(screenOf(snap.value)));
  svc.flow.start();

  // For tools and tests: the flow and services from the console, and the Phaser game once loaded.
  const handle: { services: GameServices; game?: unknown } = { services: svc };
  (window as unknown as { makeItRight: unknown }).makeItRight = handle;

  // Progress: half for the scenes' code, half for the art the Preloader loads.
  const setProgress = (share: number) => {
    progress = share;
    loading?.progress(share);
  };
  const loadStage = () =>
    import('./stage.ts').then(({ startStage }) => {
      setProgress(0.5);
      handle.game = startStage(svc, {
        onProgress: (share) => setProgress(0.5 + share / 2),
        onReady: () => {
          stageReady = true;
          shell.frame.classList.add('stage-ready');
          // The current scene's screen replaces the loading screen when it mounts.
          loading = null;
        },
      });
    });

  // A signed-in player also plays the scenarios trainers uploaded (remembered for offline play).
  let uploaded: Scenario[] = [];
  let preview: Scenario | null = null;
  const previewId = svc.options.preview;
  svc.online.previewing = previewId;
  svc.online.subscribe(() => {
    if (svc.online.scenarios === uploaded) return;
    uploaded = svc.online.scenarios;
    for (const s of uploaded) useStudioMedia(s.id, mediaBaseOf(s));
    svc.library.setUploaded(preview ? [...uploaded.filter((s) => s.id !== preview?.id), preview] : uploaded);
    svc.flow.send({ type: 'library.changed', scenarioIds: svc.library.ids });
  });
  void svc.online.start(window);

  void loadTitleData().then(async (list) => {
    svc.library.load(list);
    svc.flow.send({ type: 'loaded', scenarioIds: svc.library.ids });
    if (previewId) {
      const got = await loadPreview(previewId);
      if ('error' in got) previewBanner(got.error, 'error');
      else {
        preview = got.scenario;
        svc.library.setUploaded([...uploaded.filter((s) => s.id !== previewId), preview]);
        svc.flow.send({ type: 'library.changed', scenarioIds: svc.library.ids });
        previewBanner(`Preview of the draft "${preview.title}": nothing you play here is recorded`);
        svc.flow.send({ type: 'title.start' });
        svc.flow.send({ type: 'select.pick', scenarioId: previewId });
      }
    }
    // After the title has been painted, so the download and start-up of the scenes never delay it.
    requestAnimationFrame(() =>
      setTimeout(
        () =>
          void loadStage().catch((e: unknown) => {
            console.error(e);
            loadError = 'The game could not finish loading. Check the connection and reload the page.';
            loading?.fail(loadError);
          }),
        0,
      ),
    );
  });
  return svc;
}

startGame(document.getElementById('app') as HTMLElement);
