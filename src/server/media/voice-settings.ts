// How the customer of a scenario sounds: the espeak-ng voice, speed, pitch and sox processing for a
// line, by emotion and setting. Shared by the built-in voice generator (scripts/assets/voice.ts) and
// the server's media runner (studio versions), so a copied scenario sounds like its original.
import { createHash } from 'node:crypto';
import { rng, type ScenarioAssets } from './draw.ts';

/** Bump when the synthesis or processing changes, so every line is spoken again. */
const VERSION = 2;
const DEFAULT_VOICES = ['en-us+m3', 'en-gb+f2', 'en-us+f3', 'en-gb+m1', 'en-us+m7', 'en-gb-x-rp+f4'];

/** How a customer's emotion colours delivery: words per minute and pitch offsets. */
const DELIVERY: Record<string, { speed: number; pitch: number; amp: number }> = {
  calm: { speed: 0, pitch: 0, amp: 0 },
  worried: { speed: 6, pitch: 8, amp: -5 },
  annoyed: { speed: -2, pitch: -4, amp: 0 },
  angry: { speed: 8, pitch: -2, amp: 15 },
  furious: { speed: 14, pitch: 4, amp: 30 },
  relieved: { speed: -8, pitch: 3, amp: -5 },
};

const PHONE_SETTINGS = new Set(['call-centre', 'chat']);

export interface LineVoice {
  voice: string;
  speed: number;
  pitch: number;
  amplitude: number;
  effects: string[];
  /** Everything that shapes the sound, as one string: hashed with the text. */
  spec: string;
}

export function lineVoice(s: ScenarioAssets, emotion = 'calm'): LineVoice {
  const r = rng(`voice:${s.id}`);
  const voice = s.voice?.trim() || r.pick(DEFAULT_VOICES);
  const baseSpeed = 150 + Math.round(r() * 10);
  const basePitch = 42 + Math.round(r() * 14);
  const d = DELIVERY[emotion] ?? DELIVERY.calm;
  const speed = Math.max(140, Math.min(178, baseSpeed + d.speed));
  const pitch = Math.max(20, Math.min(80, basePitch + d.pitch));
  const amplitude = 100 + d.amp;
  const phone = PHONE_SETTINGS.has(String(s.setting));
  const effects = phone
    ? ['gain', '-6', 'highpass', '320', 'highpass', '320', 'lowpass', '3300', 'lowpass', '3300', 'compand', '0.01,0.15', '-60,-60,-36,-18,0,-6', '-2', 'norm', '-2']
    : ['gain', '-6', 'highpass', '90', 'equalizer', '2800', '1.2q', '2', 'compand', '0.02,0.2', '-60,-60,-36,-18,0,-6', '-2', 'reverb', '8', '60', '18', 'norm', '-1.5'];
  const spec = `v${VERSION} ${voice} s${speed} p${pitch} a${amplitude} ${phone ? 'phone' : 'room'}`;
  return { voice, speed, pitch, amplitude, effects, spec };
}

export function lineHash(spec: string, text: string): string {
  return createHash('sha1').update(`${spec}\n${text}`).digest('hex');
}

/** Text as espeak-ng should read it: dashes as pauses, no stray markup. */
export function speakable(text: string): string {
  return text
    .replace(/\s[-–—]\s/g, ', ')
    .replace(/\.\.\.|…/g, '. ')
    .replace(/[<>]/g, ' ');
}
