// The game's link to the server: who is signed in, their assignments (fed to the select screen's
// markers), and every finished attempt sent through the outbox. A guest never touches the server:
// /api/me is asked only when this browser remembers a signed-in player, so guest play stays local.
import type { Scenario } from '../engine/schema.ts';
import { Api, ApiError, type AssignmentJson, type MeJson, type TeamJson, type UserJson } from './api.ts';
import type { TeamExamplesJson } from '../shared/own-words.ts';
import { setAssignmentProvider, type AssignmentMarker } from './assignments.ts';
import { onAttemptFinished, type FinishedAttempt } from './attempts.ts';
import { Outbox, type Delivery } from './outbox.ts';
import { readJson, writeJson } from './storage.ts';

export const ACCOUNT_KEY = 'mir.account.v1';
/** The uploaded scenarios last fetched, kept so a remembered player can play them offline. */
export const UPLOADS_KEY = 'mir.uploads.v1';

export type SyncView =
  | { clientAttemptId: string; scenarioId: string; localScore: number; state: 'sending' }
  | ({ clientAttemptId: string; scenarioId: string; localScore: number } & Delivery);

export class Online {
  readonly api: Api;
  readonly outbox: Outbox;
  user: UserJson | null = null;
  teams: TeamJson[] = [];
  assignments: AssignmentJson[] = [];
  /** The replies the team's trainer labelled, for the own-words tagger (fetched with the assignments). */
  teamExamples: TeamExamplesJson = { version: 0, examples: [] };
  /** Scenarios trainers uploaded, for a signed-in player (a guest plays the built-in ones). */
  scenarios: Scenario[] = [];
  /** What became of the last finished attempt (for the debrief). */
  latest: SyncView | null = null;
  #listeners = new Set<() => void>();
  #syncListeners = new Set<(s: SyncView) => void>();
  readonly #storage: Storage;

  constructor(storage: Storage, api = new Api()) {
    this.#storage = storage;
    this.api = api;
    this.outbox = new Outbox({ storage, send: (b) => api.submitAttempt(b), currentUser: () => this.user?.id ?? null });
    // Attempts sent later (after a reconnect) update the debrief if it shows them, and the markers.
    this.outbox.onDelivery((id, d) => {
      if (this.latest?.clientAttemptId === id) this.#setSync({ ...this.latest, ...d });
      if (d.state === 'saved') void this.refreshAssignments();
    });
  }

  get signedIn(): boolean {
    return this.user !== null;
  }
  get team(): TeamJson | null {
    return this.teams.find((t) => t.id === this.user?.teamId) ?? this.teams[0] ?? null;
  }

  subscribe(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
  onSync(fn: (s: SyncView) => void): () => void {
    this.#syncListeners.add(fn);
    return () => this.#syncListeners.delete(fn);
  }
  #changed(): void {
    for (const l of this.#listeners) l();
  }
  #setSync(s: SyncView): void {
    this.latest = s;
    for (const l of this.#syncListeners) l(s);
  }

  /** At start-up: restore the remembered player, check the session, send what is queued. */
  async start(target?: Pick<Window, 'addEventListener' | 'removeEventListener'>): Promise<void> {
    onAttemptFinished((a) => void this.submit(a));
    if (target) {
      this.outbox.watch(target);
      target.addEventListener('online', () => void this.#recheck());
    }
    const remembered = readJson<MeJson>(this.#storage, ACCOUNT_KEY);
    if (!remembered?.user) return;
    // Offline: keep playing as the remembered player; attempts queue until the server answers.
    const cached = readJson<{ userId: number; scenarios: Scenario[] }>(this.#storage, UPLOADS_KEY);
    if (cached?.userId === remembered.user.id && Array.isArray(cached.scenarios)) this.scenarios = cached.scenarios;
    this.#apply(remembered, false);
    await this.#recheck();
  }

  async #recheck(): Promise<void> {
    if (!this.user) return;
    try {
      this.#apply(await this.api.me());
      await Promise.all([this.refreshAssignments(), this.refreshScenarios(), this.outbox.flush()]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.#clear();
    }
  }

  #apply(me: MeJson, remember = true): void {
    this.user = me.user;
    this.teams = me.teams ?? [];
    if (remember) writeJson(this.#storage, ACCOUNT_KEY, { user: me.user, teams: this.teams });
    this.#changed();
  }
  #clear(): void {
    this.user = null;
    this.teams = [];
    this.assignments = [];
    this.teamExamples = { version: 0, examples: [] };
    this.scenarios = [];
    this.latest = null;
    this.#storage.removeItem(ACCOUNT_KEY);
    this.#storage.removeItem(UPLOADS_KEY);
    setAssignmentProvider(() => null);
    this.#changed();
  }

  async signIn(email: string, password: string): Promise<void> {
    this.#apply(await this.api.signIn(email, password));
    await Promise.all([this.refreshAssignments(), this.refreshScenarios(), this.outbox.flush()]);
  }
  async join(b: { inviteCode: string; name: string; email: string; password: string }): Promise<void> {
    this.#apply(await this.api.join(b));
    await Promise.all([this.refreshAssignments(), this.refreshScenarios()]);
  }
  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      this.#clear();
    }
  }
  async setOptOut(optOut: boolean): Promise<void> {
    const r = await this.api.setOptOut(optOut);
    if (this.user) this.#apply({ user: { ...this.user, leaderboardOptOut: r.leaderboardOptOut }, teams: this.teams });
  }

  async refreshAssignments(): Promise<void> {
    if (!this.user || this.user.role !== 'trainee') {
      this.assignments = [];
      setAssignmentProvider(() => null);
      return;
    }
    try {
      this.assignments = await this.api.assignments();
    } catch {
      return; // offline: keep what we knew
    }
    void this.refreshTeamExamples();
    setAssignmentProvider((id) => markerFor(this.assignmentFor(id)));
    this.#changed();
  }

  async refreshTeamExamples(): Promise<void> {
    try {
      const got = await this.api.teamExamples();
      if (this.user) this.teamExamples = got;
    } catch {
      // offline, or a server without labels: keep what we knew
    }
  }

  /** Own-words mode asked for by the trainer: the assignment this scenario's attempt counts towards says so. */
  ownWordsFor(scenarioId: string): boolean {
    return this.user?.role === 'trainee' && this.assignmentFor(scenarioId)?.ownWords === true;
  }

  async refreshScenarios(): Promise<void> {
    if (!this.user) return;
    try {
      this.scenarios = await this.api.uploadedScenarios();
    } catch {
      return; // offline: keep what we knew
    }
    writeJson(this.#storage, UPLOADS_KEY, { userId: this.user.id, scenarios: this.scenarios });
    this.#changed();
  }

  /** The assignment an attempt at this scenario counts towards: open ones first, the earliest due. */
  assignmentFor(scenarioId: string): AssignmentJson | null {
    const mine = this.assignments.filter((a) => a.scenarioId === scenarioId && a.status !== 'failed');
    const rank = (a: AssignmentJson) => (a.status === 'passed' ? 1 : 0);
    mine.sort((a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt));
    return mine[0] ?? null;
  }

  /** The studio draft being previewed (?preview=): its attempts are never sent. */
  previewing: string | null = null;

  async submit(a: FinishedAttempt): Promise<void> {
    const user = this.user;
    if (!user) return; // a guest's attempts stay on this device
    if (a.scenarioId === this.previewing) return;
    const assignment = user.role === 'trainee' ? this.assignmentFor(a.scenarioId) : null;
    const base = { clientAttemptId: a.clientAttemptId, scenarioId: a.scenarioId, localScore: a.report.overall };
    this.#setSync({ ...base, state: 'sending' });
    const d = await this.outbox.add({ scenarioId: a.scenarioId, events: a.events, clientAttemptId: a.clientAttemptId, seed: a.seed, ...(a.scenarioVersion ? { scenarioVersion: a.scenarioVersion } : {}), ...(a.ownWords?.length ? { ownWords: a.ownWords } : {}), ...(assignment ? { assignmentId: assignment.id } : {}) }, user.id);
    if (this.latest?.clientAttemptId === a.clientAttemptId) this.#setSync({ ...base, ...d });
  }
}

const DUE = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

export function markerFor(a: AssignmentJson | null): AssignmentMarker | null {
  if (!a) return null;
  const label = a.status === 'passed' ? 'passed' : `due ${DUE.format(new Date(a.dueAt))}`;
  return { label, overdue: a.status === 'overdue', dueAt: a.dueAt };
}
