// The benchmark's reference: a bare Phaser 4 title screen built the way the official Vite template
// does it (full `phaser` package, Boot -> Preloader -> MainMenu), loading the same title images.
import { AUTO, Game, Scale, Scene } from 'phaser';

class Boot extends Scene {
  constructor() {
    super('Boot');
  }
  create() {
    this.scene.start('Preloader');
  }
}

class Preloader extends Scene {
  constructor() {
    super('Preloader');
  }
  preload() {
    this.load.svg('background', '/ui/title-bg.svg', { width: 1280, height: 720 });
    this.load.svg('logo', '/ui/logo.svg', { width: 640, height: 240 });
  }
  create() {
    this.scene.start('MainMenu');
  }
}

class MainMenu extends Scene {
  constructor() {
    super('MainMenu');
  }
  create() {
    this.add.image(640, 360, 'background');
    this.add.image(640, 280, 'logo');
    const start = this.add
      .text(640, 480, 'Start', { fontFamily: 'Arial Black', fontSize: 38, color: '#ffffff', stroke: '#000000', strokeThickness: 8 })
      .setOrigin(0.5)
      .setInteractive();
    start.on('pointerdown', () => start.setColor('#ffd166'));
    // The page is interactive once the menu has drawn its first frame.
    this.events.once('postupdate', () => {
      (window as unknown as { __titleReady?: number }).__titleReady = performance.now();
    });
  }
}

new Game({
  type: AUTO,
  width: 1280,
  height: 720,
  parent: 'game',
  backgroundColor: '#1b1f2a',
  scale: { mode: Scale.FIT, autoCenter: Scale.CENTER_BOTH },
  scene: [Boot, Preloader, MainMenu],
});
