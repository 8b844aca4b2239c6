// Preloader: loads the title art (each scenario's backdrop and portraits load when it is first opened,
// see scenes/ui/art.ts, and its voice lines when the conversation starts), reporting progress to the
// DOM layer, then tells the stage it is ready. The canvas stays hidden until then, over the same art
// shown by the page.
import * as Phaser from 'phaser';
import { paths, textureKey } from '../src/game/assets.ts';
import { servicesOf } from './ui/services.ts';

/** Game events: loading progress (0..1), and ready to show scenes. */
export const STAGE_PROGRESS = 'stage-progress';
export const STAGE_READY = 'stage-ready';

export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const { assets, renderScale: rs } = servicesOf(this);
    this.load.on('progress', (p: number) => this.game.events.emit(STAGE_PROGRESS, p));
    if (assets.has(paths.titleBg)) this.load.svg(textureKey.titleBg, paths.titleBg, { scale: rs });
  }

  create(): void {
    this.game.events.emit(STAGE_PROGRESS, 1);
    this.game.events.emit(STAGE_READY);
  }
}
