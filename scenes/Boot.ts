// Boot: waits for the web fonts (Phaser text is drawn once, so fonts must be ready) and fetches the
// scenario list, which decides what the Preloader loads. Both start in preload(), side by side: the
// fonts used to wait for the list, which put a second round trip before the title.
import * as Phaser from 'phaser';
import { services } from '../src/game/services.ts';
import { setupCamera } from './ui/stage.ts';

const FONTS = ['900 20px Nunito', '800 20px Nunito', '500 20px Inter', '600 20px Inter', 'italic 600 20px Inter'];

export class Boot extends Phaser.Scene {
  #fonts: Promise<unknown> = Promise.resolve();

  constructor() {
    super('Boot');
  }

  preload(): void {
    this.#fonts = Promise.all(FONTS.map((f) => document.fonts.load(f))).catch(() => undefined);
    this.load.json('scenarios', '/scenarios.json');
  }

  create(): void {
    setupCamera(this, false);
    const timeout = new Promise((r) => setTimeout(r, 2500));
    void Promise.race([this.#fonts, timeout]).then(() => {
      services().library.load(this.cache.json.get('scenarios'));
      this.scene.start('Preloader');
    });
  }
}
