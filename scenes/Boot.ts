// Boot: waits for the web fonts (Phaser text is drawn once, so fonts must be ready) and for the
// scenario list, which decides what the Preloader loads. Both requests start when this module is
// evaluated, before Phaser boots (creating the WebGL context takes a while in software rendering),
// rather than one after the other from the scene: that put two round trips before the title.
import * as Phaser from 'phaser';
import type { ScenarioPayload } from '../src/game/library.ts';
import { services } from '../src/game/services.ts';
import { setupCamera } from './ui/stage.ts';

const FONTS = ['900 20px Nunito', '800 20px Nunito', '500 20px Inter', '600 20px Inter', 'italic 600 20px Inter'];

const fonts = Promise.all(FONTS.map((f) => document.fonts.load(f))).catch(() => undefined);
const scenarios: Promise<Partial<ScenarioPayload> | null> = fetch('/scenarios.json')
  .then((r) => (r.ok ? (r.json() as Promise<Partial<ScenarioPayload>>) : null))
  .catch(() => null);

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    setupCamera(this, false);
    const timeout = new Promise((r) => setTimeout(r, 2500));
    void Promise.all([scenarios, Promise.race([fonts, timeout])]).then(([list]) => {
      services().library.load(list);
      this.scene.start('Preloader');
    });
  }
}
