// All sound goes through Howler (Phaser runs with noAudio). Three channels - voice, effects, ambient -
// each with a volume and mute from the settings. Nothing plays before the player's first gesture
// (browsers' autoplay rule); the ambient loop waiting for it starts then. Voice lines are loaded per
// scenario, only when that scenario starts, from its manifest.
import { Howl } from 'howler';
import type { Setting } from '../engine/schema.ts';
import { paths, type AssetIndex, type Sfx } from './assets.ts';
import type { Channel, Settings, SettingsStore } from './settings.ts';

export interface VoiceEntry {
  file: string;
  text: string;
  hash?: string;
  seconds?: number;
}
export type VoiceManifest = Record<string, VoiceEntry>;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export class GameAudio {
  #unlocked = false;
  #settings: Settings;
  #effects = new Map<Sfx, Howl>();
  #ambient: { setting: Setting; howl: Howl } | null = null;
  #wantAmbient: Setting | null = null;
  #voices = new Map<string, VoiceManifest>();
  #voiceHowls = new Map<string, Howl>();
  #voice: Howl | null = null;

  constructor(
    store: SettingsStore,
    private assets: AssetIndex,
    private fetchJson: (url: string) => Promise<unknown> = (url) => fetch(url).then((r) => (r.ok ? r.json() : null)),
  ) {
    this.#settings = store.value;
    store.subscribe((s) => {
      this.#settings = s;
      this.#applyVolumes();
    });
  }

  get unlocked(): boolean {
    return this.#unlocked;
  }

  /** Call from the first pointer or key event. */
  unlock(): void {
    if (this.#unlocked) return;
    this.#unlocked = true;
    if (this.#wantAmbient) this.playAmbient(this.#wantAmbient);
  }

  #volume(ch: Channel): number {
    const c = this.#settings.audio[ch];
    return c.muted ? 0 : c.volume;
  }

  #applyVolumes(): void {
    for (const h of this.#effects.values()) h.volume(this.#volume('effects'));
    this.#ambient?.howl.volume(this.#ambientLevel());
    for (const h of this.#voiceHowls.values()) h.volume(this.#volume('voice'));
  }

  /** Ambient sits lower while the customer talks. */
  #ambientLevel(): number {
    const v = this.#volume('ambient');
    return this.#voice && (this.#voice.playing() || this.#voice.state() === 'loading') ? v * 0.5 : v;
  }

  effect(name: Sfx): void {
    if (!this.#unlocked || this.#volume('effects') === 0) return;
    const path = paths.sfx(name);
    if (!this.assets.has(path)) return;
    let h = this.#effects.get(name);
    if (!h) {
      h = new Howl({ src: [path], volume: this.#volume('effects'), preload: true });
      this.#effects.set(name, h);
    }
    h.play();
  }

  playAmbient(setting: Setting): void {
    this.#wantAmbient = setting;
    if (!this.#unlocked) return;
    if (this.#ambient?.setting === setting) return;
    this.stopAmbient(false);
    const path = paths.ambient(setting);
    if (!this.assets.has(path)) return;
    const howl = new Howl({ src: [path], loop: true, volume: 0, html5: false });
    howl.once('load', () => {
      howl.fade(0, this.#ambientLevel(), 1200);
      // A line may have started meanwhile: settle at the level that applies now.
      howl.once('fade', () => howl.volume(this.#ambientLevel()));
    });
    howl.play();
    this.#ambient = { setting, howl };
  }

  stopAmbient(forget = true): void {
    if (forget) this.#wantAmbient = null;
    const a = this.#ambient;
    this.#ambient = null;
    if (!a) return;
    a.howl.fade(a.howl.volume(), 0, 500);
    setTimeout(() => a.howl.unload(), 600);
  }

  /** Fetches a scenario's voice manifest (once). Missing voices are fine: captions carry the line. */
  async loadVoices(scenarioId: string): Promise<void> {
    if (this.#voices.has(scenarioId)) return;
    const url = paths.voiceManifest(scenarioId);
    if (!this.assets.has(url)) {
      this.#voices.set(scenarioId, {});
      return;
    }
    try {
      const m = (await this.fetchJson(url)) as VoiceManifest | null;
      this.#voices.set(scenarioId, m && typeof m === 'object' ? m : {});
    } catch {
      this.#voices.set(scenarioId, {});
    }
  }

  /** Plays the recorded line for a node (or `ending-<id>`), if one exists for exactly this text. */
  voice(scenarioId: string, key: string, text: string): void {
    this.stopVoice();
    if (!this.#unlocked || this.#volume('voice') === 0) return;
    const entry = this.#voices.get(scenarioId)?.[key];
    if (!entry || squash(entry.text) !== squash(text)) return;
    const src = `${paths.voiceDir(scenarioId)}/${entry.file.split('/').pop()}`;
    let h = this.#voiceHowls.get(src);
    if (!h) {
      h = new Howl({ src: [src], volume: this.#volume('voice') });
      h.on('end', () => this.#ambient?.howl.volume(this.#ambientLevel()));
      this.#voiceHowls.set(src, h);
    }
    this.#voice = h;
    h.play();
    this.#ambient?.howl.volume(this.#volume('ambient') * 0.5);
  }

  stopVoice(): void {
    if (this.#voice) this.#voice.stop();
    this.#voice = null;
    this.#ambient?.howl.volume(this.#ambientLevel());
  }

  /** Frees a scenario's voice lines when leaving it. */
  releaseVoices(): void {
    this.stopVoice();
    for (const h of this.#voiceHowls.values()) h.unload();
    this.#voiceHowls.clear();
  }
}
