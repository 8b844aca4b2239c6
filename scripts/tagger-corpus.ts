// The tagger's training replies: every shipped scenario's authored replies plus the hand-written
// examples in src/engine/tagger/examples/*.tsv. Never the held-out set in tests/fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isMove } from '../src/engine/moves.ts';
import { parseExamples, type Example } from '../src/engine/tagger/model.ts';

export const root = join(import.meta.dirname, '..');

export function scenarioReplies(): Example[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().flatMap((file) => {
    const s = parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Record<string, { choices?: Array<{ text: string; moves: string[] }> }> };
    return Object.values(s.nodes).flatMap((n) => (n.choices ?? []).map((c) => ({ text: String(c.text).replace(/\s+/g, ' ').trim(), moves: c.moves.filter(isMove) })));
  });
}

export function ownExamples(): Example[] {
  const dir = join(root, 'src/engine/tagger/examples');
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().flatMap((f) => parseExamples(readFileSync(join(dir, f), 'utf8'), f));
}
