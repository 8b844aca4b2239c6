import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/game/options.ts';

describe('URL options', () => {
  it('reads patienceScale and typing', () => {
    expect(parseOptions('?patienceScale=0.1&typing=instant')).toEqual({ patienceScale: 0.1, instantText: true, preview: null });
    expect(parseOptions('')).toEqual({ patienceScale: 1, instantText: false, preview: null });
    expect(parseOptions('?preview=my-draft').preview).toBe('my-draft');
    expect(parseOptions('?patienceScale=-3').patienceScale).toBe(1);
    expect(parseOptions('?patienceScale=abc').patienceScale).toBe(1);
  });
});
