// The scenario studio's queries (migrations/102_scenario_studio.sql): drafts with revisions, versions
// (rows of scenario_uploads), statuses and the media of each version. Ownership is store/access.ts.
import type { StudioMedia, StudioStatus } from '../../shared/studio.ts';
import type { Db } from './db.ts';
import { iso, num, textOrNull } from './store.ts';

export interface StudioRow {
  scenarioId: string;
  status: StudioStatus;
  draftYaml: string;
  revision: number;
  savedAt: string;
}

export interface VersionRow {
  uploadId: number;
  scenarioId: string;
  version: number;
  yaml: string;
  /** The scenario as loaded at publish; null for uploads made before the studio. */
  scenarioJson: unknown;
  publishedAt: string;
  publishedBy: string | null;
  media: StudioMedia;
}

export interface MediaJob {
  uploadId: number;
  scenarioId: string;
  version: number;
}

const STUDIO_COLUMNS = 'scenario_id, status, draft_yaml, revision, saved_at';

function toStudio(r: Record<string, unknown>): StudioRow {
  return {
    scenarioId: String(r.scenario_id),
    status: String(r.status) as StudioStatus,
    draftYaml: String(r.draft_yaml),
    revision: num(r.revision),
    savedAt: iso(r.saved_at),
  };
}

const VERSION_SELECT = `select s.id, s.scenario_id, s.version, s.yaml, s.scenario_json, s.uploaded_at, u.name as uploaded_by,
    m.state, m.done, m.total, m.message
  from scenario_uploads s left join users u on u.id = s.uploaded_by left join studio_media m on m.upload_id = s.id`;

function toVersion(r: Record<string, unknown>): VersionRow {
  const message = textOrNull(r.message);
  return {
    uploadId: num(r.id),
    scenarioId: String(r.scenario_id),
    version: num(r.version),
    yaml: String(r.yaml),
    scenarioJson: r.scenario_json ?? null,
    publishedAt: iso(r.uploaded_at),
    publishedBy: textOrNull(r.uploaded_by),
    // No media row: an upload from before the studio, or one made through POST /api/scenarios.
    media: r.state == null
      ? { state: 'queued', done: 0, total: 0 }
      : { state: r.state as StudioMedia['state'], done: num(r.done), total: num(r.total), ...(message ? { message } : {}) },
  };
}

export class StudioStore {
  constructor(readonly db: Db) {}

  /**
   * The studio row of a scenario. An upload made through POST /api/scenarios has none until the studio
   * first touches it: it is made then, published, with the newest upload as its draft.
   */
  async get(scenarioId: string): Promise<StudioRow | null> {
    const [r] = await this.db.query(
      `insert into studio_scenarios (scenario_id, status, draft_yaml)
         select s.scenario_id, 'published', s.yaml from scenario_uploads s join scenario_owners o on o.scenario_id = s.scenario_id
         where s.scenario_id = $1 order by s.id desc limit 1
       on conflict (scenario_id) do nothing returning ${STUDIO_COLUMNS}`,
      [scenarioId],
    );
    if (r) return toStudio(r);
    const [found] = await this.db.query(`select ${STUDIO_COLUMNS} from studio_scenarios where scenario_id = $1`, [scenarioId]);
    return found ? toStudio(found) : null;
  }

  /** A new studio scenario (the owner must already be claimed); false when the id is taken. */
  async create(scenarioId: string, yaml: string): Promise<StudioRow | null> {
    const [r] = await this.db.query(
      `insert into studio_scenarios (scenario_id, draft_yaml) values ($1, $2) on conflict (scenario_id) do nothing returning ${STUDIO_COLUMNS}`,
      [scenarioId, yaml],
    );
    return r ? toStudio(r) : null;
  }

  /** Studio rows of these ids (made for uploads that have none yet). */
  async list(scenarioIds: string[]): Promise<StudioRow[]> {
    if (!scenarioIds.length) return [];
    await this.db.query(
      `insert into studio_scenarios (scenario_id, status, draft_yaml)
         select distinct on (s.scenario_id) s.scenario_id, 'published', s.yaml from scenario_uploads s
         join scenario_owners o on o.scenario_id = s.scenario_id
         where s.scenario_id = any($1::text[]) order by s.scenario_id, s.id desc
       on conflict (scenario_id) do nothing`,
      [scenarioIds],
    );
    const rows = await this.db.query(`select ${STUDIO_COLUMNS} from studio_scenarios where scenario_id = any($1::text[]) order by scenario_id`, [scenarioIds]);
    return rows.map(toStudio);
  }

  /** Scenario ids the trainer may edit: owned, co-trained, or nobody's (see ScenarioAccess.canEdit). */
  async editableBy(trainerId: number): Promise<string[]> {
    const rows = await this.db.query(
      `select o.scenario_id from scenario_owners o
       where o.owner_id = $1 or o.owner_id is null
         or exists (select 1 from scenario_co_trainers c where c.scenario_id = o.scenario_id and c.trainer_id = $1)
       order by o.scenario_id`,
      [trainerId],
    );
    return rows.map((r) => String(r.scenario_id));
  }

  /** The newest version's number and text of each of these scenarios. */
  async latestYaml(scenarioIds: string[]): Promise<Map<string, { version: number; yaml: string }>> {
    if (!scenarioIds.length) return new Map();
    const rows = await this.db.query(
      'select distinct on (scenario_id) scenario_id, version, yaml from scenario_uploads where scenario_id = any($1::text[]) order by scenario_id, version desc',
      [scenarioIds],
    );
    return new Map(rows.map((r) => [String(r.scenario_id), { version: num(r.version), yaml: String(r.yaml) }]));
  }

  /** Saves the draft if it is still at `revision`; the new revision, or null with the stored one. */
  async saveDraft(scenarioId: string, yaml: string, revision: number): Promise<{ saved: true; revision: number; savedAt: string } | { saved: false; revision: number }> {
    const [r] = await this.db.query(
      `update studio_scenarios set draft_yaml = $2, revision = revision + 1, saved_at = now()
       where scenario_id = $1 and revision = $3 returning revision, saved_at`,
      [scenarioId, yaml, revision],
    );
    if (r) return { saved: true, revision: num(r.revision), savedAt: iso(r.saved_at) };
    const [now] = await this.db.query('select revision from studio_scenarios where scenario_id = $1', [scenarioId]);
    return { saved: false, revision: now ? num(now.revision) : 0 };
  }

  async setStatus(scenarioId: string, status: StudioStatus): Promise<void> {
    await this.db.query('update studio_scenarios set status = $2 where scenario_id = $1', [scenarioId, status]);
  }

  /** Every version of a scenario, newest first. */
  async versions(scenarioId: string): Promise<VersionRow[]> {
    const rows = await this.db.query(`${VERSION_SELECT} where s.scenario_id = $1 order by s.version desc`, [scenarioId]);
    return rows.map(toVersion);
  }

  async version(scenarioId: string, version: number): Promise<VersionRow | null> {
    const [r] = await this.db.query(`${VERSION_SELECT} where s.scenario_id = $1 and s.version = $2`, [scenarioId, version]);
    return r ? toVersion(r) : null;
  }

  async versionOfUpload(uploadId: number): Promise<VersionRow | null> {
    const [r] = await this.db.query(`${VERSION_SELECT} where s.id = $1`, [uploadId]);
    return r ? toVersion(r) : null;
  }

  /** The newest version number of each of these scenarios. */
  async latestVersions(scenarioIds: string[]): Promise<Map<string, number>> {
    if (!scenarioIds.length) return new Map();
    const rows = await this.db.query('select scenario_id, max(version) as v from scenario_uploads where scenario_id = any($1::text[]) group by scenario_id', [scenarioIds]);
    return new Map(rows.map((r) => [String(r.scenario_id), num(r.v)]));
  }

  // ---- media -------------------------------------------------------------------------------------

  /** Queues the media of a version (again, when it is there already). */
  async queueMedia(uploadId: number): Promise<void> {
    await this.db.query(
      `insert into studio_media (upload_id) values ($1)
       on conflict (upload_id) do update set state = 'queued', done = 0, total = 0, message = null, updated_at = now()`,
      [uploadId],
    );
  }

  /** Takes the oldest queued job (marks it running); null when there is none. */
  async takeMediaJob(): Promise<MediaJob | null> {
    const [r] = await this.db.query(
      `update studio_media m set state = 'running', updated_at = now()
       where m.upload_id = (select upload_id from studio_media where state = 'queued' order by updated_at, upload_id limit 1 for update skip locked)
       returning m.upload_id, (select scenario_id from scenario_uploads where id = m.upload_id) as scenario_id,
         (select version from scenario_uploads where id = m.upload_id) as version`,
    );
    return r ? { uploadId: num(r.upload_id), scenarioId: String(r.scenario_id), version: num(r.version) } : null;
  }

  /** Queues every version that has no media yet (uploads from before the studio, or POST /api/scenarios). */
  async queueMissingMedia(): Promise<void> {
    await this.db.query('insert into studio_media (upload_id) select s.id from scenario_uploads s order by s.id on conflict (upload_id) do nothing');
  }

  /** Jobs a stopped process left running go back to the queue (at start). */
  async requeueRunning(): Promise<void> {
    await this.db.query(`update studio_media set state = 'queued', done = 0, updated_at = now() where state = 'running'`);
  }

  async setMedia(uploadId: number, media: StudioMedia): Promise<void> {
    await this.db.query('update studio_media set state = $2, done = $3, total = $4, message = $5, updated_at = now() where upload_id = $1', [
      uploadId,
      media.state,
      media.done,
      media.total,
      media.message ?? null,
    ]);
  }

  async putMediaFile(uploadId: number, name: string, contentType: string, data: Uint8Array): Promise<void> {
    await this.db.query(
      `insert into studio_media_files (upload_id, name, content_type, data) values ($1, $2, $3, $4)
       on conflict (upload_id, name) do update set content_type = excluded.content_type, data = excluded.data`,
      [uploadId, name, contentType, data],
    );
  }

  async mediaFile(uploadId: number, name: string): Promise<{ contentType: string; data: Buffer } | null> {
    const [r] = await this.db.query('select content_type, data from studio_media_files where upload_id = $1 and name = $2', [uploadId, name]);
    return r ? { contentType: String(r.content_type), data: Buffer.from(r.data as Uint8Array) } : null;
  }

  /** Which of these versions (upload ids) have their portraits drawn. */
  async withPortraits(uploadIds: number[]): Promise<Set<number>> {
    if (!uploadIds.length) return new Set();
    const rows = await this.db.query(`select upload_id from studio_media_files where upload_id = any($1::int[]) and name = 'portrait-calm.svg'`, [uploadIds]);
    return new Set(rows.map((r) => num(r.upload_id)));
  }

  async mediaFileNames(uploadId: number): Promise<string[]> {
    const rows = await this.db.query('select name from studio_media_files where upload_id = $1 order by name', [uploadId]);
    return rows.map((r) => String(r.name));
  }
}
