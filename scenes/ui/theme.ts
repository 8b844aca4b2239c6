// Colours and type for what Phaser draws; the DOM side uses the same values in src/styles/game.css.
import type { Emotion, Setting } from '../../src/engine/schema.ts';

export const COLOR = {
  ink: 0x171b2b,
  ink2: 0x222842,
  ink3: 0x2f3656,
  paper: 0xfffaf2,
  paper2: 0xf4ebdd,
  coral: 0xff6a48,
  coralDark: 0xc9441f,
  amber: 0xffb23f,
  teal: 0x1fa58b,
  red: 0xd8363c,
  text: '#1d2133',
  textSoft: '#4f5570',
  onInk: '#f7f2ea',
  onInkSoft: '#b9bdd3',
  coralText: '#c9441f',
};

export const FONT = {
  head: 'Nunito, "Segoe UI", system-ui, sans-serif',
  body: 'Inter, "Segoe UI", system-ui, sans-serif',
};

/** Top and bottom colours of the drawn backdrop when a setting's art is missing. */
export const SETTING_COLORS: Record<Setting, [number, number]> = {
  'hotel-desk': [0x4b3a66, 0x8a5f86],
  'call-centre': [0x1f4f66, 0x3b8c96],
  'shop-counter': [0x6e3f26, 0xc0763f],
  office: [0x2e405c, 0x5f7898],
  chat: [0x234d39, 0x4f9a6d],
  'airport-gate': [0x24405e, 0x6f8fb0],
  'clinic-desk': [0x2f5e5a, 0x7fb2a6],
};

export const EMOTION_TINT: Record<Emotion, number> = {
  calm: 0x7c9ccf,
  worried: 0x9a8fd0,
  annoyed: 0xe0a34a,
  angry: 0xe06a4a,
  furious: 0xd8363c,
  relieved: 0x3fbf9a,
};

/** 0 → red, 50 → amber, 100 → teal. */
export function moodColor(mood: number): number {
  const lerp = (a: number, b: number, t: number) => {
    const ch = (c: number, s: number) => (c >> s) & 0xff;
    const mix = (s: number) => Math.round(ch(a, s) + (ch(b, s) - ch(a, s)) * t) << s;
    return mix(16) | mix(8) | mix(0);
  };
  const m = Math.max(0, Math.min(100, mood)) / 100;
  return m < 0.5 ? lerp(COLOR.red, COLOR.amber, m * 2) : lerp(COLOR.amber, COLOR.teal, (m - 0.5) * 2);
}

