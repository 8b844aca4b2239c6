-- The trainer dashboard: assignments set for chosen trainees, and scenarios uploaded as YAML.
-- Numbered from 100 so these never collide with the core migrations (00N).

-- An assignment with no rows here is for its whole team; with rows, only for the trainees named.
create table assignment_trainees (
  assignment_id integer not null references assignments (id) on delete cascade,
  user_id integer not null references users (id) on delete cascade,
  primary key (assignment_id, user_id)
);
create index assignment_trainees_user_idx on assignment_trainees (user_id);

-- Every accepted upload is kept; the newest row for a scenario id is the one in use. Only files that
-- passed validation are stored, so a bad file never replaces a good one.
create table scenario_uploads (
  id integer generated always as identity primary key,
  scenario_id text not null,
  file_name text not null,
  yaml text not null,
  uploaded_by integer references users (id) on delete set null,
  uploaded_at timestamptz not null default now()
);
create index scenario_uploads_scenario_idx on scenario_uploads (scenario_id, id desc);
