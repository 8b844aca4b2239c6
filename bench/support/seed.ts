// Seeds stored attempts straight into the database, consistent with the server's schema: users in
// teams, attempts with real event lists and score reports, and the leaderboard aggregates
// (player_stats, player_weekly_stats) rebuilt from the attempts exactly as the server's per-attempt
// upserts would have left them had the attempts arrived in time order.
import type { Queryable } from '../../src/server/store/db.ts';
import { loadLibrary } from '../../src/engine/files.ts';
import { walkRoutes } from '../../src/engine/routes.ts';

export const TEAM_SIZE = 25;
export const OTHER_TEAMS = 79;
/** History the seeded attempts are spread over (the current week included). */
export const SEED_DAYS = 84;

export interface SeedSample {
  scenarioId: string;
  events: string;
  report: string;
  overall: number;
  empathy: number;
  ownership: number;
  timing: number;
  satisfaction: number;
  outcome: string | null;
  passed: boolean;
}

/**
 * Real routes of every scenario. The stored report keeps its scores and ending but not its
 * turn-by-turn part and feedback (about 4 kB more per row), so a million rows seed in bounded time;
 * leaderboards read only the aggregate tables, never these columns.
 */
export function seedSamples(perScenario = 8): SeedSample[] {
  const out: SeedSample[] = [];
  for (const s of loadLibrary().scenarios.values()) {
    let n = 0;
    let taken = 0;
    for (const r of walkRoutes(s, 3000)) {
      if (n++ % 11 !== 0) continue;
      const { turns: _t, feedback: _f, ...summary } = r.report as unknown as Record<string, unknown>;
      const rep = r.report as unknown as Record<string, number | string | boolean | null>;
      out.push({
        scenarioId: s.id,
        events: JSON.stringify(r.events),
        report: JSON.stringify(summary),
        overall: Number(rep.overall),
        empathy: Number(rep.empathy),
        ownership: Number(rep.ownership),
        timing: Number(rep.timing),
        satisfaction: Number(rep.satisfaction),
        outcome: rep.outcome == null ? null : String(rep.outcome),
        passed: Boolean(rep.passed),
      });
      if (++taken >= perScenario) break;
    }
  }
  return out;
}

/** Adds trainees until the measured team has TEAM_SIZE, and OTHER_TEAMS more teams of TEAM_SIZE. */
export async function seedPeople(db: Queryable, trainerId: number, teamId: number): Promise<void> {
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from users where team_id = $1 and role = 'trainee'`, [teamId]);
  const own = Math.max(0, TEAM_SIZE - Number(n));
  await db.query(
    `insert into teams (name, trainer_id, invite_code)
     select 'Seeded team ' || g, $1::int, 'SEED' || lpad(g::text, 4, '0') from generate_series(1, $2::int) g`,
    [trainerId, OTHER_TEAMS],
  );
  await db.query(
    `insert into users (email, name, role, password_hash, team_id)
     select 'seed' || g || '@bench.test', 'Seeded trainee ' || g, 'trainee', 'seeded-no-login', $1::int
     from generate_series(1, $2::int) g`,
    [teamId, own],
  );
  await db.query(
    `insert into users (email, name, role, password_hash, team_id)
     select 'seed-' || t.id || '-' || g || '@bench.test', 'Seeded trainee ' || t.id || '.' || g, 'trainee', 'seeded-no-login', t.id
     from teams t, generate_series(1, $1::int) g where t.invite_code like 'SEED%'`,
    [TEAM_SIZE],
  );
}

async function columnType(db: Queryable, column: string): Promise<string | null> {
  const rows = await db.query<{ t: string }>(
    `select data_type as t from information_schema.columns where table_schema = current_schema() and table_name = 'attempts' and column_name = $1`,
    [column],
  );
  return rows[0]?.t ?? null;
}

/**
 * Inserts attempts number `from`..`to`-1 (the numbers make the clientAttemptIds), spread over every
 * trainee and the last SEED_DAYS days, in batches so no statement runs long. The samples and the
 * trainees go through two helper tables (plain SQL on both drivers, no array parameters).
 */
export async function seedAttempts(db: Queryable, from: number, to: number, samples: SeedSample[], onBatch?: (done: number) => void): Promise<void> {
  const jsonType = (await columnType(db, 'events')) === 'jsonb' ? 'jsonb' : 'json';
  // Newer schemas keep the three sub-scores in columns of their own.
  const scoreColumns = (await columnType(db, 'empathy')) !== null;
  await db.exec(`
    drop table if exists bench_seed_samples; drop table if exists bench_seed_users;
    create table bench_seed_samples (k int primary key, scenario_id text, events text, report text, overall int, empathy real,
      ownership real, timing real, satisfaction real, outcome text, passed boolean);
    create table bench_seed_users (i int primary key, id int);
    insert into bench_seed_users select (row_number() over (order by id))::int - 1, id from users where role = 'trainee';`);
  for (const [k, x] of samples.entries()) {
    await db.query('insert into bench_seed_samples values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [
      k, x.scenarioId, x.events, x.report, x.overall, x.empathy, x.ownership, x.timing, x.satisfaction, x.outcome, x.passed,
    ]);
  }
  const [{ n: users }] = await db.query<{ n: number }>('select count(*)::int as n from bench_seed_users');
  const cols = scoreColumns ? ', empathy, ownership, timing' : '';
  const vals = scoreColumns ? ', s.empathy, s.ownership, s.timing' : '';
  const sql = `
    insert into attempts (user_id, scenario_id, client_attempt_id, events, report, overall, satisfaction, outcome, passed, created_at${cols})
    select u.id, s.scenario_id, 'seed-' || g, s.events::${jsonType}, s.report::${jsonType}, s.overall, s.satisfaction, s.outcome, s.passed,
      now() - make_interval(secs => ((g::bigint * 2654435761) % (${SEED_DAYS} * 86400))::float8)${vals}
    from generate_series($1::int, $2::int) g
    join bench_seed_samples s on s.k = g % ${samples.length}
    join bench_seed_users u on u.i = (g * 7 + g / 97) % ${Number(users)}`;
  const batch = 50_000;
  for (let a = from; a < to; a += batch) {
    const b = Math.min(to, a + batch) - 1;
    await db.query(sql, [a, b]);
    onBatch?.(b + 1 - from);
  }
  await db.exec('drop table bench_seed_samples; drop table bench_seed_users;');
}

/** Rebuilds both aggregate tables from the attempts, with the server's upsert semantics. */
export async function rebuildAggregates(db: Queryable): Promise<void> {
  await db.exec('delete from player_stats; delete from player_weekly_stats;');
  await db.exec(`
    insert into player_stats (user_id, scenario_id, attempts, total_score, best, first_score, first_at, best_at, last_at)
    select user_id, scenario_id, count(*)::int, sum(overall), max(overall),
      (array_agg(overall order by created_at, id))[1], min(created_at),
      (array_agg(created_at order by overall desc, created_at, id))[1], max(created_at)
    from attempts group by user_id, scenario_id;
    insert into player_weekly_stats (user_id, week_start, scenario_id, attempts, total_score, best, first_score, first_at, best_at, last_at)
    select user_id, date_trunc('week', created_at at time zone 'UTC')::date, scenario_id, count(*)::int, sum(overall), max(overall),
      (array_agg(overall order by created_at, id))[1], min(created_at),
      (array_agg(created_at order by overall desc, created_at, id))[1], max(created_at)
    from attempts group by 1, 2, 3;
    analyze;`);
}
