// The customer's speech bubble with the line typed out, the narration card above it, and the
// player's own last reply as a small bubble below. Text is wrapped once up front so words never jump
// between lines while typing. Each wrapped line is its own Text, drawn once per line said; typing only
// widens a crop over it. Changing a Text's string redraws its canvas and re-uploads it as a WebGL
// texture, and doing that every frame cost the software-rendered GPU process whole frames.
import * as Phaser from 'phaser';
import { servicesOf } from './services.ts';
import { COLOR, FONT } from './theme.ts';

const BX = 540;
const BY = 96;
const BW = 704;
const PAD = 26;
const CHARS_PER_SECOND = 60;
const WRAP_WIDTH = BW - PAD * 2;

/** The customer's line: size and gap between lines at text scale 1. */
const BODY_SIZE = 21;
const BODY_GAP = 8;

/** One wrapped line of the customer's text, and how much of it is showing. */
interface Line {
  text: Phaser.GameObjects.Text;
  str: string;
  /** Offset of the line's first character in the wrapped text (lines are joined by one '\n'). */
  start: number;
  /** Characters currently revealed, so the crop is only touched when it changes. */
  shown: number;
}

export class SpeechBubble {
  #scene: Phaser.Scene;
  #bubble: Phaser.GameObjects.Graphics;
  /** Never drawn: wraps the line with the body font. */
  #layout: Phaser.GameObjects.Text;
  /** One Text per wrapped line, reused from line to line; those not needed are hidden. */
  #pool: Phaser.GameObjects.Text[] = [];
  #lines: Line[] = [];
  #textScale: number;
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
    this.#textScale = textScale;
    const rs = servicesOf(scene).renderScale;
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
    this.#layout = scene.add.text(0, 0, '', { ...this.#bodyStyle(), wordWrap: { width: WRAP_WIDTH, useAdvancedWrap: true } }).setVisible(false);
    this.#replyBg = scene.add.graphics().setDepth(10);
    this.#reply = scene.add
      .text(0, 0, '', { fontFamily: FONT.body, fontSize: `${Math.round(16 * textScale)}px`, fontStyle: '500', color: COLOR.onInk, wordWrap: { width: 560, useAdvancedWrap: true }, lineSpacing: 4, resolution: rs })
      .setDepth(11);
  }

  #last: { line: string; narration?: string; reply?: string } | null = null;

  /** New text size from the settings: re-lays out the current line, shown in full. Returns the bubble's bottom. */
  setTextScale(textScale: number): number {
    this.#textScale = textScale;
    this.#narration.setFontSize(Math.round(15 * textScale));
    this.#layout.setFontSize(Math.round(BODY_SIZE * textScale));
    // The line Texts are made again at the new size by say().
    for (const t of this.#pool) t.destroy();
    this.#pool = [];
    this.#lines = [];
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
    this.#setReply(reply);
    // Wrap the full line once, then type through the wrapped text.
    const wrapped = this.#layout.getWrappedText(line);
    this.#full = wrapped.join('\n');
    const textH = this.#layOut(wrapped, top + 44);
    const height = textH + 44 + PAD;
    this.#drawBubble(top, height);
    this.#onDone = onDone;
    if (instant) {
      this.#finish();
    } else {
      this.#shown = 0;
      this.#typing = true;
      this.#reveal(0);
    }
    return top + height;
  }

  /** Shows the rest of the line at once. */
  skip(): void {
    if (this.#typing) this.#finish();
  }

  hideReply(): void {
    if (!this.#reply.text) return;
    if (servicesOf(this.#scene).settings.reducedMotion) {
      this.#setReply(undefined);
      return;
    }
    this.#scene.tweens.add({ targets: [this.#reply, this.#replyBg], alpha: 0, duration: 200, onComplete: () => this.#setReply(undefined) });
  }

  update(delta: number, paused: boolean): void {
    if (!this.#typing || paused) return;
    this.#shown += (delta / 1000) * CHARS_PER_SECOND;
    const n = Math.min(this.#full.length, Math.floor(this.#shown));
    if (n >= this.#full.length) this.#finish();
    else this.#reveal(n);
  }

  #finish(): void {
    this.#typing = false;
    this.#reveal(this.#full.length);
    const done = this.#onDone;
    this.#onDone = null;
    done?.();
  }

  #bodyStyle(): Phaser.Types.GameObjects.Text.TextStyle {
    return { fontFamily: FONT.body, fontSize: `${Math.round(BODY_SIZE * this.#textScale)}px`, fontStyle: '500', color: COLOR.text, resolution: servicesOf(this.#scene).renderScale };
  }

  /** A Text for one line, drawn under the reply like the rest of the bubble. */
  #lineText(): Phaser.GameObjects.Text {
    const text = this.#scene.add.text(0, 0, '', this.#bodyStyle()).setDepth(11);
    this.#scene.children.moveBelow(text, this.#reply);
    return text;
  }

  /**
   * Draws each wrapped line once into its own Text, stacked where one multi-line Text would have put
   * it. Returns the height of the block.
   */
  #layOut(wrapped: string[], y: number): number {
    const texts = wrapped.map((str, i) => (this.#pool[i] ??= this.#lineText()).setText(str));
    // The spacing one multi-line Text would use: line height from the font, plus the gap.
    const lineHeight = texts[0].getTextMetrics().fontSize;
    const pitch = lineHeight + Math.round(BODY_GAP * this.#textScale);
    let start = 0;
    this.#lines = wrapped.map((str, i) => {
      const line: Line = { text: texts[i].setPosition(BX + PAD, y + i * pitch), str, start, shown: -1 };
      start += str.length + 1;
      return line;
    });
    for (let i = wrapped.length; i < this.#pool.length; i++) this.#pool[i].setVisible(false);
    return wrapped.length * pitch - (pitch - lineHeight);
  }

  /** Shows the first n characters of the wrapped text by cropping each line's Text; no redraw. */
  #reveal(n: number): void {
    for (const line of this.#lines) {
      const len = line.str.length;
      const k = Math.max(0, Math.min(len, n - line.start));
      if (k === line.shown) continue;
      line.shown = k;
      const t = line.text;
      t.setVisible(k > 0);
      if (k === len) t.setCrop();
      else if (k > 0) t.setCrop(0, 0, SpeechBubble.#cropWidth(t, line.str, k), t.frame.realHeight);
    }
  }

  /**
   * Texture pixels that show the first k characters of a line: halfway between their ink and the
   * next character's, so no sliver of the next glyph shows and the edge of the last is not cut.
   */
  static #cropWidth(t: Phaser.GameObjects.Text, str: string, k: number): number {
    // The Text's own context still has its font from drawing the line.
    const ctx = t.context;
    const res = t.style.resolution;
    const inkRight = ctx.measureText(str.slice(0, k)).actualBoundingBoxRight;
    const rest = ctx.measureText(str.slice(k));
    if (rest.actualBoundingBoxLeft + rest.actualBoundingBoxRight <= 0) return Math.max(0, Math.ceil(inkRight * res));
    // Where the rest starts in the line, kerning against the last shown character included.
    const restX = ctx.measureText(str.slice(0, k + 1)).width - ctx.measureText(str[k]).width;
    const inkLeft = restX - rest.actualBoundingBoxLeft;
    return Math.max(0, Math.round(((inkRight + inkLeft) / 2) * res));
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
