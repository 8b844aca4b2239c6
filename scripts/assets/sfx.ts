// Sound effects and ambient loops, synthesised with sox (no recordings):
//
//   npm run assets:sfx              (node --import tsx scripts/assets/sfx.ts)
//
//   assets/audio/sfx/{phone-ring,desk-bell,click,success,failure,type}.ogg
//   assets/audio/ambient/<setting>.ogg   seamless loops, 16 s, quiet
//
// Mono, 22050 Hz OGG Vorbis. sox runs with -R (repeatable noise), so re-running gives the same sound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSET_DIR, SETTINGS, isMain, mkdirp, rng, type Setting } from './lib.ts';
import { pool, requireTools, run } from './tools.ts';

export const SFX_DIR = join(ASSET_DIR, 'audio', 'sfx');
export const AMBIENT_DIR = join(ASSET_DIR, 'audio', 'ambient');
export const SFX = ['phone-ring', 'desk-bell', 'click', 'success', 'failure', 'type'] as const;

const RATE = '22050';
const LOOP = 16; // seconds in each ambient loop
const XFADE = 2; // seconds of crossfade that join the loop's end to its start

let tmp = '';
let counter = 0;
const t = (name: string) => join(tmp, `${counter++}-${name}.wav`);

/** sox with repeatable randomness, quiet, mono 22050 Hz output for synth commands. */
const sox = (args: string[]) => run('sox', ['-R', '-V1', ...args]);
/** Synthesises `len` seconds: `synth(len, ['sine', '440'], ['fade', ...])`. */
async function synth(len: number, gen: string[], effects: string[] = []): Promise<string> {
  const out = t('s');
  await sox(['-n', '-r', RATE, '-c', '1', '-b', '16', out, 'synth', String(len), ...gen, ...effects]);
  return out;
}
/**
 * Mixes files, each at `vol` (sox -m would otherwise divide by the number of inputs). Half level
 * leaves headroom so overlapping notes never clip; level() sets the final loudness afterwards.
 */
async function mixAll(files: string[], effects: string[] = [], vol = 0.5): Promise<string> {
  const out = t('m');
  if (files.length === 1) await sox([files[0], out, ...effects]);
  else await sox(['-m', ...files.flatMap((f) => ['-v', String(vol), f]), out, ...effects]);
  return out;
}
/** Delays a sound by `at` seconds (for sequencing notes and events). */
async function at(file: string, seconds: number, effects: string[] = []): Promise<string> {
  const out = t('d');
  await sox([file, out, ...effects, 'pad', seconds.toFixed(3)]);
  return out;
}
async function encode(wav: string, out: string, quality = '2'): Promise<void> {
  await sox([wav, '-r', RATE, '-c', '1', '-C', quality, out]);
}
/** RMS and peak level of a file in dBFS, from `sox <file> -n stat` (which reports on stderr). */
async function levels(file: string): Promise<{ rms: number; peak: number }> {
  const { spawn } = await import('node:child_process');
  const text = await new Promise<string>((resolve, reject) => {
    const p = spawn('sox', [file, '-n', 'stat']);
    let s = '';
    p.stderr.on('data', (d) => (s += d));
    p.on('error', reject);
    p.on('close', () => resolve(s));
  });
  const db = (label: string) => {
    const m = new RegExp(`${label}\\s+amplitude:\\s+([\\d.]+)`).exec(text);
    const v = m ? parseFloat(m[1]) : 0;
    return v > 0 ? 20 * Math.log10(v) : -120;
  };
  return { rms: db('RMS'), peak: db('Maximum') };
}
/** Scales a file so its RMS level is `target` dBFS, never letting peaks pass -1.5 dBFS. */
async function level(file: string, target: number): Promise<string> {
  const out = t('l');
  const now = await levels(file);
  const gain = Math.min(target - now.rms, -1.5 - now.peak);
  await sox([file, out, 'gain', gain.toFixed(2)]);
  return out;
}

// ------------------------------------------------------------------------------------ effects

const NOTE = (name: string) => {
  const names: Record<string, number> = { C: -9, D: -7, Eb: -6, E: -5, F: -4, G: -2, Ab: -1, A: 0, Bb: 1, B: 2 };
  const m = /^([A-G]b?)(\d)$/.exec(name)!;
  return 440 * 2 ** ((names[m[1]] + (Number(m[2]) - 4) * 12) / 12);
};

/** A soft mallet note: sine plus a quiet octave, quick attack, gentle decay. */
async function mallet(freq: number, len: number, gain = -6): Promise<string> {
  const body = await synth(len, ['sine', freq.toFixed(2)], ['fade', 'q', '0.006', String(len), String(len * 0.92)]);
  const over = await synth(len * 0.5, ['sine', (freq * 2).toFixed(2)], ['fade', 'q', '0.004', String(len * 0.5), String(len * 0.48), 'vol', '0.25']);
  return mixAll([body, over], ['gain', String(gain)]);
}

const EFFECTS: Record<(typeof SFX)[number], () => Promise<string>> = {
  // A desk phone's double ring: two close tones beating, trilled at 20 Hz; ring-ring, then a pause.
  'phone-ring': async () => {
    const a = await synth(0.42, ['sine', '400'], ['vol', '0.5']);
    const b = await synth(0.42, ['sine', '450'], ['vol', '0.5']);
    const burst = await mixAll([a, b], ['tremolo', '20', '70', 'fade', 'q', '0.01', '0.42', '0.04', 'lowpass', '3000']);
    const second = await at(burst, 0.62);
    const both = await mixAll([burst, second], ['pad', '0', '0.9', 'reverb', '15', '50', '30', 'gain', '-3']);
    return level(both, -16);
  },
  // Reception bell: bright inharmonic partials that ring out, with a tiny strike.
  'desk-bell': async () => {
    const len = 1.8;
    const p1 = await synth(len, ['sine', '1780'], ['fade', 'l', '0.002', String(len), String(len - 0.01)]);
    const p2 = await synth(0.9, ['sine', '4630'], ['fade', 'l', '0.002', '0.9', '0.89', 'vol', '0.35']);
    const p3 = await synth(0.4, ['sine', '7350'], ['fade', 'l', '0.001', '0.4', '0.39', 'vol', '0.15']);
    const strike = await synth(0.01, ['whitenoise'], ['highpass', '3000', 'fade', 'q', '0', '0.01', '0.009', 'vol', '0.3']);
    const bell = await mixAll([p1, p2, p3, strike], ['tremolo', '5', '12', 'reverb', '20', '40', '40']);
    return level(bell, -18);
  },
  // A soft UI tick: short wooden "tock".
  click: async () => {
    const tock = await synth(0.05, ['sine', '1250'], ['fade', 'q', '0.001', '0.05', '0.048']);
    const tick = await synth(0.006, ['whitenoise'], ['highpass', '2500', 'vol', '0.3']);
    const c = await mixAll([tock, tick], ['lowpass', '5000']);
    return level(c, -24);
  },
  // C major arpeggio rising to the octave, with a soft chord tail.
  success: async () => {
    const notes = ['C5', 'E5', 'G5', 'C6'];
    const parts: string[] = [];
    for (const [i, name] of notes.entries()) parts.push(await at(await mallet(NOTE(name), i === 3 ? 0.9 : 0.45), i * 0.085));
    const out = await mixAll(parts, ['reverb', '25', '50', '50', 'gain', '-2']);
    return level(out, -19);
  },
  // A gentle falling minor third figure: G, E flat, C. Disappointed, not punishing.
  failure: async () => {
    const notes = ['G4', 'Eb4', 'C4'];
    const parts: string[] = [];
    for (const [i, name] of notes.entries()) {
      const f = NOTE(name);
      const len = i === 2 ? 0.8 : 0.32;
      const tri = await synth(len, ['triangle', f.toFixed(2)], ['lowpass', '1800', 'fade', 'q', '0.01', String(len), String(len * 0.85)]);
      parts.push(await at(tri, i * 0.17));
    }
    const out = await mixAll(parts, ['reverb', '20', '50', '40']);
    return level(out, -21);
  },
  // A very soft key tick for the text reveal.
  type: async () => {
    const a = await synth(0.004, ['whitenoise'], ['bandpass', '3200', '1.5q']);
    const b = await synth(0.025, ['sine', '900'], ['fade', 'q', '0', '0.025', '0.024', 'vol', '0.4']);
    const c = await mixAll([a, b], ['fade', 'q', '0.0005', '0.03', '0.02']);
    return level(c, -32);
  },
};

// ------------------------------------------------------------------------------------ ambience

/** A seamless loop: render LOOP + XFADE seconds, then fade the extra tail over the start. */
async function seamless(render: (len: number) => Promise<string>): Promise<string> {
  const long = await render(LOOP + XFADE);
  const head = t('head');
  const tail = t('tail');
  await sox([long, head, 'trim', '0', String(LOOP), 'fade', 'q', String(XFADE)]);
  await sox([long, tail, 'trim', String(LOOP), String(XFADE), 'fade', 'q', '0', String(XFADE), String(XFADE), 'pad', '0', String(LOOP - XFADE)]);
  return mixAll([head, tail], [], 1);
}

/** Short sounds at seeded times strictly inside the loop, so none straddles the seam. */
async function events(seed: string, count: [number, number], make: (r: ReturnType<typeof rng>) => Promise<string>, spread?: (r: ReturnType<typeof rng>) => number[]): Promise<string> {
  const r = rng(seed);
  const times = spread ? spread(r) : Array.from({ length: r.int(count[0], count[1]) }, () => r.range(0.4, LOOP - 1.2)).sort((a, b) => a - b);
  const parts = [await synth(LOOP, ['sine', '100'], ['vol', '0'])];
  for (const time of times) parts.push(await at(await make(r), time));
  const out = await mixAll(parts);
  const trimmed = t('ev');
  await sox([out, trimmed, 'trim', '0', String(LOOP)]);
  return trimmed;
}

const keyClick = async (r: ReturnType<typeof rng>) => {
  const f = r.range(2200, 3600).toFixed(0);
  return synth(0.012, ['whitenoise'], ['bandpass', f, '2q', 'fade', 'q', '0.0005', '0.012', '0.01', 'vol', r.range(0.35, 0.8).toFixed(2)]);
};
/** Bursts of typing: a few seconds of keys at irregular intervals. */
const typingTimes = (r: ReturnType<typeof rng>) => {
  const times: number[] = [];
  for (const start of [0.8, 5.6, 10.4]) {
    let time = start + r.range(0, 1.2);
    const end = time + r.range(1.4, 2.8);
    while (time < end && time < LOOP - 0.6) {
      times.push(time);
      time += r.range(0.07, 0.22);
    }
  }
  return times;
};

const AMBIENCE: Record<Setting, { target: number; render: () => Promise<string> }> = {
  // Hotel lobby: a soft murmur of distant voices (band-limited pink noise that swells) over a low hum.
  'hotel-desk': {
    target: -33,
    render: async () => {
      const bed = await seamless(async (len) => {
        const murmur = await synth(len, ['pinknoise'], ['highpass', '180', 'lowpass', '1100', 'bandreject', '600', '1q', 'tremolo', '0.23', '35', 'tremolo', '0.61', '25']);
        const room = await synth(len, ['brownnoise'], ['lowpass', '300', 'vol', '0.35']);
        const hum = await synth(len, ['sine', '110'], ['vol', '0.05']);
        const hum2 = await synth(len, ['sine', '220'], ['vol', '0.02']);
        return mixAll([murmur, room, hum, hum2]);
      });
      const bell = async () => {
        const p = await synth(1.2, ['sine', '1780'], ['fade', 'l', '0.002', '1.2', '1.19', 'vol', '0.05', 'lowpass', '2500', 'reverb', '60']);
        return p;
      };
      const distant = await events('amb:hotel', [1, 1], bell, () => [9.3]);
      return mixAll([bed, distant]);
    },
  },
  // Call centre: brown-noise room, a murmur of colleagues, and bursts of distant typing.
  'call-centre': {
    target: -32,
    render: async () => {
      const bed = await seamless(async (len) => {
        const room = await synth(len, ['brownnoise'], ['lowpass', '450', 'highpass', '40']);
        const voices = await synth(len, ['pinknoise'], ['bandpass', '700', '0.8q', 'tremolo', '0.37', '45', 'tremolo', '1.3', '20', 'vol', '0.35']);
        return mixAll([room, voices]);
      });
      const typing = await events('amb:call-centre', [0, 0], keyClick, typingTimes);
      const distantTyping = t('typing');
      await sox([typing, distantTyping, 'lowpass', '4500', 'reverb', '40', '50', '60', 'gain', '-14']);
      return mixAll([bed, distantTyping]);
    },
  },
  // Shop: light, airy noise with the occasional far-off scanner beep.
  'shop-counter': {
    target: -34,
    render: async () => {
      const bed = await seamless(async (len) => {
        const air = await synth(len, ['pinknoise'], ['highpass', '250', 'lowpass', '2800', 'tremolo', '0.17', '20']);
        const room = await synth(len, ['brownnoise'], ['lowpass', '250', 'vol', '0.4']);
        return mixAll([air, room]);
      });
      const beep = async () => synth(0.12, ['sine', '1850'], ['fade', 'q', '0.005', '0.12', '0.02', 'vol', '0.06', 'reverb', '50', '50', '70']);
      const beeps = await events('amb:shop', [0, 0], beep, () => [3.4, 11.1, 11.35]);
      return mixAll([bed, beeps]);
    },
  },
  // Office: air conditioning: a steady low rumble, a soft whoosh and a faint mains hum.
  office: {
    target: -35,
    render: () =>
      seamless(async (len) => {
        const rumble = await synth(len, ['brownnoise'], ['lowpass', '320', 'highpass', '35']);
        const whoosh = await synth(len, ['pinknoise'], ['bandpass', '1100', '0.7q', 'tremolo', '0.09', '15', 'vol', '0.25']);
        const hum = await synth(len, ['sine', '100'], ['vol', '0.06']);
        return mixAll([rumble, whoosh, hum]);
      }),
  },
  // Chat: very soft room tone.
  chat: {
    target: -44,
    render: () =>
      seamless(async (len) => {
        const air = await synth(len, ['pinknoise'], ['lowpass', '900', 'highpass', '60']);
        const low = await synth(len, ['brownnoise'], ['lowpass', '200', 'vol', '0.5']);
        return mixAll([air, low]);
      }),
  },  // Airport gate: a big, echoing hall of voices, a far-off jet rumble, and one two-note announcement chime.
  'airport-gate': {
    target: -33,
    render: async () => {
      const bed = await seamless(async (len) => {
        const hall = await synth(len, ['pinknoise'], ['highpass', '200', 'lowpass', '1400', 'tremolo', '0.19', '30', 'tremolo', '0.53', '20', 'reverb', '70']);
        const jet = await synth(len, ['brownnoise'], ['lowpass', '160', 'tremolo', '0.07', '40', 'vol', '0.5']);
        return mixAll([hall, jet]);
      });
      const chime = async () => {
        const high = await synth(0.7, ['sine', '784'], ['fade', 'l', '0.01', '0.7', '0.6', 'vol', '0.06']);
        const low = await at(await synth(1.1, ['sine', '622'], ['fade', 'l', '0.01', '1.1', '1', 'vol', '0.06']), 0.45);
        return mixAll([high, low], ['reverb', '80']);
      };
      const announcement = await events('amb:airport', [1, 1], chime, () => [6.2]);
      return mixAll([bed, announcement]);
    },
  },
  // Clinic waiting room: soft ventilation, a faint murmur, and a quiet ticking wall clock.
  'clinic-desk': {
    target: -38,
    render: async () => {
      const bed = await seamless(async (len) => {
        const air = await synth(len, ['pinknoise'], ['highpass', '120', 'lowpass', '1800', 'vol', '0.6']);
        const murmur = await synth(len, ['pinknoise'], ['bandpass', '650', '1q', 'tremolo', '0.29', '40', 'vol', '0.25']);
        return mixAll([air, murmur]);
      });
      const tick = async () => synth(0.008, ['whitenoise'], ['bandpass', '2600', '3q', 'fade', 'q', '0.0005', '0.008', '0.006', 'vol', '0.25']);
      const clock = await events('amb:clinic', [0, 0], tick, () => Array.from({ length: LOOP - 1 }, (_, i) => i + 0.5));
      return mixAll([bed, clock]);
    },
  },
};

export async function generateSfx(): Promise<void> {
  requireTools(['sox']);
  tmp = mkdtempSync(join(tmpdir(), 'mir-sfx-'));
  mkdirp(SFX_DIR);
  mkdirp(AMBIENT_DIR);
  try {
    const jobs: { label: string; make: () => Promise<void> }[] = [
      ...SFX.map((name) => ({
        label: `sfx/${name}.ogg`,
        make: async () => encode(await EFFECTS[name](), join(SFX_DIR, `${name}.ogg`), '3'),
      })),
      ...SETTINGS.map((setting) => ({
        label: `ambient/${setting}.ogg`,
        make: async () => encode(await level(await AMBIENCE[setting].render(), AMBIENCE[setting].target), join(AMBIENT_DIR, `${setting}.ogg`), '-1'),
      })),
    ];
    await pool(jobs, 4, async (job, i) => {
      await job.make();
      console.log(`[${i + 1}/${jobs.length}] ${job.label}`);
    });
    console.log(`sfx: ${SFX.length} effects, ${SETTINGS.length} ambient loops`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await generateSfx();
