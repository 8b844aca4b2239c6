// The dashboard's API client: JSON in and out, the CSRF header on writes, errors as ApiError with the
// server's message (every error body is {error, message}). A 401 tells the app to show the sign-in.
import type {
  AssignmentJson,
  MemberJson,
  MistakesJson,
  ProgressJson,
  ScenarioCard,
  ScenarioDetail,
  ScenarioProblem,
  Status,
  TeamJson,
  TraineeAttemptsJson,
  UserJson,
} from '../shared/types.ts';
import { ApiError, CSRF_HEADERS } from '../shared/http.ts';
import type { UnsureListJson } from '../shared/own-words.ts';

export { ApiError };

let onUnauthorized: () => void = () => {};
/** The app listens here to go back to the sign-in page when a session ends. */
export function whenSignedOut(fn: () => void): void {
  onUnauthorized = fn;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, CSRF_HEADERS);
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const b = (data && typeof data === 'object' ? data : null) as Record<string, unknown> | null;
    const message = typeof b?.message === 'string' ? b.message : `The server answered ${res.status}.`;
    if (res.status === 401 && !path.startsWith('/api/session')) onUnauthorized();
    throw new ApiError(res.status, message, b);
  }
  return data as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const del = (path: string) => request<void>('DELETE', path);

export interface Me {
  user: UserJson;
  teams: TeamJson[];
}

export interface TeamView {
  team: TeamJson;
  members: MemberJson[];
}

export interface TrainerAssignmentSummary {
  id: number;
  teamId: number;
  teamName: string;
  scenarioId: string;
  scenarioTitle: string | null;
  dueAt: string;
  members: number;
  statusCounts: Record<Status, number>;
}

export interface Library {
  scenarios: ScenarioCard[];
  problems: ScenarioProblem[];
}

export interface NewAssignments {
  scenarioIds: string[];
  trainees: number[] | null;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
  ownWords?: boolean;
}

export type AssignmentChanges = Partial<Pick<AssignmentJson, 'dueAt' | 'passMark' | 'maxAttempts' | 'trainees' | 'ownWords'>>;

export interface ProgressFilter {
  q?: string;
  status?: Status | '';
  assignment?: number | null;
  sort?: string;
  dir?: 'asc' | 'desc';
}

const enc = encodeURIComponent;

export const api = {
  // Accounts
  me: () => get<Me>('/api/me'),
  setupNeeded: () => get<{ needed: boolean }>('/api/setup'),
  setup: (b: { name: string; email: string; password: string }) => post<Me>('/api/setup', b),
  signIn: (email: string, password: string) => post<Me>('/api/session', { email, password }),
  signOut: () => del('/api/session'),

  // Teams
  teams: () => get<{ teams: TeamJson[] }>('/api/teams').then((r) => r.teams),
  createTeam: (name: string) => post<TeamJson>('/api/teams', { name }),
  team: (id: number) => get<TeamView>(`/api/teams/${id}`),
  renameTeam: (id: number, name: string) => patch<TeamJson>(`/api/teams/${id}`, { name }),
  newInviteCode: (id: number) => post<TeamJson>(`/api/teams/${id}/invite-code`),
  removeMember: (teamId: number, userId: number) => del(`/api/teams/${teamId}/members/${userId}`),

  // Assignments
  myAssignments: () => get<{ assignments: TrainerAssignmentSummary[] }>('/api/me/assignments').then((r) => r.assignments),
  assign: (teamId: number, b: NewAssignments) => post<{ assignments: AssignmentJson[] }>(`/api/teams/${teamId}/assignments`, b),
  updateAssignment: (id: number, b: AssignmentChanges) => patch<AssignmentJson>(`/api/assignments/${id}`, b),
  withdrawAssignment: (id: number) => del(`/api/assignments/${id}`),

  // Reading results
  progress: (teamId: number) => get<ProgressJson>(`/api/teams/${teamId}/progress`),
  progressCsvUrl: (teamId: number, f: ProgressFilter) => {
    const q = new URLSearchParams({ format: 'csv' });
    if (f.q?.trim()) q.set('q', f.q.trim());
    if (f.status) q.set('status', f.status);
    if (f.assignment) q.set('assignment', String(f.assignment));
    if (f.sort) q.set('sort', f.sort);
    if (f.dir) q.set('dir', f.dir);
    return `/api/teams/${teamId}/progress?${q}`;
  },
  traineeAttempts: (id: number) => get<TraineeAttemptsJson>(`/api/trainees/${id}/attempts`),
  mistakes: (teamId: number, scenarioId: string) => get<MistakesJson>(`/api/teams/${teamId}/mistakes?scenario=${enc(scenarioId)}`),
  /** Typed replies to label, and the team's labels. */
  ownWords: (teamId: number) => get<UnsureListJson>(`/api/trainer/teams/${teamId}/own-words`),
  /** Labels a typed reply with moves (none: removes the label); answers the team's new labels version. */
  labelReply: (teamId: number, typed: string, moves: string[]) => request<{ version: number }>('PUT', `/api/trainer/teams/${teamId}/own-words/labels`, { typed, moves }),

  // Scenarios
  library: () => get<Library>('/api/trainer/library'),
  scenario: (id: string) => get<ScenarioDetail>(`/api/scenarios/${enc(id)}/summary`),
  upload: (yaml: string, fileName: string, replace = false) => post<{ scenario: ScenarioCard; replaced: boolean }>('/api/scenarios', { yaml, fileName, replace }),
};
