// The game's API client: JSON in and out, same-origin cookies, the CSRF header on every write, and
// the server's {error, message} bodies surfaced as ApiError with a readable message. `status` 0 means
// the server could not be reached (offline, closed port, aborted request).
import type { ConversationEvent } from '../engine/conversation.ts';
import type { OwnWordsTurn, TeamExamplesJson } from '../shared/own-words.ts';
import type { Scenario } from '../engine/schema.ts';
import { ApiError, CSRF_HEADERS } from '../shared/http.ts';
import type { AssignmentStatus, AttemptScoresJson, UserJson } from '../shared/types.ts';

export { ApiError };


export type { AssignmentStatus, UserJson };
export interface TeamJson {
  id: number;
  name: string;
}
export interface MeJson {
  user: UserJson;
  teams: TeamJson[];
}
export interface AssignmentJson {
  id: number;
  scenarioId: string;
  scenarioTitle?: string;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
  status?: AssignmentStatus;
  attemptsUsed?: number;
  attemptsLeft?: number | null;
  best?: number | null;
  /** The trainer asked for typed replies (own-words mode) on this assignment. */
  ownWords?: boolean;
}
export interface AttemptBody {
  scenarioId: string;
  events: ConversationEvent[];
  clientAttemptId: string;
  assignmentId?: number;
  /** The reply-order seed (0..4294967295); absent in attempts queued before seeds. */
  seed?: number;
  /** The version of an uploaded or studio scenario that was played (the server replays on it). */
  scenarioVersion?: number;
  /** Own-words mode: the typed replies, stored for the trainer. */
  ownWords?: OwnWordsTurn[];
}
export interface AttemptJson extends AttemptScoresJson {
  id: number;
  scenarioId: string;
  clientAttemptId: string;
  assignmentId: number | null;
  /** null for attempts sent without a seed. */
  seed: number | null;
}
export type Period = 'week' | 'all';
export type Mode = 'best' | 'average' | 'improved';
export interface BoardEntry {
  rank: number;
  userId: number;
  name: string;
  value: number;
  attempts: number;
}
export interface BoardJson {
  teamId: number;
  teamName: string;
  scenario: string | null;
  scenarioTitle: string | null;
  period: Period;
  weekStart: string;
  mode: Mode;
  participation: { played: number; members: number };
  entries: BoardEntry[];
  me: (Partial<BoardEntry> & { userId: number; name: string; optedOut: boolean; played: boolean; attempts: number }) | null;
}

export interface ApiOptions {
  /** Prefix for every path ('' in the browser: same origin). */
  base?: string;
  fetch?: typeof fetch;
}

export class Api {
  readonly #base: string;
  readonly #fetch: typeof fetch;
  constructor(o: ApiOptions = {}) {
    this.#base = o.base ?? '';
    this.#fetch = o.fetch ?? ((...a) => globalThis.fetch(...a));
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, CSRF_HEADERS);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.#fetch(this.#base + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
    }
    const text = res.status === 204 ? '' : await res.text().catch(() => '');
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const b = data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
      const message = typeof b?.message === 'string' && b.message ? b.message : res.status >= 500 ? 'The server had a problem. Try again in a moment.' : `The server answered ${res.status}.`;
      throw new ApiError(res.status, message, b);
    }
    return { status: res.status, data: data as T };
  }
  async #data<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.request<T>(method, path, body)).data;
  }

  me = () => this.#data<MeJson>('GET', '/api/me');
  signIn = (email: string, password: string) => this.#data<MeJson>('POST', '/api/session', { email, password });
  join = (b: { inviteCode: string; name: string; email: string; password: string }) => this.#data<MeJson>('POST', '/api/join', b);
  signOut = () => this.#data<void>('DELETE', '/api/session');
  assignments = () => this.#data<{ assignments: AssignmentJson[] }>('GET', '/api/me/assignments').then((r) => r.assignments);
  /** The replies the team's trainer labelled, for the own-words tagger. */
  teamExamples = () => this.#data<TeamExamplesJson>('GET', '/api/me/own-words/examples');
  /** Scenarios trainers uploaded, whole (the built-in ones ship with the game). */
  uploadedScenarios = () => this.#data<{ scenarios: Scenario[] }>('GET', '/api/scenarios/uploaded').then((r) => r.scenarios);
  setOptOut = (leaderboardOptOut: boolean) => this.#data<{ leaderboardOptOut: boolean }>('PUT', '/api/me/preferences', { leaderboardOptOut });
  /** 201 new, 200 a repeat of the same clientAttemptId. */
  submitAttempt = (b: AttemptBody) => this.request<AttemptJson>('POST', '/api/attempts', b);
  leaderboard = (teamId: number, q: { scenario?: string | null; period: Period; mode: Mode; limit?: number }) => {
    const p = new URLSearchParams({ period: q.period, mode: q.mode, limit: String(q.limit ?? 20) });
    if (q.scenario) p.set('scenario', q.scenario);
    return this.#data<BoardJson>('GET', `/api/leaderboards/${teamId}?${p}`);
  };
}
