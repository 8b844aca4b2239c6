// The fixed word lists of the scenario format, as plain constants: the runtime (game, server) needs
// them, and importing them from here keeps the schema's validator (zod) out of the browser.
export const EMOTIONS = ['calm', 'worried', 'annoyed', 'angry', 'furious', 'relieved'] as const;
export const PERSONAS = ['voicer', 'irate', 'activist'] as const;
export const OUTCOMES = ['won-back', 'lost', 'went-public'] as const;
export const SETTINGS = ['hotel-desk', 'call-centre', 'shop-counter', 'office', 'chat', 'airport-gate', 'clinic-desk'] as const;

export type Emotion = (typeof EMOTIONS)[number];
export type Persona = (typeof PERSONAS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Setting = (typeof SETTINGS)[number];
