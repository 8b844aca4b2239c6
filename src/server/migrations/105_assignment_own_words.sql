-- Own-words mode per assignment: a trainer may ask for typed replies on an assignment; the game turns
-- own-words mode on when a trainee plays it (their own setting still applies elsewhere).
alter table assignments add column own_words boolean not null default false;

-- Whether the tagger was unsure of a typed reply (low confidence); with corrected, what makes a reply
-- worth a trainer's label.
alter table attempt_own_words add column unsure boolean not null default false;

-- A team's labelled replies: the moves a trainer says a typed reply makes. The game passes them to the
-- tagger as team examples. Each change raises the team's version, so a game can tell it has the latest.
create table team_own_words_versions (
  team_id integer primary key references teams (id) on delete cascade,
  version integer not null check (version > 0)
);

-- key: the typed words trimmed and lower-cased, so the same reply typed again finds its label.
create table team_own_words_labels (
  team_id integer not null references teams (id) on delete cascade,
  key text not null,
  typed text not null,
  moves text[] not null,
  version integer not null,
  labelled_by integer references users (id) on delete set null,
  labelled_at timestamptz not null default now(),
  primary key (team_id, key)
);
