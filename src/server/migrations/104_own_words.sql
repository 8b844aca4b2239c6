-- Own-words mode: what a trainee typed at each turn, the authored reply the tagger suggested, the one
-- they confirmed (the attempt's events hold only that one, and the score comes from the events) and
-- whether they corrected the reading. Kept for the trainer; never read for a score.
create table attempt_own_words (
  attempt_id bigint not null references attempts (id) on delete cascade,
  turn smallint not null check (turn >= 0),
  typed text not null,
  suggested text not null,
  choice text not null,
  corrected boolean not null,
  primary key (attempt_id, turn)
);
