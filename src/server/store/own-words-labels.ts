// The typed replies worth a trainer's label, and the labels a team's trainer gave
// (migrations/105_assignment_own_words.sql). Every change of a team's labels raises its version.
import type { LabelJson, UnsureReplyJson } from '../../shared/own-words.ts';
import type { Db } from './db.ts';
import { iso, num } from './store.ts';

/** The key a typed reply is labelled under: trimmed and lower-cased, as the unsure list groups them. */
export function labelKey(typed: string): string {
  return typed.trim().toLowerCase();
}

export class OwnWordsLabelStore {
  constructor(readonly db: Db) {}

  async version(teamId: number): Promise<number> {
    const [r] = await this.db.query('select version from team_own_words_versions where team_id = $1', [teamId]);
    return r ? num(r.version) : 0;
  }

  async labels(teamId: number): Promise<LabelJson[]> {
    const rows = await this.db.query('select typed, moves, version, labelled_at from team_own_words_labels where team_id = $1 order by labelled_at desc, typed', [teamId]);
    return rows.map((r) => ({ typed: String(r.typed), moves: (r.moves as string[]).slice(), version: num(r.version), labelledAt: iso(r.labelled_at) }));
  }

  /**
   * Typed replies of the team's trainees the tagger was unsure of or the player corrected, not yet
   * labelled, newest first; the same words typed again are listed once, with how often.
   */
  async unsure(teamId: number, limit = 100): Promise<UnsureReplyJson[]> {
    const rows = await this.db.query(
      `with mine as (
         select w.typed, w.suggested, w.choice, w.corrected, w.unsure, w.turn, a.scenario_id, a.created_at, u.name,
           lower(btrim(w.typed)) as key
         from attempt_own_words w join attempts a on a.id = w.attempt_id join users u on u.id = a.user_id
         where u.team_id = $1
       ),
       counted as (select key, count(*) as count from mine group by key),
       latest as (select distinct on (key) * from mine where unsure or corrected order by key, created_at desc, turn desc)
       select l.*, c.count from latest l join counted c on c.key = l.key
       where not exists (select 1 from team_own_words_labels t where t.team_id = $1 and t.key = l.key)
       order by l.created_at desc, l.turn
       limit $2`,
      [teamId, limit],
    );
    return rows.map((r) => ({
      typed: String(r.typed),
      scenarioId: String(r.scenario_id),
      suggested: String(r.suggested),
      choice: String(r.choice),
      corrected: r.corrected === true,
      unsure: r.unsure === true,
      traineeName: String(r.name),
      at: iso(r.created_at),
      count: num(r.count),
    }));
  }

  /** Sets (or, with no moves, removes) the label of a typed reply; returns the team's new version. */
  async setLabel(teamId: number, typed: string, moves: readonly string[], by: number): Promise<number> {
    const key = labelKey(typed);
    return this.db.transaction(async (tx) => {
      const [v] = await tx.query(
        `insert into team_own_words_versions (team_id, version) values ($1, 1)
         on conflict (team_id) do update set version = team_own_words_versions.version + 1 returning version`,
        [teamId],
      );
      const version = num(v.version);
      if (moves.length === 0) {
        await tx.query('delete from team_own_words_labels where team_id = $1 and key = $2', [teamId, key]);
      } else {
        await tx.query(
          `insert into team_own_words_labels (team_id, key, typed, moves, version, labelled_by) values ($1, $2, $3, $4::text[], $5, $6)
           on conflict (team_id, key) do update set typed = excluded.typed, moves = excluded.moves, version = excluded.version,
             labelled_by = excluded.labelled_by, labelled_at = now()`,
          [teamId, key, typed.trim(), [...moves], version, by],
        );
      }
      return version;
    });
  }

  async has(teamId: number, typed: string): Promise<boolean> {
    const rows = await this.db.query('select 1 from team_own_words_labels where team_id = $1 and key = $2', [teamId, labelKey(typed)]);
    return rows.length > 0;
  }

  async labelCount(teamId: number): Promise<number> {
    const [r] = await this.db.query('select count(*) as n from team_own_words_labels where team_id = $1', [teamId]);
    return num(r.n);
  }
}
