// Boot: waits for the web fonts (Phaser text is drawn once, so fonts must be ready) and fetches the
// scenario list, which decides what the Preloader loads.
import * as Phaser from 'phaser';
import { services } from '../src/game/services.ts';
import { setupCamera } from './ui/stage.ts';

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    this.load.json('scenarios', '/scenarios.json');
  }

  create(): void {
    setupCamera(this, false);
    const fonts = ['900 20px Nunito', '800 20px Nunito', '500 20px Inter', '600 20px Inter', 'italic 600 20px Inter'];
    const ready = Promise.all(fonts.map((f) => document.fonts.load(f))).catch(() => undefined);
    const timeout = new Promise((r) => setTimeout(r, 2500));
    void Promise.race([ready, timeout]).then(() => {
      services().library.load(this.cache.json.get('scenarios'));
      this.scene.start('Preloader');
    });
  }
}
