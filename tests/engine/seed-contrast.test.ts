import { describe, expect, it } from 'vitest';
import { emptyHistory, historyOf, react } from '../../src/engine/customer.ts';

// Seed principle: an apology together with a remedy lifts satisfaction far above the remedy alone.
describe('customer model: apology with remedy vs remedy alone', () => {
  const start = { mood: 15, patience: 30 };
  it('a remedy alone leaves satisfaction near 37%', () => {
    const after = react(start, ['fix'], 3, emptyHistory(), 'voicer');
    expect(after.mood).toBeGreaterThanOrEqual(35);
    expect(after.mood).toBeLessThanOrEqual(39);
  });
  it('the same remedy after an apology roughly doubles it, near 74%', () => {
    const afterApology = react(start, ['apologize'], 3, emptyHistory(), 'voicer');
    const after = react(afterApology, ['fix'], 3, historyOf([['apologize']]), 'voicer');
    expect(after.mood).toBeGreaterThanOrEqual(72);
    expect(after.mood).toBeLessThanOrEqual(76);
  });
});
