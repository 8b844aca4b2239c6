// The replies typed in own-words mode (migrations/104_own_words.sql, unsure from 105), by attempt and turn.
import type { OwnWordsTurn } from '../../shared/own-words.ts';
import type { Queryable } from './db.ts';

interface Row extends Record<string, unknown> {
  attempt_id: string | number;
  turn: number;
  typed: string;
  suggested: string;
  choice: string;
  corrected: boolean;
  unsure: boolean;
}

export class OwnWordsStore {
  constructor(readonly db: Queryable) {}

  /** Stores an attempt's typed replies once; a resend of the same attempt changes nothing. */
  async save(attemptId: number, turns: readonly OwnWordsTurn[]): Promise<void> {
    for (const t of turns) {
      await this.db.query(
        `insert into attempt_own_words (attempt_id, turn, typed, suggested, choice, corrected, unsure) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (attempt_id, turn) do nothing`,
        [attemptId, t.turn, t.typed, t.suggested, t.choice, t.corrected, t.unsure === true],
      );
    }
  }

  async of(attemptIds: readonly number[]): Promise<Map<number, OwnWordsTurn[]>> {
    const out = new Map<number, OwnWordsTurn[]>();
    if (!attemptIds.length) return out;
    const rows = await this.db.query<Row>('select * from attempt_own_words where attempt_id = any($1::bigint[]) order by attempt_id, turn', [attemptIds]);
    for (const r of rows) {
      const id = Number(r.attempt_id);
      const list = out.get(id) ?? [];
      list.push({ turn: Number(r.turn), typed: r.typed, suggested: r.suggested, choice: r.choice, corrected: r.corrected, ...(r.unsure ? { unsure: true } : {}) });
      out.set(id, list);
    }
    return out;
  }
}
