// Who may see and change uploaded scenarios (migrations/101_scenario_access.sql): the owner, the
// co-trainers the owner names, and the teams an upload is published or assigned to.
import type { Db } from './db.ts';
import type { User } from './store.ts';
import { num } from './store.ts';

export interface ScenarioOwnership {
  scenarioId: string;
  ownerId: number | null;
  ownerName: string | null;
  coTrainers: { id: number; name: string; email: string }[];
}

/** Uploads a user may see: see ScenarioAccess.visibleTo. */
const VISIBLE = `
select o.scenario_id from scenario_owners o
where ($2::text = 'trainer' and (
    o.owner_id = $1
    or exists (select 1 from scenario_co_trainers c where c.scenario_id = o.scenario_id and c.trainer_id = $1)
    or exists (select 1 from scenario_teams st join teams t on t.id = st.team_id where st.scenario_id = o.scenario_id and t.trainer_id = $1)
    or exists (select 1 from assignments a join teams t on t.id = a.team_id where a.scenario_id = o.scenario_id and t.trainer_id = $1)))
  or ($2::text = 'trainee' and $3::int is not null
    -- unpublished or archived in the studio (migrations/102): its trainees keep only their attempts
    and not exists (select 1 from studio_scenarios ss where ss.scenario_id = o.scenario_id and ss.status <> 'published') and (
    exists (select 1 from scenario_teams st where st.scenario_id = o.scenario_id and st.team_id = $3::int)
    or exists (select 1 from assignments a where a.scenario_id = o.scenario_id and a.team_id = $3::int)))`;

export class ScenarioAccess {
  constructor(readonly db: Db) {}

  /**
   * Uploaded scenario ids the user may see and play: a trainer, those they own or co-train and those
   * published or assigned to their teams; a trainee, those published or assigned to their team.
   */
  async visibleTo(user: User): Promise<Set<string>> {
    const rows = await this.db.query(VISIBLE, [user.id, user.role, user.teamId]);
    return new Set(rows.map((r) => String(r.scenario_id)));
  }

  async ownership(scenarioId: string): Promise<ScenarioOwnership | null> {
    const [o] = await this.db.query(
      'select o.scenario_id, o.owner_id, u.name as owner_name from scenario_owners o left join users u on u.id = o.owner_id where o.scenario_id = $1',
      [scenarioId],
    );
    if (!o) return null;
    const co = await this.db.query(
      'select u.id, u.name, u.email from scenario_co_trainers c join users u on u.id = c.trainer_id where c.scenario_id = $1 order by u.name, u.id',
      [scenarioId],
    );
    return {
      scenarioId,
      ownerId: o.owner_id == null ? null : num(o.owner_id),
      ownerName: typeof o.owner_name === 'string' ? o.owner_name : null,
      coTrainers: co.map((r) => ({ id: num(r.id), name: String(r.name), email: String(r.email) })),
    };
  }

  /** True when the trainer owns the upload or co-trains it (may replace, assign and publish it). */
  canEdit(o: ScenarioOwnership | null, user: User): boolean {
    if (user.role !== 'trainer') return false;
    if (!o || o.ownerId === null) return true; // nobody's (its owner's account is gone): whoever comes next
    return o.ownerId === user.id || o.coTrainers.some((c) => c.id === user.id);
  }

  /** Makes the trainer the owner of a new upload id, unless someone already is; the owner's id after. */
  async claim(scenarioId: string, trainerId: number): Promise<number | null> {
    const [r] = await this.db.query(
      `insert into scenario_owners as o (scenario_id, owner_id) values ($1, $2)
       on conflict (scenario_id) do update set owner_id = coalesce(o.owner_id, excluded.owner_id)
       returning owner_id`,
      [scenarioId, trainerId],
    );
    return r?.owner_id == null ? null : num(r.owner_id);
  }

  /** Replaces the co-trainers (trainer accounts by email); returns the emails that are no trainer. */
  async setCoTrainers(scenarioId: string, emails: string[], ownerId: number | null): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const found = emails.length
        ? await tx.query(`select id, email from users where role = 'trainer' and email = any($1::text[])`, [emails])
        : [];
      const known = new Set(found.map((r) => String(r.email)));
      const missing = emails.filter((e) => !known.has(e));
      if (missing.length) return missing;
      await tx.query('delete from scenario_co_trainers where scenario_id = $1', [scenarioId]);
      const ids = found.map((r) => num(r.id)).filter((id) => id !== ownerId);
      if (ids.length) {
        await tx.query('insert into scenario_co_trainers (scenario_id, trainer_id) select $1, unnest($2::int[]) on conflict do nothing', [scenarioId, ids]);
      }
      return [];
    });
  }

  /** The teams of this trainer the upload is published to. */
  async publishedTeams(scenarioId: string, trainerId: number): Promise<{ id: number; name: string }[]> {
    const rows = await this.db.query(
      'select t.id, t.name from scenario_teams st join teams t on t.id = st.team_id where st.scenario_id = $1 and t.trainer_id = $2 order by t.id',
      [scenarioId, trainerId],
    );
    return rows.map((r) => ({ id: num(r.id), name: String(r.name) }));
  }

  /** Publishes the upload to exactly these of the trainer's teams (their other publications stay). */
  async setPublishedTeams(scenarioId: string, trainerId: number, teamIds: number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('delete from scenario_teams st using teams t where t.id = st.team_id and st.scenario_id = $1 and t.trainer_id = $2', [scenarioId, trainerId]);
      if (teamIds.length) {
        await tx.query(
          'insert into scenario_teams (scenario_id, team_id) select $1, t.id from teams t where t.trainer_id = $2 and t.id = any($3::int[]) on conflict do nothing',
          [scenarioId, trainerId, teamIds],
        );
      }
    });
  }

  /** Publishes the upload to every team of the trainer. */
  async publishToAllTeams(scenarioId: string, trainerId: number): Promise<void> {
    await this.db.query('insert into scenario_teams (scenario_id, team_id) select $1, id from teams where trainer_id = $2 on conflict do nothing', [scenarioId, trainerId]);
  }
}
