// Boot: waits for the web fonts the scenes draw with (Phaser text is rendered once, so the faces must
// be ready), at most 2.5 s, then hands over to the Preloader.
import * as Phaser from 'phaser';
import { setupCamera } from './ui/stage.ts';

const FONTS = ['900 20px Nunito', '800 20px Nunito', '500 20px Inter', '600 20px Inter', 'italic 600 20px Inter'];

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    setupCamera(this, false);
    const fonts = Promise.all(FONTS.map((f) => document.fonts.load(f))).catch(() => undefined);
    const timeout = new Promise((r) => setTimeout(r, 2500));
    void Promise.race([fonts, timeout]).then(() => this.scene.start('Preloader'));
  }
}
