-- An attempt's user_id always comes from the caller's session, and accounts are never deleted (a
-- trainee removed from a team keeps theirs). The foreign key's check locks the user's row on every
-- attempt insert: about a quarter of the cost of the busiest write in a trial here, and contention
-- between one user's concurrent submissions on PostgreSQL. The index on user_id stays.
alter table attempts drop constraint attempts_user_id_fkey;
