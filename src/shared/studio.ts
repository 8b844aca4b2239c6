// The scenario studio's API contract (routes/studio.ts on the server, the studio page in the
// dashboard). A studio scenario has one draft (YAML text, saved as typed, even when it does not parse)
// and immutable published versions; the id is the scenario's id (the `id:` in its YAML).
import type { ErrorBody } from './http.ts';

export type StudioStatus = 'draft' | 'published' | 'unpublished' | 'archived';

/** Voice and art of one published version, made in the background after publishing. */
export interface StudioMedia {
  /** unavailable: this server cannot make voice (no espeak-ng); the game shows captions and a drawn portrait. */
  state: 'queued' | 'running' | 'done' | 'failed' | 'unavailable';
  /** Files made so far, of total (portraits and voice lines). */
  done: number;
  total: number;
  message?: string;
}

export interface StudioVersion {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  media: StudioMedia;
}

export interface StudioDraft {
  yaml: string;
  /** Goes up by one on every save; a save must name the revision it started from. */
  revision: number;
  savedAt: string;
}

export interface StudioPerson {
  id: number;
  name: string;
}

export interface StudioSummary {
  id: string;
  title: string;
  status: StudioStatus;
  /** The newest published version, null before the first publish. */
  latestVersion: number | null;
  /** True when the draft differs from the newest version (or nothing is published yet). */
  unpublishedChanges: boolean;
  savedAt: string;
  owner: StudioPerson | null;
  /** The caller may edit it (owner or co-trainer). */
  canEdit: boolean;
}

export interface StudioScenario {
  id: string;
  title: string;
  status: StudioStatus;
  draft: StudioDraft;
  /** Newest first. */
  versions: StudioVersion[];
  owner: StudioPerson | null;
  coTrainers: (StudioPerson & { email: string })[];
  canEdit: boolean;
}

export interface StudioListJson {
  scenarios: StudioSummary[];
}

/** POST /api/trainer/studio: exactly one of these. */
export type StudioCreateBody = { yaml: string } | { copyOf: string } | { blank: true };

/** PUT /api/trainer/studio/:id/draft */
export interface StudioDraftBody {
  yaml: string;
  /** The revision the edit started from. */
  revision: number;
}

export interface StudioDraftSaved {
  revision: number;
  savedAt: string;
}

/** 409 on PUT …/draft: someone saved in between; `revision` is the one now stored. */
export interface StudioStaleJson extends ErrorBody {
  revision: number;
}

export interface StudioProblem {
  line: number;
  column?: number;
  message: string;
  /** The field the problem concerns, as a path into the scenario (e.g. ["nodes", "start", "line"]). */
  path?: (string | number)[];
}

/** 422 on POST …/publish (and …/preview of a draft that does not load): nothing was published. */
export interface StudioPublishRefused extends ErrorBody {
  problems: StudioProblem[];
}

export interface StudioPublished {
  version: number;
}

/** POST …/unpublish | …/archive | …/restore answer the scenario as it is now. */
export type StudioStatusChanged = StudioScenario;

/** Where the game finds a studio version's voice and art (GET /api/studio-media/:id/:version/…). */
export function studioMediaBase(id: string, version: number): string {
  return `/api/studio-media/${encodeURIComponent(id)}/${version}`;
}
