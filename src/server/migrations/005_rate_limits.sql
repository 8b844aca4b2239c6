-- Rate-limit counters in the database, so every server process on one PostgreSQL counts together
-- and a restart resets nothing (src/server/plugins/limits.ts). key is a SHA-256 of the limit's name
-- and what it counts (an IP address, an IP and an email, a user id): no address or email is stored.
-- Rows past reset_at are swept hourly; until then an expired row just starts a new window.
create table rate_limits (
  key text primary key,
  hits integer not null,
  reset_at timestamptz not null
);
create index rate_limits_reset_idx on rate_limits (reset_at);
