-- The scenario studio (routes/studio.ts): a draft per scenario, its published versions, their
-- voice and art, and the version each attempt was played on.
--
-- A published version is an upload: scenario_uploads rows are only ever added, so the Nth row of an
-- id is its immutable version N (YAML, who and when), and an upload made with POST /api/scenarios is
-- a new version like a publish from the studio. scenario_json is the scenario as the engine loaded it
-- at publish (null for uploads made before: their YAML is parsed when needed).
alter table scenario_uploads add column version integer;
alter table scenario_uploads add column scenario_json jsonb;
update scenario_uploads u set version = v.n
  from (select id, row_number() over (partition by scenario_id order by id) as n from scenario_uploads) v
  where v.id = u.id;
alter table scenario_uploads alter column version set not null;
create unique index scenario_uploads_version_idx on scenario_uploads (scenario_id, version);

-- The draft is saved as typed (even when it does not parse); revision goes up by one per save, so a
-- stale editor is told instead of overwriting a newer save. Trainees see a scenario only while it is
-- published (store/access.ts); unpublished and archived ones keep their attempts and transcripts.
create table studio_scenarios (
  scenario_id text primary key references scenario_owners (scenario_id) on delete cascade,
  status text not null default 'draft' check (status in ('draft', 'published', 'unpublished', 'archived')),
  draft_yaml text not null,
  revision integer not null default 1,
  saved_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);

-- Voice and art of a version, made in the background (server/media/): the queue is this table, so
-- it survives a restart (a job found 'running' at start is queued again).
create table studio_media (
  upload_id integer primary key references scenario_uploads (id) on delete cascade,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed', 'unavailable')),
  done integer not null default 0,
  total integer not null default 0,
  message text,
  updated_at timestamptz not null default now()
);

create table studio_media_files (
  upload_id integer not null references scenario_uploads (id) on delete cascade,
  name text not null,
  content_type text not null,
  data bytea not null,
  primary key (upload_id, name)
);

-- Uploads made before are studio scenarios with their versions, published, the newest as the draft.
insert into studio_scenarios (scenario_id, status, draft_yaml)
  select distinct on (u.scenario_id) u.scenario_id, 'published', u.yaml
  from scenario_uploads u join scenario_owners o on o.scenario_id = u.scenario_id
  order by u.scenario_id, u.id desc;

-- The version an attempt was played on (null: a built-in scenario). Attempts made before were played
-- on the version that was newest when they were made.
alter table attempts add column scenario_version integer;
update attempts a set scenario_version = (
    select max(u.version) from scenario_uploads u where u.scenario_id = a.scenario_id and u.uploaded_at <= a.created_at)
  where exists (select 1 from scenario_uploads u where u.scenario_id = a.scenario_id);
