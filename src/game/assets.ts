// Asset paths by the art and audio contract. assets/ is Vite's public folder, so files are served
// from the site root. The build lists the files that exist, so missing art falls back at once.
import type { Emotion, Setting } from '../engine/schema.ts';

export const SFX = ['phone-ring', 'desk-bell', 'click', 'success', 'failure', 'type'] as const;
export type Sfx = (typeof SFX)[number];

export class AssetIndex {
  #files: Set<string>;
  constructor(files: readonly string[]) {
    this.#files = new Set(files);
  }
  has(path: string): boolean {
    return this.#files.has(path);
  }
}

export const paths = {
  portrait: (scenarioId: string, emotion: Emotion) => `/portraits/${scenarioId}/${emotion}.svg`,
  backdrop: (setting: Setting) => `/backdrops/${setting}.svg`,
  logo: '/ui/logo.svg',
  titleBg: '/ui/title-bg.svg',
  sfx: (name: Sfx) => `/audio/sfx/${name}.ogg`,
  ambient: (setting: Setting) => `/audio/ambient/${setting}.ogg`,
  voiceDir: (scenarioId: string) => `/audio/voice/${scenarioId}`,
  voiceManifest: (scenarioId: string) => `/audio/voice/${scenarioId}/manifest.json`,
};

/** Texture keys used by the scenes. */
export const textureKey = {
  portrait: (scenarioId: string, emotion: Emotion) => `portrait:${scenarioId}:${emotion}`,
  backdrop: (setting: Setting) => `backdrop:${setting}`,
  logo: 'ui:logo',
  titleBg: 'ui:title-bg',
};

/** The sound a setting opens with. */
export function openingSound(setting: Setting): Sfx | null {
  switch (setting) {
    case 'call-centre':
    case 'office':
      return 'phone-ring';
    case 'hotel-desk':
    case 'shop-counter':
    case 'airport-gate':
    case 'clinic-desk':
      return 'desk-bell';
    default:
      return null;
  }
}
