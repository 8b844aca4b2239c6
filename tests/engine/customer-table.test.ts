// docs/customer-model.md is generated from the customer model; it must match what the code does now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerModelMarkdown } from '../../src/engine/customer-table.ts';
import { reactTo, emptyHistory } from '../../src/engine/customer.ts';

describe('docs/customer-model.md', () => {
  it('is what `npm run docs:customer` writes from the code (re-run it after changing customer.ts)', () => {
    expect(readFileSync('docs/customer-model.md', 'utf8')).toBe(customerModelMarkdown());
  });
  it('shows the numbers the model uses', () => {
    const row = customerModelMarkdown().split('\n').find((l) => l.startsWith('| `argue` |'))!;
    expect(row).toContain(`| ${reactTo('argue', emptyHistory()).mood} |`);
  });
});
