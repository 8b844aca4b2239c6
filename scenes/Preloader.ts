// Preloader: a progress bar while backdrops and portraits load. Voice lines are not loaded here: each
// scenario's voice loads when that scenario starts.
import * as Phaser from 'phaser';
import { EMOTIONS, SETTINGS } from '../src/engine/schema.ts';
import { paths, textureKey } from '../src/game/assets.ts';
import { services } from '../src/game/services.ts';
import { PORTRAIT_RASTER } from './ui/Portrait.ts';
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
    const { assets, library, renderScale: rs } = services();
    const svg = (key: string, url: string, scale: number) => {
      if (assets.has(url)) this.load.svg(key, url, { scale });
    };
    svg(textureKey.titleBg, paths.titleBg, rs);
    for (const setting of SETTINGS) svg(textureKey.backdrop(setting), paths.backdrop(setting), rs);
    for (const s of library.list) for (const e of EMOTIONS) svg(textureKey.portrait(s.id, e), paths.portrait(s.id, e), rs * PORTRAIT_RASTER);
  }

  create(): void {
    const { flow, library } = services();
    flow.send({ type: 'loaded', scenarioIds: library.ids });
  }
}
