-- xAPI forwarding (src/server/xapi/): every stored attempt's statements wait here until the LRS
-- (XAPI_ENDPOINT) has them. The statement id is derived from the attempt, so an enqueue repeated
-- after a crash inserts nothing, and a send repeated after a crash carries the same ids (an LRS
-- stores a statement id once). xapi_forwarded marks the attempts already enqueued, so the sweep
-- finds the ones a crash left between the attempt's commit and its enqueue.
create table xapi_outbox (
  statement_id uuid primary key,
  attempt_id bigint not null references attempts (id) on delete cascade,
  seq integer not null,
  body jsonb not null,
  tries integer not null default 0,
  next_at timestamptz not null default now(),
  claimed_until timestamptz,
  sent_at timestamptz,
  last_error text
);
create index xapi_outbox_due_idx on xapi_outbox (next_at, attempt_id, seq) where sent_at is null;

create table xapi_forwarded (
  attempt_id bigint primary key references attempts (id) on delete cascade
);

-- When forwarding was first switched on: older attempts are not sent (one row).
create table xapi_since (
  one boolean primary key default true check (one),
  since timestamptz not null default now()
);
