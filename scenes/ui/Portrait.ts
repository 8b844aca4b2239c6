// The customer's portrait. Its expression follows their emotion with a short squash-and-fade, and it
// breathes gently while idle (not with reduced motion). Without art, a silhouette is drawn instead.
import * as Phaser from 'phaser';
import type { Emotion } from '../../src/engine/schema.ts';
import { textureKey } from '../../src/game/assets.ts';
import { servicesOf } from './services.ts';
import { reducedMotion } from './stage.ts';
import { EMOTION_TINT } from './theme.ts';

/** Portraits are rasterised this much larger than their SVG size (times the render scale). */
export const PORTRAIT_RASTER = 1.5;
export const PORTRAIT_W = 400;
export const PORTRAIT_H = 480;

type Face = Phaser.GameObjects.Image | Phaser.GameObjects.Graphics;

/** A silhouette with a simple face, drawn bottom-centre at (0, 0). */
function drawSilhouette(g: Phaser.GameObjects.Graphics, emotion: Emotion): void {
  const tint = EMOTION_TINT[emotion];
  g.clear();
  g.fillStyle(0x1b2036, 0.92);
  g.fillRoundedRect(-170, -190, 340, 190, { tl: 150, tr: 150, bl: 0, br: 0 });
  g.fillStyle(0x1b2036, 0.92);
  g.fillCircle(0, -300, 96);
  g.lineStyle(8, tint, 1);
  g.strokeCircle(0, -300, 96);
  g.fillStyle(tint, 1);
  const browTilt = { calm: 0, worried: -8, annoyed: 6, angry: 12, furious: 16, relieved: -2 }[emotion];
  g.fillCircle(-34, -312, 9);
  g.fillCircle(34, -312, 9);
  g.lineStyle(7, tint, 1);
  g.lineBetween(-54, -340 - browTilt * 0.3, -18, -340 + browTilt);
  g.lineBetween(54, -340 - browTilt * 0.3, 18, -340 + browTilt);
  const smile = { calm: 6, worried: -8, annoyed: -10, angry: -18, furious: -26, relieved: 20 }[emotion];
  g.beginPath();
  g.moveTo(-34, -262);
  for (let i = 1; i <= 10; i++) {
    const t = i / 10;
    g.lineTo(-34 + 68 * t, -262 + smile * Math.sin(Math.PI * t));
  }
  g.strokePath();
}

export class Portrait {
  #scene: Phaser.Scene;
  #scenarioId: string;
  #x: number;
  #y: number;
  #scale: number;
  #face: Face;
  #emotion: Emotion;
  #breath: Phaser.Tweens.Tween | null = null;

  /** Placed with its bottom centre at (x, y), shown at `scale` of the 400×480 art. */
  constructor(scene: Phaser.Scene, scenarioId: string, x: number, y: number, scale: number, emotion: Emotion) {
    this.#scene = scene;
    this.#scenarioId = scenarioId;
    this.#x = x;
    this.#y = y;
    this.#scale = scale;
    this.#emotion = emotion;
    this.#face = this.#make(emotion);
    this.#breathe();
  }

  get emotion(): Emotion {
    return this.#emotion;
  }

  #baseScale(face: Face): number {
    return face instanceof Phaser.GameObjects.Image ? this.#scale / (servicesOf(this.#scene).renderScale * PORTRAIT_RASTER) : this.#scale;
  }

  #make(emotion: Emotion): Face {
    const key = textureKey.portrait(this.#scenarioId, emotion);
    let face: Face;
    if (this.#scene.textures.exists(key)) {
      face = this.#scene.add.image(this.#x, this.#y, key).setOrigin(0.5, 1);
    } else {
      const g = this.#scene.add.graphics({ x: this.#x, y: this.#y });
      drawSilhouette(g, emotion);
      face = g;
    }
    face.setScale(this.#baseScale(face));
    face.setDepth(5);
    return face;
  }

  #breathe(): void {
    this.#breath?.stop();
    this.#breath = null;
    if (reducedMotion(this.#scene)) return;
    const s = this.#baseScale(this.#face);
    this.#breath = this.#scene.tweens.add({
      targets: this.#face,
      scaleY: s * 1.014,
      scaleX: s * 0.996,
      y: this.#y + 1,
      duration: 1700,
      ease: 'Sine.easeInOut',
      yoyo: true,
      repeat: -1,
    });
  }

  setEmotion(emotion: Emotion): void {
    if (emotion === this.#emotion) return;
    this.#emotion = emotion;
    const old = this.#face;
    this.#breath?.stop();
    this.#breath = null;
    const next = this.#make(emotion);
    this.#face = next;
    if (reducedMotion(this.#scene)) {
      old.destroy();
      this.#breathe();
      return;
    }
    const os = this.#baseScale(old);
    const ns = this.#baseScale(next);
    next.setAlpha(0).setScale(ns * 1.05, ns * 0.92);
    this.#scene.tweens.add({ targets: old, scaleX: os * 1.05, scaleY: os * 0.92, alpha: 0, duration: 140, ease: 'Quad.easeIn', onComplete: () => old.destroy() });
    this.#scene.tweens.add({
      targets: next,
      alpha: 1,
      scaleX: ns,
      scaleY: ns,
      delay: 70,
      duration: 320,
      ease: 'Back.easeOut',
      onComplete: () => this.#breathe(),
    });
    if (emotion === 'furious') this.#scene.cameras.main.shake(220, 0.004);
  }

  destroy(): void {
    this.#breath?.stop();
    this.#face.destroy();
  }
}
