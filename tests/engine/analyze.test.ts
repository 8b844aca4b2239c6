import { describe, expect, it } from 'vitest';
import { analyzeScenario, countWords, reachableIds, type Finding } from '../../src/engine/analyze.ts';
import { loadLibrary } from '../../src/engine/files.ts';
import { scenarioSchema, type Scenario } from '../../src/engine/schema.ts';

type NodeSpec = Record<string, { to: string | { if?: string; to: string }[]; text?: string; moves?: string[]; silence?: string }[]>;

/** A scenario from a compact map: node id -> its choices (target, optional text and moves). */
function scenario(nodes: NodeSpec, endings: Record<string, 'won-back' | 'lost' | 'went-public'> = { happy: 'won-back', gone: 'lost' }, start = 'opening'): Scenario {
  return scenarioSchema.parse({
    id: 'tiny',
    title: 'Tiny',
    setting: 'chat',
    difficulty: 'easy',
    company: 'Test Co',
    customer: { name: 'Pat', persona: 'voicer', mood: 30, patience: 30 },
    briefing: { who: 'Pat', mistake: 'Lost lamp', goal: 'Lamp found' },
    start,
    nodes: Object.fromEntries(
      Object.entries(nodes).map(([id, choices]) => [
        id,
        {
          line: `Line at ${id}.`,
          emotion: 'angry',
          choices: choices.map((c, i) => ({ id: `c${i}`, text: c.text ?? 'I am so sorry about all of this, Pat.', moves: c.moves ?? ['apologize'], next: c.to })),
          ...(choices.find((c) => c.silence) ? { silence: { next: choices.find((c) => c.silence)!.silence } } : {}),
        },
      ]),
    ),
    endings: Object.fromEntries(Object.entries(endings).map(([id, outcome]) => [id, { outcome, line: 'Bye.', emotion: 'calm', summary: 'Done.' }])),
  });
}

const kinds = (f: Finding[]) => f.map((x) => x.kind);
const of = (f: Finding[], kind: Finding['kind']) => f.filter((x) => x.kind === kind);

describe('analyzeScenario', () => {
  it('finds nothing in a small well-formed scenario', () => {
    expect(analyzeScenario(scenario({ opening: [{ to: 'happy' }, { to: 'gone' }] }))).toEqual([]);
  });

  it('finds nothing in any shipped scenario', () => {
    const lib = loadLibrary();
    expect(lib.scenarios.size).toBeGreaterThan(0);
    for (const s of lib.scenarios.values()) expect(analyzeScenario(s), s.id).toEqual([]);
  });

  describe('unreachable', () => {
    it('fires for a node and an ending no route leads to', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy' }, { to: 'gone' }], orphan: [{ to: 'happy' }] }, { happy: 'won-back', gone: 'lost', never: 'went-public' }));
      expect(of(f, 'unreachable').map((x) => x.path)).toEqual([['nodes', 'orphan'], ['endings', 'never']]);
    });

    it('does not fire for a node reached only through a conditional branch or a silence branch', () => {
      const f = analyzeScenario(
        scenario({
          opening: [{ to: [{ if: 'mood >= 60', to: 'happy' }, { to: 'side' }] }, { to: 'gone', silence: 'quiet' }],
          side: [{ to: 'happy' }],
          quiet: [{ to: 'gone' }],
        }),
      );
      expect(of(f, 'unreachable')).toEqual([]);
    });

    it('counts the walk-out ending as reachable from a node without a silence branch', () => {
      const s = scenario({ opening: [{ to: 'happy' }] }, { happy: 'won-back', walked: 'lost' });
      expect(reachableIds(s).has('walked')).toBe(true);
      expect(of(analyzeScenario(s), 'unreachable')).toEqual([]);
    });
  });

  describe('dead ends and loops without exit', () => {
    it('fires for a node whose every choice leads into a closed loop, and for the loop', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy' }, { to: 'hall' }], hall: [{ to: 'spin' }], spin: [{ to: 'spin' }] }));
      expect(of(f, 'dead-end').map((x) => x.path)).toEqual([['nodes', 'hall']]);
      expect(of(f, 'loop-without-exit').map((x) => x.path)).toEqual([['nodes', 'spin']]);
      expect(of(f, 'loop-without-exit')[0].message).toContain('"spin" only leads back to itself');
    });

    it('names every node of a closed loop once', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy' }, { to: 'a' }], a: [{ to: 'b' }], b: [{ to: 'c' }], c: [{ to: 'a' }] }));
      expect(kinds(f)).toEqual(['loop-without-exit']);
      expect(f[0].message).toContain('"a", "b", "c"');
    });

    it('does not fire for a loop with a way out to an ending', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'a' }], a: [{ to: 'b' }], b: [{ to: 'a' }, { to: [{ if: 'mood >= 50', to: 'happy' }, { to: 'a' }] }] }));
      expect(f).toEqual([]);
    });

    it('does not fire when the only way out is a silence branch', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'a' }], a: [{ to: 'a', silence: 'gone' }, { to: 'a' }] }, { gone: 'lost', happy: 'won-back' }));
      expect(of(f, 'loop-without-exit')).toEqual([]);
      expect(of(f, 'dead-end')).toEqual([]);
    });

    it('does not count the walk-out after ignoring the customer as a way out', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'opening' }] }, { happy: 'won-back', gone: 'lost' }));
      expect(kinds(f)).toContain('loop-without-exit');
    });
  });

  describe('text against moves', () => {
    it('fires for empty text', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy', text: '   ' }] }));
      expect(of(f, 'text-moves')).toEqual([expect.objectContaining({ path: ['nodes', 'opening', 'choices', 0, 'text'], message: expect.stringContaining('empty text') })]);
    });

    it('fires for fewer than two words per move', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy', text: 'So sorry - fixed.', moves: ['apologize', 'fix'] }] }));
      expect(of(f, 'text-moves')).toHaveLength(1);
      expect(of(f, 'text-moves')[0].message).toContain('3 word(s)');
    });

    it('does not fire at exactly two words per move', () => {
      const f = analyzeScenario(scenario({ opening: [{ to: 'happy', text: 'So sorry. Fixed now.', moves: ['apologize', 'fix'] }] }));
      expect(of(f, 'text-moves')).toEqual([]);
    });

    it('counts words, not punctuation', () => {
      expect(countWords('  Sorry - truly ... sorry!  ')).toBe(3);
      expect(countWords('(You nod.)')).toBe(2);
      expect(countWords('')).toBe(0);
    });
  });
});
