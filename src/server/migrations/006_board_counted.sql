-- The average leaderboard counts each player's first 10 attempts at each scenario in the period, so
-- submitting the same good conversation hundreds of times does not drag an average up (and the
-- board reads the same one row per player as before). counted/counted_total are those attempts' count
-- and sum; existing rows keep their average, scaled to at most 10 attempts.
alter table player_stats add column counted integer, add column counted_total bigint;
update player_stats set counted = least(attempts, 10), counted_total = round(total_score::float8 * least(attempts, 10) / attempts);
alter table player_stats alter column counted set not null, alter column counted_total set not null;

alter table player_weekly_stats add column counted integer, add column counted_total bigint;
update player_weekly_stats set counted = least(attempts, 10), counted_total = round(total_score::float8 * least(attempts, 10) / attempts);
alter table player_weekly_stats alter column counted set not null, alter column counted_total set not null;
