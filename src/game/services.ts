// What every scene needs, created once in main.ts and handed to the stage (stage.ts), which puts it in
// the Phaser game's registry; scenes read it with servicesOf(this) (scenes/ui/services.ts).
import type { Actor } from 'xstate';
import type { AssetIndex } from './assets.ts';
import type { GameAudio } from './audio.ts';
import type { flowMachine } from './flow.ts';
import type { History } from './history.ts';
import type { ScenarioLibrary } from './library.ts';
import type { SaveSlot } from './save.ts';
import type { SettingsStore } from './settings.ts';
import type { Shell } from './dom/shell.ts';
import type { GameOptions } from './options.ts';
import type { Online } from './online.ts';

export interface GameServices {
  shell: Shell;
  flow: Actor<typeof flowMachine>;
  library: ScenarioLibrary;
  settings: SettingsStore;
  audio: GameAudio;
  history: History;
  slot: SaveSlot;
  assets: AssetIndex;
  options: GameOptions;
  /** The server link: sign-in, assignments, attempts (guests never use it). */
  online: Online;
  /** Backbuffer pixels per logical pixel (1 or 2): the canvas is rendered this much larger for crisp art. */
  renderScale: number;
}
