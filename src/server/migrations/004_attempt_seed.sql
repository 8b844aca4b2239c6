-- The seed the game drew for an attempt's reply order (src/engine/shuffle.ts): which order the replies
-- were shown in, so a transcript can say where the chosen reply sat. An unsigned 32-bit integer, so
-- bigint; null for attempts stored before seeds (and for clients that send none).
alter table attempts
  add column seed bigint check (seed between 0 and 4294967295);
