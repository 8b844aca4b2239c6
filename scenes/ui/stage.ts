// Shared scene setup: the camera maps the 1280×720 world onto a backbuffer renderScale times larger,
// backdrops (art or a drawn fallback), and short transitions that respect reduced motion.
import * as Phaser from 'phaser';
import type { Setting } from '../../src/engine/schema.ts';
import { textureKey } from '../../src/game/assets.ts';
import { services } from '../../src/game/services.ts';
import { COLOR, SETTING_COLORS } from './theme.ts';

export const W = 1280;
export const H = 720;

export function setupCamera(scene: Phaser.Scene, fade = true): void {
  const rs = services().renderScale;
  const cam = scene.cameras.main;
  cam.setZoom(rs);
  cam.centerOn(W / 2, H / 2);
  cam.setBackgroundColor(COLOR.ink);
  if (fade && !reducedMotion()) cam.fadeIn(260, 12, 14, 24);
}

export function reducedMotion(): boolean {
  return services().settings.reducedMotion;
}

/** An image loaded from SVG at renderScale: shown at `worldScale` of its SVG size. */
export function svgImage(scene: Phaser.Scene, x: number, y: number, key: string, worldScale = 1, rasterScale = services().renderScale): Phaser.GameObjects.Image {
  return scene.add.image(x, y, key).setScale(worldScale / rasterScale);
}

/** The setting's backdrop, or a gradient with soft shapes when the art is missing. */
export function addBackdrop(scene: Phaser.Scene, setting: Setting, dim = 0): void {
  const key = textureKey.backdrop(setting);
  if (scene.textures.exists(key)) {
    svgImage(scene, W / 2, H / 2, key);
  } else {
    const [top, bottom] = SETTING_COLORS[setting];
    const g = scene.add.graphics();
    g.fillGradientStyle(top, top, bottom, bottom, 1);
    g.fillRect(0, 0, W, H);
    g.fillStyle(0xffffff, 0.05);
    for (let i = 0; i < 7; i++) g.fillRoundedRect(80 + i * 170, 120 + (i % 3) * 40, 120, 260, 16);
    g.fillStyle(0x000000, 0.18);
    g.fillRect(0, H - 150, W, 150);
  }
  if (dim > 0) scene.add.graphics().fillStyle(COLOR.ink, dim).fillRect(0, 0, W, H);
}

/** A vertical wash from transparent to ink, to seat DOM panels on busy art. */
export function addVignette(scene: Phaser.Scene, alpha = 0.55): void {
  const g = scene.add.graphics();
  g.fillGradientStyle(COLOR.ink, COLOR.ink, COLOR.ink, COLOR.ink, 0, 0, alpha, alpha);
  g.fillRect(0, H * 0.35, W, H * 0.65);
}
