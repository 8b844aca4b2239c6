import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../src/engine/files.ts';
import { rankReplies } from '../../src/engine/tagger/nearest.ts';
import { createTagger } from '../../src/engine/tagger/tagger.ts';
import { loadShipped } from './support.ts';

const tagger = createTagger();
const ids = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

function nearest(typed: string, choices: Parameters<typeof rankReplies>[2]): string {
  const r = tagger.tag(typed);
  if (!r.ok) throw new Error(r.message);
  return rankReplies(typed, r, choices)[0].id;
}

describe('mapping a typed reply to the nearest authored reply', () => {
  it.each(ids)('%s: every authored reply, typed as written, maps to itself on its node', (id) => {
    const s = loadShipped(id);
    let checked = 0;
    for (const [nodeId, node] of Object.entries(s.nodes)) {
      for (const c of node.choices) {
        expect(nearest(c.text, node.choices), `${id}/${nodeId}/${c.id}`).toBe(c.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('own words map by the moves first: a paraphrase finds the reply making the same moves', () => {
    const s = loadShipped('hold-line');
    const choices = s.nodes.opening.choices;
    expect(nearest('Ugh, a whole hour and then cut off, that is maddening. I am so sorry, Jordan.', choices)).toBe('hour-gone');
    expect(nearest("Sorry you got cut off but that's your phone signal, our lines don't drop calls.", choices)).toBe('your-signal');
    expect(nearest('Thanks for your patience, how can I help you today?', choices)).toBe('how-can-i-help');
  });

  it('ranks every authored reply, best first, with scores between 0 and 1 + the wording weight', () => {
    const choices = loadShipped('hold-line').nodes.opening.choices;
    const r = tagger.tag('so sorry about the wait');
    if (!r.ok) throw new Error(r.message);
    const ranked = rankReplies('so sorry about the wait', r, choices);
    expect(ranked.map((x) => x.id).sort()).toEqual(choices.map((c) => c.id).sort());
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
  });
});
