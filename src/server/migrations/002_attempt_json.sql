-- Reports and events are stored and returned whole, never searched inside: json (text checked for
-- syntax) costs about half of jsonb's parsing on every insert, the hottest write. The three scores
-- get columns of their own so lists read no report at all.
alter table attempts
  alter column events type json using events::json,
  alter column report type json using report::json,
  add column empathy real,
  add column ownership real,
  add column timing real;

update attempts set
  empathy = (report ->> 'empathy')::real,
  ownership = (report ->> 'ownership')::real,
  timing = (report ->> 'timing')::real;

alter table attempts
  alter column empathy set not null,
  alter column ownership set not null,
  alter column timing set not null;
