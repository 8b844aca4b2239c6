-- Who an uploaded scenario belongs to, who else may work with it, and which teams see it
-- (routes/trainer-scenarios.ts). The trainer who first uploaded an id owns it; the owner may name
-- co-trainers (they may replace it, assign it and publish it to their own teams); a trainee sees an
-- upload assigned or published to their team, and no other.
create table scenario_owners (
  scenario_id text primary key,
  owner_id integer references users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table scenario_co_trainers (
  scenario_id text not null references scenario_owners (scenario_id) on delete cascade,
  trainer_id integer not null references users (id) on delete cascade,
  primary key (scenario_id, trainer_id)
);
create index scenario_co_trainers_trainer_idx on scenario_co_trainers (trainer_id);

create table scenario_teams (
  scenario_id text not null references scenario_owners (scenario_id) on delete cascade,
  team_id integer not null references teams (id) on delete cascade,
  primary key (scenario_id, team_id)
);
create index scenario_teams_team_idx on scenario_teams (team_id);

-- Uploads made before: the first uploader owns each, published to the owner's teams.
insert into scenario_owners (scenario_id, owner_id)
  select distinct on (scenario_id) scenario_id, uploaded_by from scenario_uploads order by scenario_id, id;
insert into scenario_teams (scenario_id, team_id)
  select o.scenario_id, t.id from scenario_owners o join teams t on t.trainer_id = o.owner_id;
