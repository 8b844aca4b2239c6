// What the tagger refuses to guess at, with a message the player can act on.
export const MAX_REPLY_CHARS = 400;

export type Refusal = { ok: false; reason: 'empty' | 'too-long' | 'not-english'; message: string };

// Common function words of other languages the players might type in; English ones are counted by
// the model's stop-word list.
const FOREIGN = new Set(
  'der die das und ist nicht ich sie wir ein eine le la les et est pas je nous vous une des el los las y es no yo usted que por para una het een niet ik wij jij och att inte jag det non sono il di che per lo gli mi'.split(' '),
);

export function refuse(text: string, englishStopWords: number, words: readonly string[]): Refusal | undefined {
  const t = text.trim();
  if (!t) return { ok: false, reason: 'empty', message: 'Type a reply first: the customer is waiting for what you say.' };
  if (t.length > MAX_REPLY_CHARS) {
    return { ok: false, reason: 'too-long', message: `That reply is ${t.length} characters; keep it under ${MAX_REPLY_CHARS}, as you would on the phone.` };
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  const latin = letters.replace(/[^a-zA-Z\u00c0-\u024f]/g, '');
  const foreign = words.filter((w) => FOREIGN.has(w)).length;
  if (!letters.length || latin.length < letters.length * 0.7 || (words.length >= 3 && foreign > englishStopWords)) {
    return { ok: false, reason: 'not-english', message: 'Replies are understood in English only; please type your reply in English.' };
  }
  return undefined;
}
