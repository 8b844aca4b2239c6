// The store: every query the server makes, in PostgreSQL SQL, over either driver.
import type { Db, Queryable, Row } from './db.ts';
import { pgErrorCode, UNIQUE_VIOLATION } from './db.ts';

export type Role = 'trainer' | 'trainee';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  leaderboardOptOut: boolean;
  createdAt: string;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface Team {
  id: number;
  name: string;
  trainerId: number;
  inviteCode: string;
  createdAt: string;
}

export interface TeamWithCount extends Team {
  members: number;
}

export interface Assignment {
  id: number;
  teamId: number;
  scenarioId: string;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
  createdBy: number;
  createdAt: string;
  /** The game asks for typed replies when this is played (migrations/105_assignment_own_words.sql). */
  ownWords: boolean;
}

export interface Progress {
  attempts: number;
  best: number | null;
  passed: boolean;
  firstPassedAt: string | null;
  lastAt: string | null;
}

export interface StoredEvent {
  type: 'player.choose' | 'customer.patienceExpired';
  choice?: string;
  seconds?: number;
}

export interface StoredAttempt {
  id: number;
  userId: number;
  scenarioId: string;
  assignmentId: number | null;
  clientAttemptId: string;
  overall: number;
  empathy: number;
  ownership: number;
  timing: number;
  satisfaction: number;
  outcome: string | null;
  passed: boolean;
  createdAt: string;
  /** The seed of the order the replies were shown in (src/engine/shuffle.ts); null when none was sent. */
  seed: number | null;
  /** The version of an uploaded or studio scenario it was played on; null for a built-in one. */
  scenarioVersion: number | null;
  /** The replay's full report (scores, turns, feedback); absent in lists. */
  report?: Record<string, unknown>;
  events?: StoredEvent[];
}

export interface NewAttempt {
  userId: number;
  scenarioId: string;
  clientAttemptId: string;
  events: StoredEvent[];
  /** The reply-order seed the client drew; null when it sent none. */
  seed?: number | null;
  scenarioVersion?: number | null;
  report: { overall: number; empathy: number; ownership: number; timing: number; satisfaction: number; outcome: string | null; passed: boolean } & Record<string, unknown>;
  assignment?: { id: number; maxAttempts: number | null };
}

export type RecordResult =
  | { kind: 'created'; attempt: StoredAttempt }
  | { kind: 'existing'; attempt: StoredAttempt }
  | { kind: 'max-attempts'; maxAttempts: number };

export type Period = 'week' | 'all';

export interface LeaderboardRow {
  userId: number;
  name: string;
  optOut: boolean;
  /** null when the member has no attempt in the period (and scenario). */
  attempts: number | null;
  best: number | null;
  first: number | null;
  /** Sum of the scores of the attempts the average counts (the first AVERAGE_COUNTS per scenario). */
  total: number | null;
  /** How many attempts the average counts. */
  counted: number | null;
}

export class DuplicateError extends Error {}

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const isoOrNull = (v: unknown): string | null => (v == null ? null : iso(v));
export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));
/** A text column that may be null (rows are typed unknown; the SQL says what they hold). */
export const textOrNull = (v: unknown): string | null => (v == null ? null : typeof v === 'string' ? v : JSON.stringify(v));

const USER_COLUMNS = 'id, email, name, role, team_id, leaderboard_opt_out, created_at';

function toUser(r: Row): User {
  return {
    id: num(r.id),
    email: String(r.email),
    name: String(r.name),
    role: r.role as Role,
    teamId: numOrNull(r.team_id),
    leaderboardOptOut: Boolean(r.leaderboard_opt_out),
    createdAt: iso(r.created_at),
  };
}

export const TEAM_COLUMNS = 'id, name, trainer_id, invite_code, created_at';

export function toTeam(r: Row): Team {
  return { id: num(r.id), name: String(r.name), trainerId: num(r.trainer_id), inviteCode: String(r.invite_code), createdAt: iso(r.created_at) };
}

/** The team of a row that joined teams to another table (`team_id`, `team_name`, `team_created_at`). */
export function joinedTeam(r: Row): Team {
  return toTeam({ id: r.team_id, name: r.team_name, trainer_id: r.trainer_id, invite_code: r.invite_code, created_at: r.team_created_at });
}

export const ASSIGNMENT_COLUMNS = 'a.id, a.team_id, a.scenario_id, a.due_at, a.pass_mark, a.max_attempts, a.created_by, a.created_at, a.own_words';

/** Parameters: team, scenario, due, pass mark, max attempts, created by, own words. */
export const INSERT_ASSIGNMENT = `insert into assignments as a (team_id, scenario_id, due_at, pass_mark, max_attempts, created_by, own_words)
  values ($1, $2, $3, $4, $5, $6, $7) returning ${ASSIGNMENT_COLUMNS}`;

export function toAssignment(r: Row): Assignment {
  return {
    id: num(r.id),
    teamId: num(r.team_id),
    scenarioId: String(r.scenario_id),
    dueAt: iso(r.due_at),
    passMark: num(r.pass_mark),
    maxAttempts: numOrNull(r.max_attempts),
    createdBy: num(r.created_by),
    createdAt: iso(r.created_at),
    ownWords: r.own_words === true,
  };
}

const ATTEMPT_SUMMARY_COLUMNS = `a.id, a.user_id, a.scenario_id, a.assignment_id, a.client_attempt_id, a.overall, a.empathy,
  a.ownership, a.timing, a.satisfaction, a.outcome, a.passed, a.created_at, a.seed, a.scenario_version`;
const ATTEMPT_FULL_COLUMNS = `${ATTEMPT_SUMMARY_COLUMNS}, a.report, a.events`;

function toAttempt(r: Row): StoredAttempt {
  const a: StoredAttempt = {
    id: num(r.id),
    userId: num(r.user_id),
    scenarioId: String(r.scenario_id),
    assignmentId: numOrNull(r.assignment_id),
    clientAttemptId: String(r.client_attempt_id),
    overall: num(r.overall),
    empathy: num(r.empathy),
    ownership: num(r.ownership),
    timing: num(r.timing),
    satisfaction: num(r.satisfaction),
    outcome: textOrNull(r.outcome),
    passed: Boolean(r.passed),
    createdAt: iso(r.created_at),
    seed: numOrNull(r.seed),
    scenarioVersion: numOrNull(r.scenario_version),
  };
  if (r.report !== undefined) a.report = r.report as Record<string, unknown>;
  if (r.events !== undefined) a.events = r.events as StoredEvent[];
  return a;
}

/**
 * The average board counts a player's first this-many attempts at each scenario in the period
 * (migrations/006_board_counted.sql): volume cannot drag an average up.
 */
export const AVERAGE_COUNTS = 10;

// One statement: the attempt and both aggregates, so the leaderboard tables never disagree with the
// attempts and a duplicate clientAttemptId changes nothing.
const INSERT_ATTEMPT = `
with ins as (
  insert into attempts (user_id, scenario_id, assignment_id, client_attempt_id, events, report, overall, satisfaction, outcome, passed,
    empathy, ownership, timing, seed, scenario_version)
  values ($1, $2, $3, $4, $5::json, $6::json, $7, $8, $9, $10, $11, $12, $13, $14::bigint, $15::int)
  on conflict (user_id, client_attempt_id) do nothing
  returning id, user_id, scenario_id, overall, created_at
), total as (
  insert into player_stats as p (user_id, scenario_id, attempts, total_score, best, first_score, first_at, best_at, last_at, counted, counted_total)
  select user_id, scenario_id, 1, overall, overall, overall, created_at, created_at, created_at, 1, overall from ins
  on conflict (user_id, scenario_id) do update set
    attempts = p.attempts + 1,
    total_score = p.total_score + excluded.total_score,
    counted = least(p.counted + 1, ${AVERAGE_COUNTS}),
    counted_total = p.counted_total + case when p.counted < ${AVERAGE_COUNTS} then excluded.total_score else 0 end,
    best = greatest(p.best, excluded.best),
    best_at = case when excluded.best > p.best then excluded.best_at else p.best_at end,
    last_at = excluded.last_at
), weekly as (
  insert into player_weekly_stats as p (user_id, week_start, scenario_id, attempts, total_score, best, first_score, first_at, best_at, last_at, counted, counted_total)
  select user_id, date_trunc('week', created_at at time zone 'UTC')::date, scenario_id, 1, overall, overall, overall, created_at, created_at, created_at, 1, overall from ins
  on conflict (user_id, week_start, scenario_id) do update set
    attempts = p.attempts + 1,
    total_score = p.total_score + excluded.total_score,
    counted = least(p.counted + 1, ${AVERAGE_COUNTS}),
    counted_total = p.counted_total + case when p.counted < ${AVERAGE_COUNTS} then excluded.total_score else 0 end,
    best = greatest(p.best, excluded.best),
    best_at = case when excluded.best > p.best then excluded.best_at else p.best_at end,
    last_at = excluded.last_at
)
select id, created_at from ins`;

const BUMP_PROGRESS = `
insert into assignment_progress as a (assignment_id, user_id, attempts, best, passed, first_passed_at, last_at)
values ($1, $2, 1, $3, $4::boolean, case when $4::boolean then now() end, now())
on conflict (assignment_id, user_id) do update set
  attempts = a.attempts + 1,
  best = greatest(a.best, excluded.best),
  passed = a.passed or excluded.passed,
  first_passed_at = coalesce(a.first_passed_at, excluded.first_passed_at),
  last_at = excluded.last_at
where $5::integer is null or a.attempts < $5::integer
returning attempts`;

// A leaderboard in one query: the team (for the caller's access check and its name) and one row per
// trainee with their aggregates; no trainee, one row with nulls; no team, no row. With and without a
// scenario the filter is written out as a statement of its own: one text with an optional
// ($2 is null or scenario_id = $2) filter got a custom plan on every execution (its generic plan
// cannot put the scenario in the index condition), and planning anew each time was more than half of
// the query's cost on PGlite (0.5 ms against 0.2 ms of PostgreSQL's work per leaderboard). Each
// statement here keeps its generic plan.
function leaderboardSql(period: Period, byScenario: boolean): string {
  const scenario = byScenario ? ' and scenario_id = $2::text' : '';
  const aggregates =
    'sum(attempts)::int as attempts, sum(best)::int as best, sum(first_score)::int as first, sum(counted_total)::float8 as total, sum(counted)::int as counted';
  const team = 'team.id as team_id, team.name as team_name, team.trainer_id, team.invite_code, team.created_at as team_created_at';
  if (period === 'week') {
    // This week: Monday 00:00 UTC by the database clock, the same clock that dated the attempts.
    return `
with team as (select ${TEAM_COLUMNS} from teams where id = $1),
  week as (select date_trunc('week', now() at time zone 'UTC')::date as start)
select ${team},
  u.id, u.name, u.leaderboard_opt_out, s.attempts, s.best, s.first, s.total, s.counted, to_char(week.start, 'YYYY-MM-DD') as week_start
from team cross join week
left join users u on u.team_id = team.id and u.role = 'trainee'
left join lateral (
  select ${aggregates}
  from player_weekly_stats where user_id = u.id and week_start = week.start${scenario}
) s on true`;
  }
  return `
with team as (select ${TEAM_COLUMNS} from teams where id = $1)
select ${team},
  u.id, u.name, u.leaderboard_opt_out, s.attempts, s.best, s.first, s.total, s.counted
from team
left join users u on u.team_id = team.id and u.role = 'trainee'
left join lateral (
  select ${aggregates}
  from player_stats where user_id = u.id${scenario}
) s on true`;
}

const LEADERBOARD_SQL = {
  all: leaderboardSql('all', false),
  allByScenario: leaderboardSql('all', true),
  week: leaderboardSql('week', false),
  weekByScenario: leaderboardSql('week', true),
};

export class Store {
  constructor(readonly db: Db) {}

  get kind() {
    return this.db.kind;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---- users -------------------------------------------------------------------------------------

  async trainerCount(): Promise<number> {
    const [r] = await this.db.query(`select count(*)::int as n from users where role = 'trainer'`);
    return num(r.n);
  }

  async createUser(u: { email: string; name: string; role: Role; passwordHash: string; teamId?: number | null }, q: Queryable = this.db): Promise<User> {
    try {
      const [r] = await q.query(
        `insert into users (email, name, role, password_hash, team_id) values ($1, $2, $3, $4, $5) returning ${USER_COLUMNS}`,
        [u.email, u.name, u.role, u.passwordHash, u.teamId ?? null],
      );
      return toUser(r);
    } catch (e) {
      if (pgErrorCode(e) === UNIQUE_VIOLATION) throw new DuplicateError(`an account with the email ${u.email} already exists`);
      throw e;
    }
  }

  /** Creates the first trainer; null when a trainer already exists (checked under a lock). */
  async createFirstTrainer(u: { email: string; name: string; passwordHash: string }): Promise<User | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [72_512_027]);
      const [r] = await tx.query(`select count(*)::int as n from users where role = 'trainer'`);
      if (num(r.n) > 0) return null;
      return this.createUser({ ...u, role: 'trainer' }, tx);
    });
  }

  async userByEmail(email: string): Promise<UserWithPassword | null> {
    const [r] = await this.db.query(`select ${USER_COLUMNS}, password_hash from users where email = $1`, [email]);
    return r ? { ...toUser(r), passwordHash: String(r.password_hash) } : null;
  }

  async userById(id: number): Promise<User | null> {
    const [r] = await this.db.query(`select ${USER_COLUMNS} from users where id = $1`, [id]);
    return r ? toUser(r) : null;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.query(`select ${USER_COLUMNS} from users order by id`);
    return rows.map(toUser);
  }

  async setPassword(userId: number, passwordHash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('update users set password_hash = $2 where id = $1', [userId, passwordHash]);
      // A new password ends every session made with the old one.
      await tx.query('delete from sessions where user_id = $1', [userId]);
    });
  }

  async setLeaderboardOptOut(userId: number, optOut: boolean): Promise<void> {
    await this.db.query('update users set leaderboard_opt_out = $2 where id = $1', [userId, optOut]);
  }

  // ---- sessions ----------------------------------------------------------------------------------

  async createSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [tokenHash, userId, expiresAt]);
  }

  async sessionUser(tokenHash: string): Promise<User | null> {
    const [r] = await this.db.query(
      `select u.id, u.email, u.name, u.role, u.team_id, u.leaderboard_opt_out, u.created_at
       from sessions s join users u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > now()`,
      [tokenHash],
    );
    return r ? toUser(r) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('delete from sessions where token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(): Promise<number> {
    const rows = await this.db.query('delete from sessions where expires_at <= now() returning 1');
    return rows.length;
  }

  // ---- teams -------------------------------------------------------------------------------------

  async createTeam(trainerId: number, name: string, inviteCode: string): Promise<Team> {
    try {
      const [r] = await this.db.query(
        `insert into teams (name, trainer_id, invite_code) values ($1, $2, $3) returning ${TEAM_COLUMNS}`,
        [name, trainerId, inviteCode],
      );
      return toTeam(r);
    } catch (e) {
      if (pgErrorCode(e) === UNIQUE_VIOLATION) throw new DuplicateError('invite code already in use');
      throw e;
    }
  }

  async teamById(id: number): Promise<Team | null> {
    const [r] = await this.db.query(`select ${TEAM_COLUMNS} from teams where id = $1`, [id]);
    return r ? toTeam(r) : null;
  }

  async teamByInviteCode(code: string): Promise<Team | null> {
    const [r] = await this.db.query(`select ${TEAM_COLUMNS} from teams where invite_code = $1`, [code]);
    return r ? toTeam(r) : null;
  }

  async teamsOfTrainer(trainerId: number): Promise<TeamWithCount[]> {
    const rows = await this.db.query(
      `select t.id, t.name, t.trainer_id, t.invite_code, t.created_at,
         (select count(*)::int from users u where u.team_id = t.id and u.role = 'trainee') as members
       from teams t where t.trainer_id = $1 order by t.id`,
      [trainerId],
    );
    return rows.map((r) => ({ ...toTeam(r), members: num(r.members) }));
  }

  async memberCount(teamId: number): Promise<number> {
    const [r] = await this.db.query(`select count(*)::int as n from users where team_id = $1 and role = 'trainee'`, [teamId]);
    return num(r.n);
  }

  /** Members with how much they have played (all time, all scenarios). */
  async teamMembers(teamId: number): Promise<(User & { attempts: number; scenarios: number; lastAttemptAt: string | null })[]> {
    const rows = await this.db.query(
      `select u.id, u.email, u.name, u.role, u.team_id, u.leaderboard_opt_out, u.created_at,
         coalesce(s.attempts, 0) as attempts, coalesce(s.scenarios, 0) as scenarios, s.last_at
       from users u
       left join lateral (
         select sum(attempts)::int as attempts, count(*)::int as scenarios, max(last_at) as last_at from player_stats where user_id = u.id
       ) s on true
       where u.team_id = $1 and u.role = 'trainee' order by u.name, u.id`,
      [teamId],
    );
    return rows.map((r) => ({ ...toUser(r), attempts: num(r.attempts), scenarios: num(r.scenarios), lastAttemptAt: isoOrNull(r.last_at) }));
  }

  // ---- assignments -------------------------------------------------------------------------------

  async createAssignment(a: { teamId: number; scenarioId: string; dueAt: Date; passMark: number; maxAttempts: number | null; createdBy: number; ownWords?: boolean }): Promise<Assignment> {
    const [r] = await this.db.query(INSERT_ASSIGNMENT, [a.teamId, a.scenarioId, a.dueAt, a.passMark, a.maxAttempts, a.createdBy, a.ownWords ?? false]);
    return toAssignment(r);
  }

  async assignmentById(id: number): Promise<Assignment | null> {
    const [r] = await this.db.query(`select ${ASSIGNMENT_COLUMNS} from assignments a where a.id = $1`, [id]);
    return r ? toAssignment(r) : null;
  }

  /** A team's assignments with one trainee's progress on each. */
  async assignmentsWithProgress(teamId: number, userId: number): Promise<(Assignment & { progress: Progress })[]> {
    const rows = await this.db.query(
      `select ${ASSIGNMENT_COLUMNS}, p.attempts as p_attempts, p.best as p_best, p.passed as p_passed,
         p.first_passed_at as p_first_passed_at, p.last_at as p_last_at
       from assignments a left join assignment_progress p on p.assignment_id = a.id and p.user_id = $2
       where a.team_id = $1 order by a.due_at, a.id`,
      [teamId, userId],
    );
    return rows.map((r) => ({
      ...toAssignment(r),
      progress: {
        attempts: r.p_attempts == null ? 0 : num(r.p_attempts),
        best: numOrNull(r.p_best),
        passed: Boolean(r.p_passed),
        firstPassedAt: isoOrNull(r.p_first_passed_at),
        lastAt: isoOrNull(r.p_last_at),
      },
    }));
  }

  /** Assignments of the teams a trainer owns. */
  async assignmentsOfTrainer(trainerId: number): Promise<(Assignment & { teamName: string })[]> {
    const rows = await this.db.query(
      `select ${ASSIGNMENT_COLUMNS}, t.name as team_name
       from assignments a join teams t on t.id = a.team_id
       where t.trainer_id = $1 order by a.due_at, a.id`,
      [trainerId],
    );
    return rows.map((r) => ({ ...toAssignment(r), teamName: String(r.team_name) }));
  }

  async assignmentsOfTeam(teamId: number): Promise<Assignment[]> {
    const rows = await this.db.query(`select ${ASSIGNMENT_COLUMNS} from assignments a where a.team_id = $1 order by a.due_at, a.id`, [teamId]);
    return rows.map(toAssignment);
  }

  /** Every progress row for the given assignments (one per trainee who has played each). */
  async progressOf(assignmentIds: number[]): Promise<(Progress & { assignmentId: number; userId: number })[]> {
    if (assignmentIds.length === 0) return [];
    const rows = await this.db.query(
      `select assignment_id, user_id, attempts, best, passed, first_passed_at, last_at
       from assignment_progress where assignment_id = any($1::int[])`,
      [assignmentIds],
    );
    return rows.map((r) => ({
      assignmentId: num(r.assignment_id),
      userId: num(r.user_id),
      attempts: num(r.attempts),
      best: numOrNull(r.best),
      passed: Boolean(r.passed),
      firstPassedAt: isoOrNull(r.first_passed_at),
      lastAt: isoOrNull(r.last_at),
    }));
  }

  // ---- attempts ----------------------------------------------------------------------------------

  /**
   * Stores a verified attempt with its aggregates. The same clientAttemptId from the same user
   * returns the stored attempt instead; an assignment's maxAttempts is enforced under the progress
   * row's lock, so concurrent submissions cannot exceed it.
   */
  async recordAttempt(a: NewAttempt): Promise<RecordResult> {
    const params = [
      a.userId,
      a.scenarioId,
      a.assignment?.id ?? null,
      a.clientAttemptId,
      JSON.stringify(a.events),
      JSON.stringify(a.report),
      a.report.overall,
      a.report.satisfaction,
      a.report.outcome,
      a.report.passed,
      a.report.empathy,
      a.report.ownership,
      a.report.timing,
      a.seed ?? null,
      a.scenarioVersion ?? null,
    ];
    const existing = async (q: Queryable): Promise<RecordResult> => {
      const found = await this.attemptByClientId(a.userId, a.clientAttemptId, q);
      if (!found) throw new Error('attempt vanished after a conflicting insert');
      return { kind: 'existing', attempt: found };
    };
    const created = (r: Row): RecordResult => ({
      kind: 'created',
      attempt: {
        id: num(r.id),
        userId: a.userId,
        scenarioId: a.scenarioId,
        assignmentId: a.assignment?.id ?? null,
        clientAttemptId: a.clientAttemptId,
        overall: a.report.overall,
        empathy: a.report.empathy,
        ownership: a.report.ownership,
        timing: a.report.timing,
        satisfaction: a.report.satisfaction,
        outcome: a.report.outcome,
        passed: a.report.passed,
        createdAt: iso(r.created_at),
        seed: a.seed ?? null,
        scenarioVersion: a.scenarioVersion ?? null,
        report: a.report,
        events: a.events,
      },
    });
    const assignment = a.assignment;
    if (!assignment) {
      // Free play: a single statement is its own transaction.
      const [r] = await this.db.query(INSERT_ATTEMPT, params);
      return r ? created(r) : existing(this.db);
    }
    class LimitReached extends Error {}
    try {
      return await this.db.transaction(async (tx) => {
        const [r] = await tx.query(INSERT_ATTEMPT, params);
        if (!r) return existing(tx);
        const bumped = await tx.query(BUMP_PROGRESS, [assignment.id, a.userId, a.report.overall, a.report.passed, assignment.maxAttempts]);
        if (bumped.length === 0) throw new LimitReached();
        return created(r);
      });
    } catch (e) {
      if (e instanceof LimitReached) return { kind: 'max-attempts', maxAttempts: assignment.maxAttempts ?? 0 };
      throw e;
    }
  }

  async attemptByClientId(userId: number, clientAttemptId: string, q: Queryable = this.db): Promise<StoredAttempt | null> {
    const [r] = await q.query(`select ${ATTEMPT_FULL_COLUMNS} from attempts a where a.user_id = $1 and a.client_attempt_id = $2`, [userId, clientAttemptId]);
    return r ? toAttempt(r) : null;
  }

  /** An attempt with the owner's team and that team's trainer, for authorisation. */
  async attemptById(id: number): Promise<(StoredAttempt & { ownerName: string; ownerTeamId: number | null; ownerTrainerId: number | null }) | null> {
    const [r] = await this.db.query(
      `select ${ATTEMPT_FULL_COLUMNS}, u.name as owner_name, u.team_id as owner_team_id, t.trainer_id as owner_trainer_id
       from attempts a join users u on u.id = a.user_id left join teams t on t.id = u.team_id
       where a.id = $1`,
      [id],
    );
    if (!r) return null;
    return { ...toAttempt(r), ownerName: String(r.owner_name), ownerTeamId: numOrNull(r.owner_team_id), ownerTrainerId: numOrNull(r.owner_trainer_id) };
  }

  /** Newest first, without events, turns or feedback. */
  async attemptsOfUser(userId: number, opts: { limit: number; before?: number; scenarioId?: string; assignmentId?: number }): Promise<StoredAttempt[]> {
    const rows = await this.db.query(
      `select ${ATTEMPT_SUMMARY_COLUMNS} from attempts a
       where a.user_id = $1 and ($2::bigint is null or a.id < $2::bigint) and ($3::text is null or a.scenario_id = $3::text)
         and ($4::int is null or a.assignment_id = $4::int)
       order by a.id desc limit $5`,
      [userId, opts.before ?? null, opts.scenarioId ?? null, opts.assignmentId ?? null, opts.limit],
    );
    return rows.map(toAttempt);
  }

  /** A team's attempts, newest first, with the player's name. */
  async attemptsOfTeam(teamId: number, opts: { limit: number; before?: number; scenarioId?: string; userId?: number }): Promise<(StoredAttempt & { userName: string })[]> {
    const rows = await this.db.query(
      `select ${ATTEMPT_SUMMARY_COLUMNS}, u.name as user_name from attempts a join users u on u.id = a.user_id
       where u.team_id = $1 and u.role = 'trainee' and ($2::bigint is null or a.id < $2::bigint)
         and ($3::text is null or a.scenario_id = $3::text) and ($4::int is null or a.user_id = $4::int)
       order by a.id desc limit $5`,
      [teamId, opts.before ?? null, opts.scenarioId ?? null, opts.userId ?? null, opts.limit],
    );
    return rows.map((r) => ({ ...toAttempt(r), userName: String(r.user_name) }));
  }

  // ---- leaderboards ------------------------------------------------------------------------------

  /** Monday of the current week (UTC), as 'YYYY-MM-DD', by the database clock. */
  async currentWeekStart(): Promise<string> {
    const [r] = await this.db.query(`select to_char(date_trunc('week', now() at time zone 'UTC'), 'YYYY-MM-DD') as w`);
    return String(r.w);
  }

  /**
   * The team (null when there is none) and one row per trainee of it with their aggregates for the
   * period (null: not played); for period 'week' also the Monday it started.
   */
  async leaderboard(teamId: number, opts: { scenarioId?: string; period: Period }): Promise<{ team: Team | null; rows: LeaderboardRow[]; weekStart: string | null }> {
    const week = opts.period === 'week';
    const raw =
      opts.scenarioId != null
        ? await this.db.query(week ? LEADERBOARD_SQL.weekByScenario : LEADERBOARD_SQL.allByScenario, [teamId, opts.scenarioId])
        : await this.db.query(week ? LEADERBOARD_SQL.week : LEADERBOARD_SQL.all, [teamId]);
    const first = raw[0];
    const team = first
      ? joinedTeam(first)
      : null;
    const weekStart = opts.period === 'week' ? (first ? String(first.week_start) : await this.currentWeekStart()) : null;
    const rows = raw
      .filter((r) => r.id != null)
      .map((r) => ({
        userId: num(r.id),
        name: String(r.name),
        optOut: Boolean(r.leaderboard_opt_out),
        attempts: numOrNull(r.attempts),
        best: numOrNull(r.best),
        first: numOrNull(r.first),
        total: numOrNull(r.total),
        counted: numOrNull(r.counted),
      }));
    return { team, rows, weekStart };
  }
}
