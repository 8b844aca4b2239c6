// A scored conversation as rows a person reads: for each turn the customer's line, what the player
// answered (or that they stayed silent), how long they took, the moves, the satisfaction after it
// and the rubric feedback attached to that turn; then the ending. Built from the report replay()
// computes (or the JSON copy of it an attempt stores), so the attempts API and the trainer dashboard
// show the same rows. With the attempt's seed (src/engine/shuffle.ts) each row also says in which order
// the replies were shown and where the chosen one sat. Types only from the rest of the engine (and the
// pure shuffle): no zod, no Node, safe in the browser.
import type { ConversationReport } from './report.ts';
import type { Feedback } from './score.ts';
import type { Scenario } from './schema.ts';
import { displayedIds, isSeed } from './shuffle.ts';

/** A report as replay() returns it, or as read back from storage (JSON, possibly from an older engine). */
export type ReportLike = Partial<Pick<ConversationReport, 'turns' | 'feedback' | 'ending'>> | Record<string, unknown>;

type StoredTurn = Pick<ConversationReport['turns'][number], 'node' | 'choice' | 'moves' | 'seconds' | 'moodAfter'> & { patience?: unknown };

const listOf = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/**
 * The transcript of a report. Without the scenario (or a node, choice or ending it no longer has) the
 * rows keep the ids and numbers and the texts are null. The ending is null until the conversation ends.
 * `seed` is the attempt's reply-order seed; without one (attempts stored before seeds) `shown` and
 * `position` are null.
 */
export function buildTranscript(s: Scenario | undefined, report: ReportLike, seed?: number | null) {
  const r = report as Record<string, unknown>;
  const order = isSeed(seed) ? seed : null;
  const turns = listOf<StoredTurn>(r.turns);
  const feedback = listOf<Feedback>(r.feedback);
  const rows = turns.map((t, i) => {
    const node = s?.nodes[t.node];
    const choice = t.choice ? node?.choices.find((c) => c.id === t.choice) : undefined;
    const shown = order !== null && node ? displayedIds(node, t.node, order) : null;
    const at = shown && t.choice ? shown.indexOf(t.choice) : -1;
    return {
      turn: i,
      node: t.node,
      customer: node?.line ?? null,
      emotion: node?.emotion ?? null,
      choice: t.choice,
      player: t.choice ? (choice?.text ?? null) : null,
      /** The node's choice ids in the order this attempt showed them; null without a seed or the node. */
      shown,
      /** 1-based place of the chosen reply in `shown`; null without a seed, at a silence, or for a choice the node no longer has. */
      position: at >= 0 ? at + 1 : null,
      silence: t.choice === null,
      seconds: t.seconds,
      /** Seconds the customer would have waited; null in reports stored before turns recorded it. */
      patience: typeof t.patience === 'number' ? t.patience : null,
      moves: t.moves,
      satisfactionAfter: t.moodAfter,
      /** The rubric feedback that fired at this turn (end-of-conversation rules sit on the last turn). */
      feedback: feedback.filter((f) => f.turn === i),
    };
  });
  const endingId = typeof r.ending === 'string' ? r.ending : null;
  const ending = endingId !== null ? s?.endings[endingId] : undefined;
  return {
    rows,
    ending: endingId !== null && ending ? { id: endingId, outcome: ending.outcome, line: ending.line, summary: ending.summary } : null,
  };
}

export type Transcript = ReturnType<typeof buildTranscript>;
export type TranscriptRow = Transcript['rows'][number];
