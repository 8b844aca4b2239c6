import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, parseCsv, toCsv } from '../../src/shared/csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and ends rows with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null, undefined, true]])).toBe('a,"b,c","say ""hi""","two\nlines",3,,,true\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '=HYPERLINK("http://x","y")']) {
      expect(csvField(danger).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Ann-Marie')).toBe('Ann-Marie');
  });

  it('parses what it writes back to the same cells (apart from the formula guard)', () => {
    const safe = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('skips a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
