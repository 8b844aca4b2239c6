// Preloader: a progress bar while the title art loads.
import * as Phaser from 'phaser';
import { paths, textureKey } from '../src/game/assets.ts';
import { services } from '../src/game/services.ts';
import { H, setupCamera, W } from './ui/stage.ts';
import { COLOR, FONT } from './ui/theme.ts';

export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  init(): void {
    setupCamera(this, false);
    const barW = 520;
    const x = (W - barW) / 2;
    const y = H / 2 + 30;
    this.add.text(W / 2, H / 2 - 40, 'Make It Right', { fontFamily: FONT.head, fontSize: '54px', fontStyle: '900', color: COLOR.onInk, resolution: services().renderScale }).setOrigin(0.5);
    const status = this.add.text(W / 2, y + 44, 'Setting up the front desk…', { fontFamily: FONT.body, fontSize: '16px', color: COLOR.onInkSoft, resolution: services().renderScale }).setOrigin(0.5);
    const track = this.add.graphics();
    track.fillStyle(0xffffff, 0.12).fillRoundedRect(x, y - 9, barW, 18, 9);
    const bar = this.add.graphics();
    this.load.on('progress', (p: number) => {
      bar.clear();
      bar.fillStyle(COLOR.coral, 1).fillRoundedRect(x, y - 9, Math.max(18, barW * p), 18, 9);
      status.setText(`Setting up the front desk… ${Math.round(p * 100)}%`);
      services().shell.status(`Loading ${Math.round(p * 100)}%`);
    });
  }

  preload(): void {
    // The title art here; each scenario's backdrop and portraits load when it is first opened
    // (scenes/ui/art.ts), and its voice lines when the conversation starts.
    const { assets, renderScale: rs } = services();
    if (assets.has(paths.titleBg)) this.load.svg(textureKey.titleBg, paths.titleBg, { scale: rs });
  }

  create(): void {
    const { flow, library } = services();
    flow.send({ type: 'loaded', scenarioIds: library.ids });
  }
}
