// The skills a scenario exercises, read off its best-scoring route: the good moves an expert makes
// there, as the principles they practise, in the order they come up.
import { MOVE_INFO, isMove } from '../engine/moves.ts';
import type { Skill } from './types.ts';

export function skillsOf(turns: readonly { moves: readonly string[] }[]): Skill[] {
  const out: Skill[] = [];
  const principles = new Set<string>();
  for (const t of turns) {
    for (const m of t.moves) {
      if (!isMove(m) || MOVE_INFO[m].kind !== 'good') continue;
      const { principle } = MOVE_INFO[m];
      if (principles.has(principle)) continue;
      principles.add(principle);
      out.push({ move: m, principle });
    }
  }
  return out;
}
