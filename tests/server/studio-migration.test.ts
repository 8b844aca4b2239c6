// migrations/102_scenario_studio.sql on data from before it, on both stores: every upload becomes a
// version (in upload order), each uploaded scenario a published studio scenario with its newest file
// as the draft, and old attempts are put on the version that was newest when they were made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/store/db.ts';
import { migrate, readMigrations } from '../../src/server/store/migrate.ts';
import { openPglite } from '../../src/server/store/pglite.ts';
import { openPostgres } from '../../src/server/store/postgres.ts';
import { dropSchema, pgUrl, uniqueSchema } from './helpers.ts';

const before = readMigrations().filter((m) => m.version < 102);

async function check(db: Db): Promise<void> {
  await migrate(db, before);
  const [u] = await db.query(`insert into users (email, name, role, password_hash) values ('t@example.com', 'T', 'trainer', 'x') returning id`);
  const [p] = await db.query(`insert into users (email, name, role, password_hash) values ('p@example.com', 'P', 'trainee', 'x') returning id`);
  await db.query(`insert into scenario_owners (scenario_id, owner_id) values ('lamp', $1)`, [u.id]);
  const upload = (yaml: string, at: string) =>
    db.query(`insert into scenario_uploads (scenario_id, file_name, yaml, uploaded_by, uploaded_at) values ('lamp', 'lamp.yaml', $1, $2, $3)`, [yaml, u.id, at]);
  await upload('id: lamp\ntitle: One', '2026-01-01T10:00:00Z');
  await upload('id: lamp\ntitle: Two', '2026-02-01T10:00:00Z');
  const attempt = (cid: string, scenario: string, at: string) =>
    db.query(
      `insert into attempts (user_id, scenario_id, client_attempt_id, events, report, overall, satisfaction, passed, created_at, empathy, ownership, timing)
       values ($1, $2, $3, '[]', '{}', 50, 50, false, $4, 50, 50, 50) returning id`,
      [p.id, scenario, cid, at],
    );
  const [onOne] = await attempt('a1', 'lamp', '2026-01-15T10:00:00Z');
  const [onTwo] = await attempt('a2', 'lamp', '2026-02-15T10:00:00Z');
  const [builtIn] = await attempt('a3', 'trophy-room', '2026-02-15T10:00:00Z');

  await migrate(db);
  const versions = await db.query(`select version, yaml from scenario_uploads where scenario_id = 'lamp' order by version`);
  expect(versions.map((v) => [Number(v.version), v.yaml])).toEqual([
    [1, 'id: lamp\ntitle: One'],
    [2, 'id: lamp\ntitle: Two'],
  ]);
  const [studio] = await db.query(`select status, draft_yaml, revision from studio_scenarios where scenario_id = 'lamp'`);
  expect(studio).toMatchObject({ status: 'published', draft_yaml: 'id: lamp\ntitle: Two' });
  const played = await db.query('select id, scenario_version from attempts order by id');
  const versionOf = (id: unknown) => played.find((r) => String(r.id) === String(id))?.scenario_version;
  expect([versionOf(onOne.id), versionOf(onTwo.id), versionOf(builtIn.id)]).toEqual([1, 2, null]);
}

describe('the studio migration', () => {
  it('keeps uploads from before readable as versions (PGlite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mir-migrate-'));
    const db = await openPglite(dir);
    try {
      await check(db);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(pgUrl)('keeps uploads from before readable as versions (PostgreSQL)', async () => {
    const schema = uniqueSchema('studio_migration');
    const db = await openPostgres(pgUrl as string, { schema, max: 2 });
    try {
      await check(db);
    } finally {
      await db.close();
      await dropSchema(schema);
    }
  });
});
