// A reply the player typed in own-words mode: the words, the authored reply the game understood, the
// one the player confirmed (the only one the score uses), and whether the player corrected it.
export interface OwnWordsTurn {
  /** Index of the turn in the attempt's events. */
  turn: number;
  typed: string;
  /** The authored reply the tagger suggested first. */
  suggested: string;
  /** The authored reply the player confirmed: the event's choice. */
  choice: string;
  corrected: boolean;
}

export const MAX_TYPED_CHARS = 400;
