// The mood and patience meters, drawn top-left. Values ease toward their targets; patience pulses
// when it runs low (not with reduced motion).
import * as Phaser from 'phaser';
import { moodWord } from '../../src/game/mood.ts';
import { COLOR, FONT, moodColor } from './theme.ts';

const X = 24;
const Y = 22;
const PANEL_W = 380;
const PANEL_H = 118;
const BAR_X = X + 132;
const BAR_W = PANEL_W - 132 - 68;
const BAR_H = 14;

export class Meters {
  #g: Phaser.GameObjects.Graphics;
  #moodValue: Phaser.GameObjects.Text;
  #patienceValue: Phaser.GameObjects.Text;
  #mood = 50;
  #moodTarget = 50;
  #patience = 1;
  #reduced: boolean;
  #scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, name: string, mood: number, reduced: boolean) {
    this.#reduced = reduced;
    this.#scene = scene;
    this.#mood = this.#moodTarget = mood;
    const panel = scene.add.graphics().setDepth(20);
    panel.fillStyle(COLOR.ink, 0.82);
    panel.fillRoundedRect(X, Y, PANEL_W, PANEL_H, 18);
    panel.lineStyle(2, 0xffffff, 0.12);
    panel.strokeRoundedRect(X, Y, PANEL_W, PANEL_H, 18);
    const label = (y: number, text: string) =>
      scene.add.text(X + 20, y, text, { fontFamily: FONT.head, fontSize: '17px', fontStyle: '800', color: COLOR.onInk }).setOrigin(0, 0.5).setDepth(21);
    scene.add.text(X + 20, Y + 20, name.toUpperCase(), { fontFamily: FONT.head, fontSize: '13px', fontStyle: '900', color: COLOR.onInkSoft }).setLetterSpacing(1.5).setOrigin(0, 0.5).setDepth(21);
    label(Y + 56, 'Mood');
    label(Y + 92, 'Patience');
    const value = (y: number) => scene.add.text(X + PANEL_W - 20, y, '', { fontFamily: FONT.body, fontSize: '14px', fontStyle: '700', color: COLOR.onInk }).setOrigin(1, 0.5).setDepth(21);
    this.#moodValue = value(Y + 56);
    this.#patienceValue = value(Y + 92);
    this.#g = scene.add.graphics().setDepth(21);
  }

  setMood(mood: number): void {
    const delta = Math.round(mood - this.#moodTarget);
    this.#moodTarget = mood;
    if (delta !== 0) this.#popDelta(delta);
  }

  /** A small "+8" / "-12" rising from the mood bar. */
  #popDelta(delta: number): void {
    const x = BAR_X + Math.max(0.08, Math.min(1, this.#moodTarget / 100)) * BAR_W;
    const t = this.#scene.add
      .text(x, Y + 56, `${delta > 0 ? '+' : ''}${delta}`, {
        fontFamily: FONT.head,
        fontSize: '20px',
        fontStyle: '900',
        color: delta > 0 ? '#5ee0bf' : '#ff8a7a',
        stroke: '#171b2b',
        strokeThickness: 5,
      })
      .setOrigin(0.5, 1)
      .setDepth(30);
    if (this.#reduced) {
      this.#scene.time.delayedCall(1400, () => t.destroy());
      return;
    }
    this.#scene.tweens.add({ targets: t, y: Y + 30, alpha: { from: 1, to: 0 }, duration: 1400, ease: 'Cubic.easeOut', onComplete: () => t.destroy() });
  }

  /** Call every frame. */
  update(delta: number, patienceFraction: number, secondsLeft: number, time: number): void {
    const k = this.#reduced ? 1 : Math.min(1, delta / 220);
    this.#mood += (this.#moodTarget - this.#mood) * k;
    this.#patience += (patienceFraction - this.#patience) * Math.min(1, this.#reduced ? 1 : delta / 80);
    const g = this.#g;
    g.clear();
    this.#bar(g, Y + 56, this.#mood / 100, moodColor(this.#mood), 1);
    const p = this.#patience;
    const color = p > 0.5 ? COLOR.teal : p > 0.25 ? COLOR.amber : COLOR.red;
    const pulse = !this.#reduced && p <= 0.25 && p > 0 ? 0.65 + 0.35 * Math.abs(Math.sin(time / 180)) : 1;
    this.#bar(g, Y + 92, p, color, pulse);
    this.#drawFace(g, BAR_X - 22, Y + 56, this.#mood);
    this.#drawClock(g, BAR_X - 22, Y + 92, p);
    this.#moodValue.setText(moodWord(this.#moodTarget));
    this.#patienceValue.setText(`${Math.ceil(secondsLeft)} s`);
  }

  #bar(g: Phaser.GameObjects.Graphics, cy: number, fraction: number, color: number, alpha: number): void {
    const y = cy - BAR_H / 2;
    g.fillStyle(0xffffff, 0.12);
    g.fillRoundedRect(BAR_X, y, BAR_W, BAR_H, BAR_H / 2);
    const w = Math.max(0, Math.min(1, fraction)) * BAR_W;
    if (w >= 2) {
      g.fillStyle(color, alpha);
      g.fillRoundedRect(BAR_X, y, Math.max(w, BAR_H), BAR_H, BAR_H / 2);
      g.fillStyle(0xffffff, 0.25 * alpha);
      g.fillRoundedRect(BAR_X + 4, y + 2, Math.max(0, Math.max(w, BAR_H) - 8), 3, 1.5);
    }
  }

  #drawFace(g: Phaser.GameObjects.Graphics, cx: number, cy: number, mood: number): void {
    const c = moodColor(mood);
    g.fillStyle(c, 1);
    g.fillCircle(cx, cy, 12);
    g.fillStyle(COLOR.ink, 1);
    g.fillCircle(cx - 4, cy - 3, 1.8);
    g.fillCircle(cx + 4, cy - 3, 1.8);
    const curve = ((mood - 50) / 50) * 4;
    g.lineStyle(2, COLOR.ink, 1);
    g.beginPath();
    g.moveTo(cx - 5, cy + 4);
    for (let i = 1; i <= 6; i++) {
      const t = i / 6;
      g.lineTo(cx - 5 + 10 * t, cy + 4 + curve * Math.sin(Math.PI * t));
    }
    g.strokePath();
  }

  #drawClock(g: Phaser.GameObjects.Graphics, cx: number, cy: number, fraction: number): void {
    g.fillStyle(0xffffff, 0.15);
    g.fillCircle(cx, cy, 12);
    if (fraction > 0) {
      g.fillStyle(fraction > 0.5 ? COLOR.teal : fraction > 0.25 ? COLOR.amber : COLOR.red, 1);
      g.slice(cx, cy, 12, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * fraction, false);
      g.fillPath();
    }
    g.lineStyle(2, 0xffffff, 0.85);
    g.strokeCircle(cx, cy, 12);
  }
}
