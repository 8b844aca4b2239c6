// The asset generators' pure pieces: the vocabulary they draw, seeded randomness, colour maths and
// number formatting for stable SVG output. Used by scripts/assets/ (the built-in art) and by the
// server's media runner (art for studio scenarios), so both draw a customer the same way.

export const EMOTIONS = ['calm', 'worried', 'annoyed', 'angry', 'furious', 'relieved'] as const;
export const SETTINGS = ['hotel-desk', 'call-centre', 'shop-counter', 'office', 'chat', 'airport-gate', 'clinic-desk'] as const;
export const HAIR_STYLES = ['short', 'long', 'bun', 'bald', 'curly'] as const;

export type Emotion = (typeof EMOTIONS)[number];
export type Setting = (typeof SETTINGS)[number];
export type HairStyle = (typeof HAIR_STYLES)[number];

export interface Look {
  skin?: string;
  hair?: string;
  hairStyle?: HairStyle;
  shirt?: string;
  glasses?: boolean;
}

/** The parts of a scenario file the asset generators need. Read leniently: files may be half-written. */
export interface ScenarioAssets {
  file: string;
  id: string;
  /** A known setting, or whatever a half-written file says. */
  setting: string;
  name: string;
  voice?: string;
  look: Look;
  /** Node id -> line; ending id -> line (keys are `ending-<id>`). In file order. */
  lines: { key: string; text: string; emotion?: string }[];
}

/** The text as the game shows it: YAML folded scalars already join lines; trim the trailing newline. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- seeded randomness

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  (): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32, seeded from a string. */
export function rng(seed: string): Rng {
  let a = hashString(seed);
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.range = (min, max) => min + (max - min) * next();
  next.int = (min, max) => Math.floor(next.range(min, max + 1));
  next.pick = (items) => items[Math.floor(next() * items.length)];
  next.chance = (p) => next() < p;
  return next;
}

// ---------------------------------------------------------------- colour

export function hexToRgb(hex: string): [number, number, number] {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) throw new Error(`not a colour: ${hex}`);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function isColour(s: unknown): s is string {
  return typeof s === 'string' && /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(s.trim());
}

export function rgbToHex([r, g, b]: [number, number, number]): string {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Linear mix of two colours; t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const A = hexToRgb(a);
  const B = hexToRgb(b);
  return rgbToHex([A[0] + (B[0] - A[0]) * t, A[1] + (B[1] - A[1]) * t, A[2] + (B[2] - A[2]) * t]);
}

/** Multiply-style shade: darker and a touch warmer/more saturated, like a painted shadow. */
export function shade(c: string, amount: number, tint = '#3a1f2b'): string {
  const [r, g, b] = hexToRgb(c);
  const [tr, tg, tb] = hexToRgb(tint);
  const m = (v: number, t: number) => v * (1 - amount) + ((v * t) / 255) * amount;
  return rgbToHex([m(r, tr), m(g, tg), m(b, tb)]);
}

export function tint(c: string, amount: number): string {
  return mix(c, '#fff8ee', amount);
}

export function luminance(c: string): number {
  const [r, g, b] = hexToRgb(c).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Desaturate towards a grey of equal luminance-ish. */
export function mute(c: string, amount: number): string {
  const [r, g, b] = hexToRgb(c);
  const grey = 0.3 * r + 0.59 * g + 0.11 * b;
  return rgbToHex([r + (grey - r) * amount, g + (grey - g) * amount, b + (grey - b) * amount]);
}

// ---------------------------------------------------------------- SVG output

/** A number for SVG output: at most one decimal, no trailing zeros, no "-0". */
export function n(v: number): string {
  const r = Math.round(v * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toString();
}

/** Tagged template that formats interpolated numbers with n(). */
export function svg(strings: TemplateStringsArray, ...values: (string | number | boolean | null | undefined | readonly string[])[]): string {
  let out = strings[0];
  values.forEach((v, i) => {
    out += (typeof v === 'number' ? n(v) : Array.isArray(v) ? v.join('') : v == null || v === false ? '' : String(v)) + strings[i + 1];
  });
  return out;
}

export function pts(points: [number, number][]): string {
  return points.map(([x, y]) => `${n(x)} ${n(y)}`).join(' ');
}

/** An opacity for SVG output: two decimals. */
export function op(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

/** Hue (0-360), saturation and lightness (0-1) of a colour. */
export function hsl(c: string): [number, number, number] {
  const [r, g, b] = hexToRgb(c).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}
