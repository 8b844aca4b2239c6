// "Did you mean …?" for scenario authors: the closest allowed name to a misspelt one.

/** Lower case, with spaces and underscores read as hyphens, so "Apologize" and "own_it" still match. */
function normalize(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
 * letters as one edit (optimal string alignment), so "clam" is one edit from "calm".
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The allowed names `input` is most likely a misspelling of: those within a few edits (about one
 * in three letters, at most three), or else the only one that contains it ("feelings" for
 * "acknowledge-feelings"). Empty when nothing is close; several only when they are equally close.
 */
export function closest(input: string, candidates: readonly string[]): string[] {
  const word = normalize(input);
  if (!word || candidates.includes(input)) return [];
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word, normalize(c));
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(word.length, c.length) / 3)));
    if (dist > limit) continue;
    if (dist < bestDistance) [best, bestDistance] = [[c], dist];
    else if (dist === bestDistance) best.push(c);
  }
  if (best.length) return best;
  const containing = word.length >= 4 ? candidates.filter((c) => normalize(c).includes(word)) : [];
  return containing.length === 1 ? containing : [];
}

/** ` did you mean "apologize"?` (with a leading space), or '' when no allowed name is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const names = closest(input, candidates).slice(0, 3).map((c) => `"${c}"`);
  if (!names.length) return '';
  return ` did you mean ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]}?`;
}
