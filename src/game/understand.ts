// Own-words mode's reading of a typed reply: the tagger's moves, then the authored replies of this
// turn ranked nearest first. Loaded on its own (import() from own-words.ts), only in own-words mode:
// it carries the tagger's language model. A team's labelled replies (fetched by online.ts) override it.
import type { Move } from '../engine/moves.ts';
import { rankReplies, type AuthoredReply } from '../engine/tagger/nearest.ts';
import { createTagger, type Tagger, type TeamExample } from '../engine/tagger/tagger.ts';
import { isMove } from '../engine/moves.ts';
import type { TeamExamplesJson } from '../shared/own-words.ts';

export type Understood = { ok: true; ranked: string[]; moves: Move[]; unsure: boolean } | { ok: false; message: string };

let tagger: Tagger | undefined;
/** The team labels version the tagger was made with (a new version makes a new tagger). */
let made = -1;

function teamExamples(team: TeamExamplesJson): TeamExample[] {
  return team.examples.map((e) => ({ text: e.text, moves: e.moves.filter(isMove) })).filter((e) => e.moves.length > 0);
}

/** team: the replies the team's trainer labelled; they decide for replies close to them. */
export function understand(typed: string, replies: readonly AuthoredReply[], team: TeamExamplesJson = { version: 0, examples: [] }): Understood {
  if (!tagger || made !== team.version) {
    tagger = createTagger({ team: teamExamples(team) });
    made = team.version;
  }
  const r = tagger.tag(typed);
  if (!r.ok) return { ok: false, message: r.message };
  return { ok: true, ranked: rankReplies(typed, r, replies).map((x) => x.id), moves: r.moves, unsure: r.unsure };
}
