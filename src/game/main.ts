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
import type { GameServices } from './services.ts';
import { SettingsStore } from './settings.ts';
import { browserStorage } from './storage.ts';
import { showTitleMenu } from './title-menu.ts';
import { startLms } from './lms/start.ts';
import { registerServiceWorker } from './pwa.ts';

// Faces the title menu shows; the scenes wait for the rest themselves (scenes/Boot.ts).
const TITLE_FONTS = ['800 20px Nunito', '400 20px Inter', '600 20px Inter'];

/** The title's fonts (at most 1 s, then the fallback faces). The title needs nothing else. */
async function loadTitleFonts(): Promise<void> {
  const fonts = Promise.all(TITLE_FONTS.map((f) => document.fonts.load(f))).catch(() => undefined);
  await Promise.race([fonts, new Promise((r) => setTimeout(r, 1000))]);
}

/** The built-in scenarios, fetched once the title is up: only Start and Continue need them. */
async function loadScenarioList(): Promise<Partial<ScenarioPayload> | null> {
  return fetch('/scenarios.json')
    .then((r) => (r.ok ? (r.json() as Promise<Partial<ScenarioPayload>>) : null))
    .catch(() => null);
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
  // Launched by an LMS (cmi5 or SCORM 1.2): it drives the flow to the scenario and reports the result.
  startLms(svc, storage);
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
          // Offline play: after the scenes are up, so precaching never competes with the first load.
          // Only built pages link the web app manifest and have the worker (the dev server has neither).
          if (document.querySelector('link[rel="manifest"]')) setTimeout(() => registerServiceWorker(() => screenOf(svc.flow.getSnapshot().value) === 'title'), 1000);
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

  // ?preview=<id>: the draft joins the library and the game opens its briefing.
  const showPreview = async (id: string) => {
    const got = await loadPreview(id);
    if ('error' in got) {
      previewBanner(got.error, 'error');
      return;
    }
    preview = got.scenario;
    svc.library.setUploaded([...uploaded.filter((s) => s.id !== id), preview]);
    svc.flow.send({ type: 'library.changed', scenarioIds: svc.library.ids });
    previewBanner(`Preview of the draft "${preview.title}": nothing you play here is recorded`);
    svc.flow.send({ type: 'title.start' });
    svc.flow.send({ type: 'select.pick', scenarioId: id });
  };

  // A returning player with a conversation to resume sees Continue at once: the title waits for the
  // list then. Otherwise the title needs only its fonts, and the list comes once it is up.
  const list = svc.slot.load() ? loadScenarioList() : null;
  const useList = (payload: Partial<ScenarioPayload> | null) => {
    svc.library.load(payload);
    svc.flow.send({ type: 'library.changed', scenarioIds: svc.library.ids });
  };
  void Promise.all([loadTitleFonts(), list]).then(([, early]) => {
    if (list) svc.library.load(early);
    svc.flow.send({ type: 'loaded', scenarioIds: svc.library.ids });
    if (previewId) void showPreview(previewId);
    // After the title has been painted, so the list, the download and start-up of the scenes never
    // delay it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!list) void loadScenarioList().then(useList);
        void loadStage().catch((e: unknown) => {
          console.error(e);
          loadError = 'The game could not finish loading. Check the connection and reload the page.';
          loading?.fail(loadError);
        });
      }, 0),
    );
  });
  return svc;
}

startGame(document.getElementById('app') as HTMLElement);
