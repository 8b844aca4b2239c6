// Options from the page URL, for demos and tests:
//   ?patienceScale=0.1   patience drains ten times faster (real seconds per game second); answers are
//                        still recorded in game seconds, so scores are unchanged in meaning.
//   ?typing=instant      lines appear at once instead of being typed out.
//   ?preview=<id>        a trainer plays a studio draft (see preview.ts); nothing is recorded.
export interface GameOptions {
  patienceScale: number;
  instantText: boolean;
  preview: string | null;
}

export function parseOptions(search: string): GameOptions {
  const q = new URLSearchParams(search);
  const scale = Number(q.get('patienceScale'));
  return {
    patienceScale: Number.isFinite(scale) && scale > 0 && scale <= 10 ? scale : 1,
    instantText: q.get('typing') === 'instant',
    preview: q.get('preview') || null,
  };
}
