// Player settings: text size, reduced motion, volume/mute per audio channel, and whether the player
// types replies in their own words. Persisted as JSON.
import { KEYS, readJson, writeJson } from './storage.ts';

export const CHANNELS = ['voice', 'effects', 'ambient'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TEXT_SIZES = [100, 125, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface ChannelSettings {
  /** 0..1 */
  volume: number;
  muted: boolean;
}

export interface Settings {
  textSize: TextSize;
  /** null: follow the system's prefers-reduced-motion. */
  reducedMotion: boolean | null;
  audio: Record<Channel, ChannelSettings>;
  /** Type each reply first; the game shows the authored reply it understood to confirm or change. */
  ownWords: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  textSize: 100,
  reducedMotion: null,
  audio: {
    voice: { volume: 0.9, muted: false },
    effects: { volume: 0.7, muted: false },
    ambient: { volume: 0.35, muted: false },
  },
  ownWords: false,
};

const clamp01 = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : fallback);

/** Accepts anything (old versions, hand edits) and returns valid settings. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  const textSize = (TEXT_SIZES as readonly number[]).includes(r.textSize as number) ? (r.textSize as TextSize) : DEFAULT_SETTINGS.textSize;
  const reducedMotion = typeof r.reducedMotion === 'boolean' ? r.reducedMotion : null;
  const audio = {} as Record<Channel, ChannelSettings>;
  for (const ch of CHANNELS) {
    const a = (r.audio && typeof r.audio === 'object' ? (r.audio as Record<string, Partial<ChannelSettings>>)[ch] : undefined) ?? {};
    audio[ch] = { volume: clamp01(a.volume, DEFAULT_SETTINGS.audio[ch].volume), muted: a.muted === true };
  }
  return { textSize, reducedMotion, audio, ownWords: r.ownWords === true };
}

type Listener = (s: Settings) => void;

export class SettingsStore {
  #value: Settings;
  #listeners = new Set<Listener>();
  constructor(
    private storage: Storage,
    /** The system preference, used while reducedMotion is null. */
    private systemReducedMotion: () => boolean = () => false,
  ) {
    this.#value = normalizeSettings(readJson(storage, KEYS.settings));
  }
  get value(): Settings {
    return this.#value;
  }
  /** Reduced motion in effect: the player's choice, else the system's. */
  get reducedMotion(): boolean {
    return this.#value.reducedMotion ?? this.systemReducedMotion();
  }
  update(patch: Partial<Omit<Settings, 'audio'>> & { audio?: Partial<Record<Channel, Partial<ChannelSettings>>> }): Settings {
    const audio = { ...this.#value.audio };
    for (const ch of CHANNELS) if (patch.audio?.[ch]) audio[ch] = { ...audio[ch], ...patch.audio[ch] };
    this.#value = normalizeSettings({ ...this.#value, ...patch, audio });
    writeJson(this.storage, KEYS.settings, this.#value);
    for (const l of this.#listeners) l(this.#value);
    return this.#value;
  }
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
