// The trainer dashboard's queries, over the same Db as the core store (PostgreSQL SQL for PGlite and
// PostgreSQL alike). Tables: assignment_trainees and scenario_uploads (migrations/100_trainer.sql),
// plus reads of the core tables.
import { pgErrorCode, UNIQUE_VIOLATION, type Db, type Queryable } from './db.ts';
import type { Assignment, Team, User } from './store.ts';
import { ASSIGNMENT_COLUMNS, INSERT_ASSIGNMENT, iso, joinedTeam, num, numOrNull, TEAM_COLUMNS, textOrNull, toAssignment, toTeam } from './store.ts';

export interface NewAssignments {
  teamId: number;
  scenarioIds: string[];
  dueAt: Date;
  passMark: number;
  maxAttempts: number | null;
  createdBy: number;
  /** null: the whole team. */
  trainees: number[] | null;
  /** Typed replies (own-words mode) when it is played. */
  ownWords?: boolean;
}

export interface AssignmentChanges {
  dueAt?: Date;
  passMark?: number;
  maxAttempts?: number | null;
  /** null: the whole team; an array: exactly these trainees. */
  trainees?: number[] | null;
  ownWords?: boolean;
}

export interface ScenarioUpload {
  id: number;
  scenarioId: string;
  fileName: string;
  yaml: string;
  uploadedBy: string | null;
  uploadedAt: string;
  /** Its version: the how-manyth upload of this id (migrations/102_scenario_studio.sql). */
  version: number;
}

/** An attempt with its full report (the replay's turns and feedback). */
export interface AttemptWithReport {
  id: number;
  userId: number;
  scenarioId: string;
  assignmentId: number | null;
  overall: number;
  satisfaction: number;
  outcome: string | null;
  passed: boolean;
  createdAt: string;
  report: Record<string, unknown>;
  /** The reply-order seed; null for attempts stored before seeds. */
  seed: number | null;
  /** The version it was played on (null: a built-in scenario). */
  scenarioVersion: number | null;
}

export interface Tallies {
  attempts: number;
  trainees: number;
  rules: { rule: string; count: number; attempts: number; trainees: number }[];
  choices: { node: string; choice: string | null; count: number; trainees: number }[];
  /** Rules that cost points at the very turn a choice was made. */
  costs: { node: string; choice: string | null; rule: string; count: number }[];
}

const TEAM_ATTEMPTS = `from attempts a join users u on u.id = a.user_id
  where u.team_id = $1 and u.role = 'trainee' and a.scenario_id = $2`;

export class TrainerStore {
  constructor(readonly db: Db) {}

  // ---- teams -------------------------------------------------------------------------------------

  async renameTeam(teamId: number, name: string): Promise<Team | null> {
    const [r] = await this.db.query(`update teams set name = $2 where id = $1 returning ${TEAM_COLUMNS}`, [teamId, name]);
    return r ? toTeam(r) : null;
  }

  /** Sets a new invite code; false when another team has it (the caller tries another). */
  async setInviteCode(teamId: number, code: string): Promise<boolean> {
    const rows = await this.db.query(
      'update teams set invite_code = $2 where id = $1 and not exists (select 1 from teams where invite_code = $2) returning id',
      [teamId, code],
    );
    return rows.length > 0;
  }

  /** Takes a trainee out of a team (their account and attempts stay); false when not a member. */
  async removeMember(teamId: number, userId: number): Promise<boolean> {
    const rows = await this.db.query(`update users set team_id = null where id = $2 and team_id = $1 and role = 'trainee' returning id`, [teamId, userId]);
    return rows.length > 0;
  }

  /** The given ids that are trainees of the team. */
  async traineesInTeam(teamId: number, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query(`select id from users where team_id = $1 and role = 'trainee' and id = any($2::int[]) order by id`, [teamId, ids]);
    return rows.map((r) => num(r.id));
  }

  async traineeWithTeam(userId: number): Promise<{ user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'teamId'>; team: Team | null } | null> {
    const [r] = await this.db.query(
      `select u.id, u.name, u.email, u.role, u.team_id, t.name as team_name, t.trainer_id, t.invite_code, t.created_at as team_created_at
       from users u left join teams t on t.id = u.team_id where u.id = $1`,
      [userId],
    );
    if (!r) return null;
    const team = r.team_id == null ? null : joinedTeam(r);
    return { user: { id: num(r.id), name: String(r.name), email: String(r.email), role: r.role as User['role'], teamId: numOrNull(r.team_id) }, team };
  }

  // ---- assignments -------------------------------------------------------------------------------

  /** One assignment per scenario, all with the same settings and trainees, in one transaction. */
  async createAssignments(n: NewAssignments): Promise<Assignment[]> {
    return this.db.transaction(async (tx) => {
      const out: Assignment[] = [];
      for (const scenarioId of n.scenarioIds) {
        const [r] = await tx.query(INSERT_ASSIGNMENT, [n.teamId, scenarioId, n.dueAt, n.passMark, n.maxAttempts, n.createdBy, n.ownWords ?? false]);
        const a = toAssignment(r);
        if (n.trainees) await this.#setTrainees(tx, a.id, n.trainees);
        out.push(a);
      }
      return out;
    });
  }

  async #setTrainees(q: Queryable, assignmentId: number, trainees: number[] | null): Promise<void> {
    await q.query('delete from assignment_trainees where assignment_id = $1', [assignmentId]);
    if (trainees && trainees.length) {
      await q.query('insert into assignment_trainees (assignment_id, user_id) select $1, unnest($2::int[]) on conflict do nothing', [assignmentId, trainees]);
    }
  }

  /** Chosen trainees per assignment; assignments for the whole team are absent from the map. */
  async traineesOf(assignmentIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (assignmentIds.length === 0) return out;
    const rows = await this.db.query(
      'select assignment_id, user_id from assignment_trainees where assignment_id = any($1::int[]) order by assignment_id, user_id',
      [assignmentIds],
    );
    for (const r of rows) {
      const id = num(r.assignment_id);
      out.set(id, [...(out.get(id) ?? []), num(r.user_id)]);
    }
    return out;
  }

  /**
   * Changes an assignment. A new pass mark re-decides who passed from the best scores (and when from
   * the attempts themselves), so the matrix never shows a pass the current mark would not give.
   */
  async updateAssignment(id: number, c: AssignmentChanges): Promise<Assignment | null> {
    return this.db.transaction(async (tx) => {
      const [r] = await tx.query(
        `update assignments as a set
           due_at = coalesce($2, a.due_at),
           pass_mark = coalesce($3, a.pass_mark),
           max_attempts = case when $4::boolean then $5::integer else a.max_attempts end,
           own_words = coalesce($6::boolean, a.own_words)
         where a.id = $1 returning ${ASSIGNMENT_COLUMNS}`,
        [id, c.dueAt ?? null, c.passMark ?? null, c.maxAttempts !== undefined, c.maxAttempts ?? null, c.ownWords ?? null],
      );
      if (!r) return null;
      if (c.passMark !== undefined) {
        await tx.query(
          `update assignment_progress p set
             passed = p.best >= $2,
             first_passed_at = (select min(t.created_at) from attempts t where t.assignment_id = p.assignment_id and t.user_id = p.user_id and t.overall >= $2)
           where p.assignment_id = $1`,
          [id, c.passMark],
        );
      }
      if (c.trainees !== undefined) await this.#setTrainees(tx, id, c.trainees);
      return toAssignment(r);
    });
  }

  /** Withdraws an assignment: its progress goes, the attempts stay (as free play). */
  async deleteAssignment(id: number): Promise<boolean> {
    const rows = await this.db.query('delete from assignments where id = $1 returning id', [id]);
    return rows.length > 0;
  }

  // ---- attempts ----------------------------------------------------------------------------------

  /** A trainee's attempts with full reports, newest first; one extra row tells whether more exist. */
  async attemptsWithReports(userId: number, limit: number): Promise<{ attempts: AttemptWithReport[]; more: boolean }> {
    const rows = await this.db.query(
      `select a.id, a.user_id, a.scenario_id, a.assignment_id, a.overall, a.satisfaction, a.outcome, a.passed, a.created_at, a.report, a.seed, a.scenario_version
       from attempts a where a.user_id = $1 order by a.id desc limit $2`,
      [userId, limit + 1],
    );
    const attempts = rows.slice(0, limit).map((r) => ({
      id: num(r.id),
      userId: num(r.user_id),
      scenarioId: String(r.scenario_id),
      assignmentId: numOrNull(r.assignment_id),
      overall: num(r.overall),
      satisfaction: num(r.satisfaction),
      outcome: textOrNull(r.outcome),
      passed: Boolean(r.passed),
      createdAt: iso(r.created_at),
      report: (typeof r.report === 'string' ? JSON.parse(r.report) : r.report) as Record<string, unknown>,
      seed: numOrNull(r.seed),
      scenarioVersion: numOrNull(r.scenario_version),
    }));
    return { attempts, more: rows.length > limit };
  }

  /** Counts over a team's attempts at one scenario: rules that cost points, and choices per node. (The casts let report be json or jsonb.) */
  async mistakeTallies(teamId: number, scenarioId: string): Promise<Tallies> {
    const [totals] = await this.db.query(`select count(*)::int as attempts, count(distinct a.user_id)::int as trainees ${TEAM_ATTEMPTS}`, [teamId, scenarioId]);
    const rules = await this.db.query(
      `select f->>'rule' as rule, count(*)::int as n, count(distinct a.id)::int as attempts, count(distinct a.user_id)::int as trainees
       from attempts a join users u on u.id = a.user_id
       cross join lateral jsonb_array_elements((a.report->'feedback')::jsonb) f
       where u.team_id = $1 and u.role = 'trainee' and a.scenario_id = $2 and (f->>'points')::numeric < 0
       group by 1`,
      [teamId, scenarioId],
    );
    const choices = await this.db.query(
      `select t->>'node' as node, t->>'choice' as choice, count(*)::int as n, count(distinct a.user_id)::int as trainees
       from attempts a join users u on u.id = a.user_id
       cross join lateral jsonb_array_elements((a.report->'turns')::jsonb) t
       where u.team_id = $1 and u.role = 'trainee' and a.scenario_id = $2
       group by 1, 2`,
      [teamId, scenarioId],
    );
    const costs = await this.db.query(
      `select t.v->>'node' as node, t.v->>'choice' as choice, f->>'rule' as rule, count(*)::int as n
       from attempts a join users u on u.id = a.user_id
       cross join lateral jsonb_array_elements((a.report->'turns')::jsonb) with ordinality as t(v, i)
       cross join lateral jsonb_array_elements((a.report->'feedback')::jsonb) f
       where u.team_id = $1 and u.role = 'trainee' and a.scenario_id = $2
         and (f->>'turn')::int = t.i - 1 and (f->>'points')::numeric < 0
       group by 1, 2, 3`,
      [teamId, scenarioId],
    );
    return {
      attempts: num(totals.attempts),
      trainees: num(totals.trainees),
      rules: rules.map((r) => ({ rule: String(r.rule), count: num(r.n), attempts: num(r.attempts), trainees: num(r.trainees) })),
      choices: choices.map((r) => ({ node: String(r.node), choice: textOrNull(r.choice), count: num(r.n), trainees: num(r.trainees) })),
      costs: costs.map((r) => ({ node: String(r.node), choice: textOrNull(r.choice), rule: String(r.rule), count: num(r.n) })),
    };
  }

  // ---- uploaded scenarios ------------------------------------------------------------------------

  /** Changes whenever a scenario is uploaded (the newest upload's id; 0 before the first). */
  async uploadGeneration(): Promise<number> {
    const [r] = await this.db.query('select coalesce(max(id), 0)::int as g from scenario_uploads');
    return num(r.g);
  }

  /** The newest upload of each scenario id. */
  async currentUploads(): Promise<ScenarioUpload[]> {
    const rows = await this.db.query(
      `select distinct on (s.scenario_id) s.id, s.scenario_id, s.file_name, s.yaml, s.uploaded_at, s.version, u.name as uploaded_by
       from scenario_uploads s left join users u on u.id = s.uploaded_by
       order by s.scenario_id, s.id desc`,
    );
    return rows.map((r) => ({
      id: num(r.id),
      scenarioId: String(r.scenario_id),
      fileName: String(r.file_name),
      yaml: String(r.yaml),
      uploadedBy: textOrNull(r.uploaded_by),
      uploadedAt: iso(r.uploaded_at),
      version: num(r.version),
    }));
  }

  /** Adds the next version of the scenario (migrations/102_scenario_studio.sql); its row id. */
  async addUpload(u: { scenarioId: string; fileName: string; yaml: string; uploadedBy: number; scenarioJson?: unknown }): Promise<number> {
    const insert = () =>
      this.db.query(
        `insert into scenario_uploads (scenario_id, file_name, yaml, uploaded_by, version, scenario_json)
         select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5::jsonb from scenario_uploads where scenario_id = $1
         returning id`,
        [u.scenarioId, u.fileName, u.yaml, u.uploadedBy, u.scenarioJson === undefined ? null : JSON.stringify(u.scenarioJson)],
      );
    // Two versions of one id at once: the second takes the next number.
    const [r] = await insert().catch((e: unknown) => {
      if (pgErrorCode(e) === UNIQUE_VIOLATION) return insert();
      throw e;
    });
    return num(r.id);
  }
}
