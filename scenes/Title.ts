// Title: the title art with drifting speech bubbles behind the DOM menu (src/game/title-menu.ts),
// which is on screen before Phaser has loaded.
import * as Phaser from 'phaser';
import { textureKey } from '../src/game/assets.ts';
import { H, reducedMotion, setupCamera, svgImage, W } from './ui/stage.ts';
import { COLOR } from './ui/theme.ts';

export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    // No fade: the page shows the same art under the canvas while Phaser loads.
    setupCamera(this, false);
    this.#drawBackground();
  }

  #drawBackground(): void {
    const art = this.textures.exists(textureKey.titleBg);
    if (art) {
      svgImage(this, W / 2, H / 2, textureKey.titleBg);
    } else {
      const g = this.add.graphics();
      g.fillGradientStyle(0x2a2350, 0x2a2350, COLOR.ink, COLOR.ink, 1);
      g.fillRect(0, 0, W, H);
    }
    // Speech bubbles drifting around the edges, clear of the logo and menu.
    const colors = [COLOR.coral, COLOR.amber, COLOR.teal, COLOR.paper];
    let placed = 0;
    for (let i = 0; i < 40 && placed < 12; i++) {
      const w = 50 + ((i * 37) % 90);
      const h = w * 0.62;
      const g = this.add.graphics();
      g.fillStyle(colors[i % colors.length], 0.1 + (i % 3) * 0.04);
      g.fillRoundedRect(-w / 2, -h / 2, w, h, h / 2.4);
      g.fillTriangle(-w / 4, h / 2 - 2, -w / 4 + 14, h / 2 - 2, -w / 4 - 6, h / 2 + 14);
      const x = 60 + ((i * 97) % (W - 120));
      const y = 80 + ((i * 173) % (H - 120));
      if (x > 300 && x < 980 && y > 120 && y < 600) {
        g.destroy();
        continue;
      }
      placed++;
      g.setPosition(x, y);
      if (!reducedMotion(this)) {
        this.tweens.add({ targets: g, y: y - 40 - (i % 4) * 12, x: x + ((i % 2) * 2 - 1) * 18, duration: 5200 + (i % 5) * 900, ease: 'Sine.easeInOut', yoyo: true, repeat: -1, delay: i * 130 });
      }
    }
    if (!art) {
      const vignette = this.add.graphics();
      vignette.fillStyle(COLOR.ink, 0.25);
      vignette.fillRect(0, 0, W, H);
    }
  }
}
