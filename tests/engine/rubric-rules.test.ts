// Every rubric rule, firing and not firing. The guard at the bottom fails when a rule is added to
// RULES without a row here, so no rule goes untested.
import { describe, expect, it } from 'vitest';
import { BASE, RULES, type RubricTurn } from '../../src/engine/rubric.ts';
import { scoreTurns, type ScoreOptions } from '../../src/engine/score.ts';
import type { TurnMove } from '../../src/engine/moves.ts';

/** A prompt turn (3 s of 30 s patience) making the given moves. */
const t = (...moves: TurnMove[]): RubricTurn => ({ moves, seconds: 3, patience: 30 });
const timed = (seconds: number, patience: number, ...moves: TurnMove[]): RubricTurn => ({ moves, seconds, patience });

interface Example {
  turns: RubricTurn[];
  options?: ScoreOptions;
}
interface Row {
  /** A transcript where the rule fires, and the index of the turn it must be attached to. */
  fires: Example & { at: number };
  /** Transcripts close to the firing one where it must not fire. */
  quiet: Example[];
}

const TABLE: Record<string, Row> = {
  // Empathy
  'feelings-first': {
    fires: { turns: [t('ask-clarifying'), t('acknowledge-feelings'), t('fix')], at: 1 },
    quiet: [
      { turns: [t('fix'), t('acknowledge-feelings')] },
      { turns: [t('fix', 'acknowledge-feelings')] },
      { turns: [t('offer-options'), t('acknowledge-feelings')] },
      // A perk before listening is a solution too: it does not earn "feelings first" afterwards.
      { turns: [t('above-and-beyond'), t('acknowledge-feelings'), t('fix')] },
      { turns: [t('above-and-beyond', 'acknowledge-feelings')] },
    ],
  },
  'feelings-late': {
    fires: { turns: [t('offer-options'), t('acknowledge-feelings')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('offer-options')] }, { turns: [t('offer-options')] }],
  },
  'solution-before-feelings': {
    fires: { turns: [t('fix', 'acknowledge-feelings')], at: 0 },
    quiet: [{ turns: [t('acknowledge-feelings', 'fix')] }, { turns: [t('acknowledge-feelings'), t('offer-options')] }],
  },
  listened: {
    fires: { turns: [t('acknowledge-feelings'), t('ask-clarifying')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('ask-what-they-want')] }],
  },
  'welcomed-complaint': {
    fires: { turns: [t('thank-for-complaint', 'apologize')], at: 0 },
    quiet: [{ turns: [t('apologize')] }],
  },
  argued: {
    fires: { turns: [t('acknowledge-feelings'), t('argue')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('explain-cause')] }],
  },
  dismissed: {
    fires: { turns: [t('dismiss')], at: 0 },
    quiet: [{ turns: [t('argue')] }],
  },
  platitude: {
    fires: { turns: [t('fix'), t('scripted-platitude')], at: 1 },
    quiet: [{ turns: [t('fix'), t('above-and-beyond')] }],
  },
  'fished-for-rating': {
    fires: { turns: [t('acknowledge-feelings', 'apologize', 'fix'), t('ask-for-rating')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings', 'apologize', 'fix'), t('thank-for-complaint')] }],
  },
  'left-in-silence': {
    fires: { turns: [t('apologize'), timed(20, 20, 'silence')], at: 1 },
    quiet: [{ turns: [t('apologize'), timed(19, 20, 'fix')] }],
  },
  'never-acknowledged': {
    fires: { turns: [t('apologize'), t('fix')], at: 1 },
    quiet: [{ turns: [t('apologize'), t('fix'), t('acknowledge-feelings')] }, { turns: [] }],
  },

  // Ownership
  apologized: {
    fires: { turns: [t('acknowledge-feelings'), t('apologize')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('own-it')] }],
  },
  'owned-it': {
    fires: { turns: [t('own-it')], at: 0 },
    quiet: [{ turns: [t('apologize')] }],
  },
  'concrete-options': {
    fires: { turns: [t('acknowledge-feelings'), t('offer-options')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('ask-what-they-want')] }],
  },
  fixed: {
    fires: { turns: [t('acknowledge-feelings'), t('fix')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('offer-options')] }],
  },
  'promise-made': {
    fires: { turns: [t('fix'), t('promise-followup')], at: 1 },
    quiet: [{ turns: [t('fix'), t('keep-promise')] }],
  },
  'promise-kept': {
    fires: { turns: [t('promise-followup'), t('keep-promise')], at: 1 },
    quiet: [{ turns: [t('keep-promise')] }, { turns: [t('promise-followup', 'keep-promise')] }, { turns: [t('keep-promise'), t('promise-followup')] }],
  },
  'blamed-someone': {
    fires: { turns: [t('apologize'), t('blame-other')], at: 1 },
    quiet: [{ turns: [t('apologize'), t('own-it')] }],
  },
  'apology-undone': {
    fires: { turns: [t('apologize'), t('blame-other')], at: 1 },
    quiet: [{ turns: [t('blame-other'), t('apologize')] }, { turns: [t('blame-other', 'apologize')] }, { turns: [t('apologize'), t('own-it')] }],
  },
  hedged: {
    fires: { turns: [t('acknowledge-feelings'), t('apologize', 'hedge')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('apologize', 'promise-followup')] }],
  },
  overpromised: {
    fires: { turns: [t('acknowledge-feelings', 'apologize'), t('overpromise')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings', 'apologize'), t('promise-followup')] }],
  },
  'made-excuses': {
    fires: { turns: [t('excuse')], at: 0 },
    quiet: [{ turns: [t('fix'), t('excuse')] }, { turns: [t('fix', 'excuse')] }],
  },
  'excuse-after-fix': {
    fires: { turns: [t('fix'), t('excuse')], at: 1 },
    quiet: [{ turns: [t('excuse')] }, { turns: [t('fix'), t('explain-cause')] }],
  },
  'passed-the-buck': {
    fires: { turns: [t('pass-the-buck')], at: 0 },
    quiet: [{ turns: [t('own-it')] }],
  },
  'bare-what-do-you-want': {
    fires: { turns: [t('acknowledge-feelings'), t('ask-what-they-want')], at: 1 },
    quiet: [{ turns: [t('offer-options'), t('ask-what-they-want')] }, { turns: [t('offer-options', 'ask-what-they-want')] }],
  },
  'never-apologized': {
    fires: { turns: [t('acknowledge-feelings'), t('fix')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('fix'), t('apologize')] }, { turns: [] }],
  },
  'promise-broken': {
    fires: { turns: [t('fix'), t('promise-followup')], options: { promiseCanBeKept: true }, at: 1 },
    quiet: [
      { turns: [t('fix'), t('promise-followup')], options: { promiseCanBeKept: false } },
      { turns: [t('fix'), t('promise-followup')] },
      { turns: [t('fix'), t('promise-followup'), t('keep-promise')], options: { promiseCanBeKept: true } },
      { turns: [t('fix')], options: { promiseCanBeKept: true } },
    ],
  },

  // Remedy timing
  'early-apology': {
    fires: { turns: [t('acknowledge-feelings'), t('apologize')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('ask-clarifying'), t('apologize')] }],
  },
  'late-apology': {
    fires: { turns: [t('acknowledge-feelings'), t('ask-clarifying'), t('apologize')], at: 2 },
    quiet: [{ turns: [t('apologize'), t('ask-clarifying'), t('apologize')] }, { turns: [t('acknowledge-feelings')] }],
  },
  'fix-after-listening': {
    fires: { turns: [t('acknowledge-feelings', 'fix')], at: 0 },
    quiet: [{ turns: [t('fix'), t('acknowledge-feelings')] }, { turns: [t('ask-clarifying'), t('fix')] }],
  },
  'explained-after-fix': {
    fires: { turns: [t('fix'), t('explain-cause')], at: 1 },
    quiet: [{ turns: [t('explain-cause'), t('fix')] }],
  },
  'explained-before-fix': {
    fires: { turns: [t('explain-cause'), t('fix')], at: 0 },
    quiet: [{ turns: [t('fix'), t('explain-cause')] }, { turns: [t('fix', 'explain-cause')] }],
  },
  'extra-after-fix': {
    fires: { turns: [t('fix'), t('above-and-beyond')], at: 1 },
    quiet: [{ turns: [t('above-and-beyond'), t('fix')] }],
  },
  'extra-as-bribe': {
    fires: { turns: [t('above-and-beyond'), t('fix')], at: 0 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('above-and-beyond')] }, { turns: [t('fix', 'above-and-beyond')] }],
  },
  'extra-before-fix': {
    fires: { turns: [t('acknowledge-feelings'), t('above-and-beyond'), t('fix')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('fix'), t('above-and-beyond')] }, { turns: [t('above-and-beyond'), t('fix')] }],
  },
  'followed-up': {
    fires: { turns: [t('promise-followup'), t('keep-promise')], at: 1 },
    quiet: [{ turns: [t('keep-promise')] }, { turns: [t('promise-followup', 'keep-promise')] }],
  },
  hesitated: {
    // Slow is more than 60% of the patience the customer had at that turn.
    fires: { turns: [t('apologize'), timed(18.5, 30, 'fix')], at: 1 },
    quiet: [{ turns: [t('apologize'), timed(18, 30, 'fix')] }, { turns: [t('apologize'), timed(30, 30, 'silence')] }],
  },
  'patience-ran-out': {
    fires: { turns: [timed(30, 30, 'silence')], at: 0 },
    quiet: [{ turns: [timed(29, 30, 'apologize')] }],
  },
  'never-remedied': {
    fires: { turns: [t('acknowledge-feelings'), t('apologize')], at: 1 },
    quiet: [{ turns: [t('acknowledge-feelings'), t('offer-options')] }, { turns: [t('fix')] }, { turns: [] }],
  },
};

const firedRules = (e: Example) => scoreTurns(e.turns, e.options).feedback.map((f) => f.rule);

describe('rubric rules fire when they should and only then', () => {
  for (const rule of RULES) {
    const row = TABLE[rule.id];
    if (!row) continue; // reported by the guard below
    describe(rule.id, () => {
      it('fires, at the turn that triggered it, with its dimension, points and feedback', () => {
        const report = scoreTurns(row.fires.turns, row.fires.options);
        const mine = report.feedback.filter((f) => f.rule === rule.id);
        expect(mine).toEqual([{ turn: row.fires.at, rule: rule.id, dimension: rule.dimension, points: rule.points, principle: rule.principle, text: rule.feedback }]);
        expect(rule.feedback.length).toBeGreaterThan(20);
      });

      it('moves its dimension by its points', () => {
        const report = scoreTurns(row.fires.turns, row.fires.options);
        const mine = report.feedback.filter((f) => f.dimension === rule.dimension).map((f) => f.points);
        const credits = BASE[rule.dimension] + mine.filter((p) => p > 0).reduce((a, b) => a + b, 0);
        const penalties = mine.filter((p) => p < 0).reduce((a, b) => a + b, 0);
        expect(report[rule.dimension]).toBe(Math.min(100, Math.max(0, Math.min(100, credits) + penalties)));
      });

      row.quiet.forEach((example, i) => {
        it(`does not fire (case ${i + 1}: ${example.turns.map((x) => `[${x.moves.join(' ')}]`).join(' ') || 'no turns'})`, () => {
          expect(firedRules(example)).not.toContain(rule.id);
        });
      });
    });
  }
});

describe('credits cap before penalties', () => {
  it('a blame after a perfect start still costs ownership', () => {
    const perfect = [t('acknowledge-feelings', 'apologize', 'own-it'), t('offer-options'), t('fix'), t('promise-followup'), t('keep-promise')];
    const clean = scoreTurns(perfect);
    const blamed = scoreTurns([...perfect, t('blame-other')]);
    expect(clean.ownership).toBe(100);
    // -30 for the blame, -10 because it came after the apology and takes it back.
    expect(blamed.ownership).toBe(60);
  });
});

describe('rule groups and repeats', () => {
  it('a grouped rule counts once, however often its move is made', () => {
    const rules = firedRules({ turns: [t('apologize'), t('apologize'), t('apologize')] });
    expect(rules.filter((r) => r === 'apologized')).toHaveLength(1);
    expect(rules.filter((r) => r === 'early-apology' || r === 'late-apology')).toEqual(['early-apology']);
  });

  it('an ungrouped anti-rule counts every time', () => {
    const rules = firedRules({ turns: [t('argue'), t('argue'), t('blame-other'), t('blame-other')] });
    expect(rules.filter((r) => r === 'argued')).toHaveLength(2);
    expect(rules.filter((r) => r === 'blamed-someone')).toHaveLength(2);
  });

  it('end rules attach to the last turn and do not fire for an empty transcript', () => {
    expect(scoreTurns([])).toEqual({ ...BASE, overall: Math.round((BASE.empathy + BASE.ownership + BASE.timing) / 3), feedback: [] });
  });

  it('scores stay within 0-100 when many anti-rules fire', () => {
    const awful = scoreTurns(Array.from({ length: 10 }, () => t('argue', 'dismiss', 'blame-other', 'pass-the-buck', 'explain-cause')));
    expect([awful.empathy, awful.ownership, awful.timing, awful.overall]).toEqual([0, 0, 0, 0]);
  });
});

describe('guard: the table covers the rubric', () => {
  it('every rule in RULES has a row (add one when you add a rule)', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !(id in TABLE));
    expect(missing).toEqual([]);
  });

  it('every row names a rule that exists', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(Object.keys(TABLE).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('rule ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
