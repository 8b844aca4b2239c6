-- Accounts, teams, sessions, assignments, attempts, and the aggregates the leaderboards read.
-- Runs unchanged on PGlite and PostgreSQL.

create table users (
  id integer generated always as identity primary key,
  -- stored lower-case and trimmed
  email text not null unique,
  name text not null,
  role text not null check (role in ('trainer', 'trainee')),
  -- scrypt$<log2 N>$<r>$<p>$<salt>$<hash>
  password_hash text not null,
  -- the team a trainee belongs to (trainers own teams instead)
  team_id integer,
  leaderboard_opt_out boolean not null default false,
  created_at timestamptz not null default now()
);

create table teams (
  id integer generated always as identity primary key,
  name text not null,
  trainer_id integer not null references users (id) on delete cascade,
  invite_code text not null unique,
  created_at timestamptz not null default now()
);
create index teams_trainer_idx on teams (trainer_id);

alter table users add constraint users_team_fk foreign key (team_id) references teams (id) on delete set null;
create index users_team_idx on users (team_id);

-- token_hash is the SHA-256 of the random cookie value: the database never holds a usable token.
create table sessions (
  token_hash text primary key,
  user_id integer not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (expires_at);

create table assignments (
  id integer generated always as identity primary key,
  team_id integer not null references teams (id) on delete cascade,
  scenario_id text not null,
  due_at timestamptz not null,
  pass_mark smallint not null check (pass_mark between 0 and 100),
  -- null: unlimited
  max_attempts integer check (max_attempts >= 1),
  created_by integer not null references users (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index assignments_team_idx on assignments (team_id, due_at);

-- Every verified attempt. The score columns are what the server's replay computed.
create table attempts (
  id bigint generated always as identity primary key,
  user_id integer not null references users (id) on delete cascade,
  scenario_id text not null,
  assignment_id integer references assignments (id) on delete set null,
  client_attempt_id text not null,
  events jsonb not null,
  report jsonb not null,
  overall smallint not null,
  satisfaction real not null,
  outcome text,
  passed boolean not null,
  created_at timestamptz not null default now(),
  constraint attempts_client_id_unique unique (user_id, client_attempt_id)
);
create index attempts_user_idx on attempts (user_id, id desc);
create index attempts_assignment_idx on attempts (assignment_id, user_id) where assignment_id is not null;

-- One row per player and scenario, updated in the same statement as the attempt insert, so a
-- leaderboard reads one row per team member however many attempts are stored.
create table player_stats (
  user_id integer not null references users (id) on delete cascade,
  scenario_id text not null,
  attempts integer not null,
  total_score bigint not null,
  best smallint not null,
  first_score smallint not null,
  first_at timestamptz not null,
  best_at timestamptz not null,
  last_at timestamptz not null,
  primary key (user_id, scenario_id)
);

-- The same per ISO week (Monday, UTC).
create table player_weekly_stats (
  user_id integer not null references users (id) on delete cascade,
  week_start date not null,
  scenario_id text not null,
  attempts integer not null,
  total_score bigint not null,
  best smallint not null,
  first_score smallint not null,
  first_at timestamptz not null,
  best_at timestamptz not null,
  last_at timestamptz not null,
  primary key (user_id, week_start, scenario_id)
);

-- Attempts used and best score per trainee and assignment; its row lock enforces max_attempts.
create table assignment_progress (
  assignment_id integer not null references assignments (id) on delete cascade,
  user_id integer not null references users (id) on delete cascade,
  attempts integer not null,
  best smallint not null,
  passed boolean not null,
  first_passed_at timestamptz,
  last_at timestamptz not null,
  primary key (assignment_id, user_id)
);
