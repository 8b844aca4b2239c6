// Own-words mode's reading of a typed reply: the tagger's moves, then the authored replies of this
// turn ranked nearest first. Loaded on its own (import() from own-words.ts), only in own-words mode:
// it carries the tagger's language model.
import type { Move } from '../engine/moves.ts';
import { rankReplies, type AuthoredReply } from '../engine/tagger/nearest.ts';
import { createTagger, type Tagger } from '../engine/tagger/tagger.ts';

export type Understood = { ok: true; ranked: string[]; moves: Move[]; unsure: boolean } | { ok: false; message: string };

let tagger: Tagger | undefined;

export function understand(typed: string, replies: readonly AuthoredReply[]): Understood {
  tagger ??= createTagger();
  const r = tagger.tag(typed);
  if (!r.ok) return { ok: false, message: r.message };
  return { ok: true, ranked: rankReplies(typed, r, replies).map((x) => x.id), moves: r.moves, unsure: r.unsure };
}
