// Shared scene setup: the camera maps the 1280×720 world onto a backbuffer renderScale times larger,
// backdrops (art or a drawn fallback), and short transitions that respect reduced motion.
import * as Phaser from 'phaser';
import type { Setting } from '../../src/engine/schema.ts';
import { textureKey } from '../../src/game/assets.ts';
import { servicesOf } from './services.ts';
import { COLOR, SETTING_COLORS } from './theme.ts';

export const W = 1280;
export const H = 720;

export function setupCamera(scene: Phaser.Scene, fade = true): void {
  const rs = servicesOf(scene).renderScale;
  const cam = scene.cameras.main;
  cam.setZoom(rs);
  cam.centerOn(W / 2, H / 2);
  // No camera background: the canvas is cleared to the same ink every frame (the game's
  // backgroundColor), and a camera background would fill every pixel once more per frame, which is
  // what a frame costs where WebGL runs in software.
  if (fade && !reducedMotion(scene)) cam.fadeIn(260, 12, 14, 24);
}

export function reducedMotion(scene: Phaser.Scene): boolean {
  return servicesOf(scene).settings.reducedMotion;
}

/** An image loaded from SVG at renderScale: shown at `worldScale` of its SVG size. */
export function svgImage(scene: Phaser.Scene, x: number, y: number, key: string, worldScale = 1, rasterScale = servicesOf(scene).renderScale): Phaser.GameObjects.Image {
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

/** A vertical wash from transparent (at `top`) to ink (at the bottom), to seat DOM panels on busy art. */
export function addVignette(scene: Phaser.Scene, alpha = 0.55, top = H * 0.35): void {
  const g = scene.add.graphics();
  g.fillGradientStyle(COLOR.ink, COLOR.ink, COLOR.ink, COLOR.ink, 0, 0, alpha, alpha);
  g.fillRect(0, top, W, H - top);
}

/**
 * The setting's backdrop with a shade over its lower part (to seat the portrait and the DOM choices)
 * painted into one texture, so a frame fills those pixels once rather than twice; the texture is
 * dropped when the scene shuts down. Without the art: the drawn fallback and a shade on top.
 */
export function addShadedBackdrop(scene: Phaser.Scene, setting: Setting, shade: { top: number; alpha: number }): void {
  const key = textureKey.backdrop(setting);
  const shadedKey = `${key}:shaded`;
  if (scene.textures.exists(key) && !scene.textures.exists(shadedKey)) {
    const src = scene.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
    const tex = scene.textures.createCanvas(shadedKey, src.width, src.height);
    if (tex) {
      const ctx = tex.getContext();
      ctx.drawImage(src, 0, 0);
      const k = src.height / H;
      const ink = `${(COLOR.ink >> 16) & 255}, ${(COLOR.ink >> 8) & 255}, ${COLOR.ink & 255}`;
      const g = ctx.createLinearGradient(0, shade.top * k, 0, src.height);
      g.addColorStop(0, `rgba(${ink}, 0)`);
      g.addColorStop(1, `rgba(${ink}, ${shade.alpha})`);
      ctx.fillStyle = g;
      ctx.fillRect(0, shade.top * k, src.width, src.height - shade.top * k);
      tex.refresh();
      scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.textures.remove(shadedKey));
    }
  }
  if (scene.textures.exists(shadedKey)) {
    svgImage(scene, W / 2, H / 2, shadedKey, 1, scene.textures.get(shadedKey).getSourceImage().width / W);
    return;
  }
  addBackdrop(scene, setting);
  addVignette(scene, shade.alpha, shade.top);
}
