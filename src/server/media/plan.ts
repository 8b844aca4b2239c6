// What a published version's voice and art are: a portrait per emotion drawn from the customer's
// `look` (portrait.ts, which the built-in generator draws with too) and a voice line per node and
// ending (espeak-ng and sox with the built-in voice settings, voice-settings.ts). The
// file names are what the game asks for under studioMediaBase (shared/studio.ts).
import { EMOTIONS, type Scenario } from '../../engine/schema.ts';
import type { ScenarioAssets } from './draw.ts';

export const MANIFEST = 'manifest.json';
export const portraitFile = (emotion: string) => `portrait-${emotion}.svg`;
export const voiceFile = (key: string) => `voice-${key}.ogg`;

export interface VoiceLine {
  key: string;
  text: string;
  emotion: string;
}

/** The scenario as the asset generators read one (same seeds, so a copy looks and sounds the same). */
export function assetsOf(s: Scenario): ScenarioAssets {
  return {
    file: `${s.id}.yaml`,
    id: s.id,
    setting: s.setting,
    name: s.customer.name,
    voice: s.customer.voice,
    look: s.customer.look ?? {},
    lines: voiceLines(s),
  };
}

/** Every line the customer says: nodes by id, endings as `ending-<id>` (the built-in keys). */
export function voiceLines(s: Scenario): VoiceLine[] {
  return [
    ...Object.entries(s.nodes).map(([key, n]) => ({ key, text: n.line.trim(), emotion: n.emotion })),
    ...Object.entries(s.endings).map(([key, e]) => ({ key: `ending-${key}`, text: e.line.trim(), emotion: e.emotion })),
  ].filter((l) => l.text);
}

export const PORTRAIT_EMOTIONS: readonly string[] = EMOTIONS;
