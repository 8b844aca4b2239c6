// Loads the own-words reader on first use, so the tagger's model is downloaded only by players who
// turned own-words mode on.
type Reader = typeof import('./understand.ts');

let reader: Promise<Reader> | undefined;

export function ownWordsReader(): Promise<Reader> {
  reader ??= import('./understand.ts');
  return reader;
}
