// Asset paths by the art and audio contract. assets/ is Vite's public folder, so files are served
// from the site root. The build lists the files that exist, so missing art falls back at once.
import type { Emotion, Setting } from '../engine/schema.ts';

export const SFX = ['phone-ring', 'desk-bell', 'click', 'success', 'failure', 'type'] as const;
export type Sfx = (typeof SFX)[number];

/**
 * Where the server keeps the voice and art of a stored scenario's version (the `mediaBase` of
 * GET /api/scenarios/uploaded): its portraits and voice are fetched from there instead of assets/.
 */
const studioMedia = new Map<string, string>();

export function useStudioMedia(scenarioId: string, base: string | null | undefined): void {
  if (typeof base === 'string' && base.startsWith('/api/studio-media/')) studioMedia.set(scenarioId, base);
  else studioMedia.delete(scenarioId);
}

/** The mediaBase the server sent with a scenario, if any. */
export function mediaBaseOf(s: object): string | null {
  const base = (s as { mediaBase?: unknown }).mediaBase;
  return typeof base === 'string' ? base : null;
}

export class AssetIndex {
  #files: Set<string>;
  constructor(files: readonly string[]) {
    this.#files = new Set(files);
  }
  has(path: string): boolean {
    if (this.#files.has(path)) return true;
    for (const base of studioMedia.values()) if (path.startsWith(`${base}/`)) return true;
    return false;
  }
}

export const paths = {
  portrait: (scenarioId: string, emotion: Emotion) => {
    const base = studioMedia.get(scenarioId);
    return base ? `${base}/portrait-${emotion}.svg` : `/portraits/${scenarioId}/${emotion}.svg`;
  },
  backdrop: (setting: Setting) => `/backdrops/${setting}.svg`,
  logo: '/ui/logo.svg',
  titleBg: '/ui/title-bg.svg',
  sfx: (name: Sfx) => `/audio/sfx/${name}.ogg`,
  ambient: (setting: Setting) => `/audio/ambient/${setting}.ogg`,
  voiceDir: (scenarioId: string) => studioMedia.get(scenarioId) ?? `/audio/voice/${scenarioId}`,
  voiceManifest: (scenarioId: string) => `${paths.voiceDir(scenarioId)}/manifest.json`,
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
