// The customer's speech bubble with the line typed out, the narration card above it, and the
// player's own last reply as a small bubble below. Text is wrapped once up front so words never jump
// between lines while typing.
import * as Phaser from 'phaser';
import { services } from '../../src/game/services.ts';
import { COLOR, FONT } from './theme.ts';

const BX = 540;
const BY = 96;
const BW = 704;
const PAD = 26;
const CHARS_PER_SECOND = 60;

export class SpeechBubble {
  #scene: Phaser.Scene;
  #bubble: Phaser.GameObjects.Graphics;
  #text: Phaser.GameObjects.Text;
  #nameText: Phaser.GameObjects.Text;
  #narrationBg: Phaser.GameObjects.Graphics;
  #narration: Phaser.GameObjects.Text;
  #replyBg: Phaser.GameObjects.Graphics;
  #reply: Phaser.GameObjects.Text;
  #full = '';
  #shown = 0;
  #typing = false;
  #onDone: (() => void) | null = null;

  constructor(scene: Phaser.Scene, customerName: string, textScale: number) {
    this.#scene = scene;
    const rs = services().renderScale;
    this.#narrationBg = scene.add.graphics().setDepth(10);
    this.#narration = scene.add
      .text(BX + 18, 40, '', { fontFamily: FONT.body, fontSize: `${Math.round(15 * textScale)}px`, fontStyle: 'italic 600', color: COLOR.onInk, wordWrap: { width: BW - 100, useAdvancedWrap: true }, resolution: rs })
      .setOrigin(0, 0.5)
      .setDepth(11);
    this.#bubble = scene.add.graphics().setDepth(10);
    this.#nameText = scene.add
      .text(BX + PAD, BY + 20, customerName.toUpperCase(), { fontFamily: FONT.head, fontSize: '14px', fontStyle: '900', color: COLOR.coralText, resolution: rs })
      .setLetterSpacing(1.2)
      .setDepth(11);
    this.#text = scene.add
      .text(BX + PAD, BY + 44, '', { fontFamily: FONT.body, fontSize: `${Math.round(21 * textScale)}px`, fontStyle: '500', color: COLOR.text, lineSpacing: Math.round(8 * textScale), resolution: rs })
      .setDepth(11);
    this.#replyBg = scene.add.graphics().setDepth(10);
    this.#reply = scene.add
      .text(0, 0, '', { fontFamily: FONT.body, fontSize: `${Math.round(16 * textScale)}px`, fontStyle: '500', color: COLOR.onInk, wordWrap: { width: 560, useAdvancedWrap: true }, lineSpacing: 4, resolution: rs })
      .setDepth(11);
  }

  #last: { line: string; narration?: string; reply?: string } | null = null;

  /** New text size from the settings: re-lays out the current line, shown in full. Returns the bubble's bottom. */
  setTextScale(textScale: number): number {
    this.#narration.setFontSize(Math.round(15 * textScale));
    this.#text.setFontSize(Math.round(21 * textScale));
    this.#text.setLineSpacing(Math.round(8 * textScale));
    this.#reply.setFontSize(Math.round(16 * textScale));
    if (!this.#last) return BY;
    const done = this.#onDone;
    this.#onDone = null;
    this.#typing = false;
    const bottom = this.say(this.#last.line, this.#last.narration, this.#last.reply, true, () => done?.());
    return bottom;
  }

  get typing(): boolean {
    return this.#typing;
  }

  /**
   * Shows a line; types it out unless `instant`. onDone runs when the whole line is visible.
   * Returns the bubble's bottom edge, so the choices can keep clear of it.
   */
  say(line: string, narration: string | undefined, reply: string | undefined, instant: boolean, onDone: () => void): number {
    this.#last = { line, narration, reply };
    const top = Math.max(BY, this.#setNarration(narration) + 14);
    this.#nameText.setY(top + 20);
    this.#text.setY(top + 44);
    this.#setReply(reply);
    // Wrap the full line once, then type through the wrapped text.
    this.#text.setWordWrapWidth(BW - PAD * 2, true);
    const wrapped = this.#text.getWrappedText(line).join('\n');
    this.#text.setWordWrapWidth(null as unknown as number);
    this.#full = wrapped;
    this.#text.setText(wrapped);
    const textH = this.#text.height;
    const height = textH + 44 + PAD;
    this.#drawBubble(top, height);
    this.#onDone = onDone;
    if (instant) {
      this.#finish();
    } else {
      this.#shown = 0;
      this.#typing = true;
      this.#text.setText('');
    }
    return top + height;
  }

  /** Shows the rest of the line at once. */
  skip(): void {
    if (this.#typing) this.#finish();
  }

  hideReply(): void {
    if (!this.#reply.text) return;
    if (services().settings.reducedMotion) {
      this.#setReply(undefined);
      return;
    }
    this.#scene.tweens.add({ targets: [this.#reply, this.#replyBg], alpha: 0, duration: 200, onComplete: () => this.#setReply(undefined) });
  }

  update(delta: number, paused: boolean): void {
    if (!this.#typing || paused) return;
    this.#shown += (delta / 1000) * CHARS_PER_SECOND;
    const n = Math.min(this.#full.length, Math.floor(this.#shown));
    this.#text.setText(this.#full.slice(0, n));
    if (n >= this.#full.length) this.#finish();
  }

  #finish(): void {
    this.#typing = false;
    this.#text.setText(this.#full);
    const done = this.#onDone;
    this.#onDone = null;
    done?.();
  }

  #drawBubble(top: number, height: number): void {
    const g = this.#bubble;
    g.clear();
    g.fillStyle(0x000000, 0.22);
    g.fillRoundedRect(BX + 4, top + 8, BW, height, 26);
    g.fillStyle(COLOR.paper, 1);
    g.fillRoundedRect(BX, top, BW, height, 26);
    // Tail toward the portrait.
    const ty = top + Math.min(70, height / 2);
    g.fillTriangle(BX + 2, ty - 18, BX + 2, ty + 18, BX - 30, ty + 26);
  }

  /** The narration card at the top; returns its bottom edge (or 0 when there is none). */
  #setNarration(text: string | undefined): number {
    this.#narrationBg.clear();
    this.#narration.setText(text ?? '');
    if (!text) return 0;
    const w = Math.min(BW - 60, this.#narration.width + 36);
    const h = Math.max(40, this.#narration.height + 16);
    const top = 20;
    this.#narration.setY(top + h / 2);
    this.#narrationBg.fillStyle(COLOR.ink, 0.82);
    this.#narrationBg.fillRoundedRect(BX, top, w, h, h > 44 ? 16 : h / 2);
    return top + h;
  }

  #setReply(text: string | undefined): void {
    this.#replyBg.clear();
    this.#reply.setAlpha(1);
    this.#replyBg.setAlpha(1);
    this.#reply.setText(text ?? '');
    if (!text) return;
    const w = this.#reply.width + 40;
    const h = this.#reply.height + 28;
    const x = BX + BW - w;
    const y = 720 - 40 - h;
    this.#reply.setPosition(x + 20, y + 14);
    this.#replyBg.fillStyle(COLOR.ink2, 0.94);
    this.#replyBg.fillRoundedRect(x, y, w, h, 18);
    this.#replyBg.fillTriangle(x + w - 40, y + h - 2, x + w - 14, y + h - 2, x + w - 8, y + h + 16);
    this.#replyBg.lineStyle(2, COLOR.coral, 0.9);
    this.#replyBg.strokeRoundedRect(x, y, w, h, 18);
  }
}
