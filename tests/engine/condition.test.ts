// Branch conditions: the grammar, what each clause reads, and conditions that can never hold.
import { describe, expect, it } from 'vitest';
import { conditionHolds, neverHolds, parseCondition, CONDITION_PATTERN } from '../../src/engine/condition.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { replay } from '../../src/engine/replay.ts';
import type { TurnMove } from '../../src/engine/moves.ts';
import { readFileSync } from 'node:fs';
import { fixturePath } from './support.ts';

const state = (over: Partial<{ mood: number; patience: number; distrust: number; said: TurnMove[] }> = {}) => ({
  mood: over.mood ?? 50,
  patience: over.patience ?? 20,
  distrust: over.distrust ?? 0,
  said: new Set<TurnMove>(over.said ?? []),
});

describe('parseCondition', () => {
  it('reads comparisons, said and not said, joined by and', () => {
    const p = parseCondition('mood >= 60 and not said blame-other and distrust < 20');
    expect(p.ok && p.clauses).toEqual([
      { kind: 'compare', measure: 'mood', op: '>=', value: 60 },
      { kind: 'said', move: 'blame-other', negated: true },
      { kind: 'compare', measure: 'distrust', op: '<', value: 20 },
    ]);
  });
  it('rejects what is not a move, and what is not a clause', () => {
    expect(parseCondition('said teleport')).toMatchObject({ ok: false, message: expect.stringContaining('teleport') });
    expect(parseCondition('mood = 5').ok).toBe(false);
    expect(CONDITION_PATTERN.test('mood >= 60 or said argue')).toBe(false);
    expect(CONDITION_PATTERN.test('said argue and patience < 10')).toBe(true);
  });
});

describe('conditionHolds', () => {
  it('every clause must hold', () => {
    expect(conditionHolds('mood >= 60', state({ mood: 60 }))).toBe(true);
    expect(conditionHolds('mood >= 60 and said apologize', state({ mood: 70 }))).toBe(false);
    expect(conditionHolds('mood >= 60 and said apologize', state({ mood: 70, said: ['apologize'] }))).toBe(true);
    expect(conditionHolds('not said blame-other', state({ said: ['blame-other'] }))).toBe(false);
    expect(conditionHolds('distrust >= 20', state({ distrust: 25 }))).toBe(true);
  });
  it('knows a comparison outside its range can never hold', () => {
    expect(neverHolds('mood >= 101')).toBe(true);
    expect(neverHolds('distrust < 0')).toBe(true);
    expect(neverHolds('mood >= 100')).toBe(false);
    expect(neverHolds('said argue')).toBe(false);
  });
});

describe('conditions in a scenario', () => {
  const base = readFileSync(fixturePath('mini.yaml'), 'utf8');

  it('the loader refuses a condition naming an unknown move, with its line', () => {
    const text = base.replace(/next: (\S+)\n/, 'next:\n          - { if: "said apologise", to: $1 }\n          - { to: $1 }\n');
    const r = parseScenario(text, 'mini.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join('\n')).toMatch(/apologise/);
  });

  it('a branch can read what was said earlier, not only the mood', () => {
    const r = parseScenario(base, 'mini.yaml');
    if (!r.ok) throw new Error('mini fixture invalid');
    const s = r.scenario;
    // Send every choice at the start node to one of two endings by whether an apology was ever made.
    const [won, other] = [Object.keys(s.endings).find((id) => s.endings[id].outcome === 'won-back')!, Object.keys(s.endings).find((id) => s.endings[id].outcome !== 'won-back')!];
    for (const c of s.nodes[s.start].choices) c.next = [{ if: 'said apologize', to: won }, { to: other }];
    const sorry = s.nodes[s.start].choices.find((c) => c.moves.includes('apologize'));
    const notSorry = s.nodes[s.start].choices.find((c) => !c.moves.includes('apologize'));
    expect(sorry && notSorry).toBeTruthy();
    const a = replay(s, [{ type: 'player.choose', choice: sorry!.id, seconds: 3 }]);
    const b = replay(s, [{ type: 'player.choose', choice: notSorry!.id, seconds: 3 }]);
    expect(a.ok && a.context.ending).toBe(won);
    expect(b.ok && b.context.ending).toBe(other);
  });
});
