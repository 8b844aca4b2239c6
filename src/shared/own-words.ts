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
  /** The tagger was unsure of the typed words (absent in attempts stored before it was kept). */
  unsure?: boolean;
}

export const MAX_TYPED_CHARS = 400;

/** A typed reply the trainer may label: the tagger was unsure of it, or the player corrected it. */
export interface UnsureReplyJson {
  typed: string;
  scenarioId: string;
  suggested: string;
  choice: string;
  corrected: boolean;
  unsure: boolean;
  traineeName: string;
  at: string;
  /** How many times it was typed in the team (the same words, trimmed and lower-cased). */
  count: number;
}

/** A reply a trainer labelled with the moves it makes, for their team's tagger. */
export interface LabelJson {
  typed: string;
  moves: string[];
  version: number;
  labelledAt: string;
}

export interface UnsureListJson {
  /** The team's labels version: raised by every change. */
  version: number;
  unsure: UnsureReplyJson[];
  labels: LabelJson[];
}

/** What the game fetches for the tagger: the team's labelled replies and their version. */
export interface TeamExamplesJson {
  version: number;
  examples: { text: string; moves: string[] }[];
}

export const MAX_LABELS = 500;
