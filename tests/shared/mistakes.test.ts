import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { brokenRules, choiceKind, decisions, nodeOrder } from '../../src/shared/mistakes.ts';
import { skillsOf } from '../../src/shared/skills.ts';

const s = loadLibrary().scenarios.get('trophy-room')!;

describe('common mistakes', () => {
  it('keeps only rules that cost points, most widespread first', () => {
    const out = brokenRules([
      { rule: 'apologized', count: 9, attempts: 9, trainees: 4 },
      { rule: 'argued', count: 5, attempts: 3, trainees: 2 },
      { rule: 'never-apologized', count: 4, attempts: 4, trainees: 3 },
      { rule: 'blamed-someone', count: 4, attempts: 4, trainees: 1 },
    ]);
    expect(out.map((r) => r.rule)).toEqual(['blamed-someone', 'never-apologized', 'argued']);
    expect(out[0]).toMatchObject({ principle: "Don't pass the buck", dimension: 'ownership', points: -30, feedback: expect.stringMatching(/Blaming/) });
  });

  it('names a line by its moves: good, weak, anti, or good and anti at once', () => {
    expect(choiceKind(['acknowledge-feelings', 'apologize'])).toBe('good');
    expect(choiceKind(['ask-what-they-want'])).toBe('weak');
    expect(choiceKind(['argue'])).toBe('anti');
    expect(choiceKind(['apologize', 'blame-other'])).toBe('mixed');
  });

  it('orders decisions as a conversation meets them and lists every choice, most picked first', () => {
    const order = nodeOrder(s);
    expect(order[0]).toBe(s.start);
    expect(new Set(order)).toEqual(new Set(Object.keys(s.nodes)));

    const start = s.nodes[s.start];
    const [first, second] = start.choices;
    const later = order[1];
    const out = decisions(
      s,
      [
        { node: later, choice: s.nodes[later].choices[0].id, count: 1, trainees: 1 },
        { node: s.start, choice: second.id, count: 3, trainees: 2 },
        { node: s.start, choice: first.id, count: 1, trainees: 1 },
        { node: s.start, choice: null, count: 1, trainees: 1 },
        { node: 'removed-since', choice: 'x', count: 2, trainees: 1 },
      ],
      new Set([`${s.start}:${first.id}`]),
      [
        { node: s.start, choice: second.id, rule: 'argued', count: 3 },
        { node: s.start, choice: second.id, rule: 'never-apologized', count: 1 },
        { node: s.start, choice: second.id, rule: 'apologized', count: 1 },
      ],
    );
    expect(out.map((d) => d.node)).toEqual([s.start, later]);
    const d = out[0];
    expect(d).toMatchObject({ reached: 5, line: start.line, emotion: start.emotion });
    expect(d.choices.map((c) => [c.id, c.count])).toEqual([
      [second.id, 3],
      [first.id, 1],
      [null, 1],
      ...start.choices.slice(2).map((c) => [c.id, 0]),
    ]);
    expect(d.choices[0]).toMatchObject({ share: 0.6, trainees: 2, best: false, text: second.text });
    expect(d.choices[1].best).toBe(true);
    // Only turn rules that cost points: the end-of-conversation rule and the credit are left out.
    expect(d.choices[0].costs).toEqual([{ rule: 'argued', principle: 'See it through their eyes', points: -25, count: 3 }]);
    expect(d.choices[1].costs).toEqual([]);
    expect(d.choices[2]).toMatchObject({ kind: 'silence', moves: ['silence'] });
  });

  it("derives a scenario's skills from the good moves on its best route, once per principle", () => {
    const best = summarizeRoutes(s)!.best;
    const skills = skillsOf(best.report.turns);
    expect(skills[0]).toEqual({ move: 'acknowledge-feelings', principle: 'Feelings before solutions' });
    expect(new Set(skills.map((k) => k.principle)).size).toBe(skills.length);
    expect(skills.map((k) => k.move)).not.toContain('argue');
    expect(skillsOf([{ moves: ['argue', 'silence', 'dismiss'] }])).toEqual([]);
  });
});
