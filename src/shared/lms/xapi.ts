// The parts of the xAPI 1.0.3 data model the game and the server send: statements, agents,
// contexts and results. Plain JSON types, no behaviour.

export type LanguageMap = Record<string, string>;
export type Extensions = Record<string, unknown>;

export interface Agent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  account?: { homePage: string; name: string };
}

export interface ActivityRef {
  id: string;
  objectType?: 'Activity';
  definition?: ActivityDefinition;
}

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface ActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  interactionType?: 'choice';
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  extensions?: Extensions;
}

export interface ContextActivities {
  parent?: ActivityRef[];
  grouping?: ActivityRef[];
  category?: ActivityRef[];
  other?: ActivityRef[];
}

export interface Context {
  registration?: string;
  contextActivities?: ContextActivities;
  extensions?: Extensions;
  language?: string;
}

export interface Result {
  score?: { scaled?: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Extensions;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: ActivityRef;
  result?: Result;
  context?: Context;
  timestamp: string;
}

export const XAPI_VERSION = '1.0.3';

/** ISO 8601 duration with seconds to hundredths, as xAPI and cmi5 ask (e.g. PT1M5.25S). */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 100)) / 100;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total - h * 3600 - m * 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}
