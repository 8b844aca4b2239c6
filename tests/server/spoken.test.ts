// Numbers, money and times in voice lines, as a person reads them (server/media/spoken.ts).
import { describe, expect, it } from 'vitest';
import { numberWords, ordinalWords, spokenText } from '../../src/server/media/spoken.ts';

describe('spoken text', () => {
  it('writes whole numbers out in British English', () => {
    expect(numberWords(0)).toBe('zero');
    expect(numberWords(13)).toBe('thirteen');
    expect(numberWords(25)).toBe('twenty-five');
    expect(numberWords(100)).toBe('one hundred');
    expect(numberWords(101)).toBe('one hundred and one');
    expect(numberWords(1005)).toBe('one thousand and five');
    expect(numberWords(1250)).toBe('one thousand two hundred and fifty');
    expect(numberWords(2_000_040)).toBe('two million and forty');
    expect(ordinalWords(7)).toBe('seventh');
    expect(ordinalWords(21)).toBe('twenty-first');
    expect(ordinalWords(40)).toBe('fortieth');
    expect(ordinalWords(12)).toBe('twelfth');
  });

  it('reads money as amounts with their unit', () => {
    expect(spokenText('That is £25, please.')).toBe('That is twenty-five pounds, please.');
    expect(spokenText('£1,250.50 was taken')).toBe('one thousand two hundred and fifty pounds fifty was taken');
    expect(spokenText('£1')).toBe('one pound');
    expect(spokenText('a £0.50 fee')).toBe('a fifty pence fee');
    expect(spokenText('$3.99 and €10')).toBe('three dollars ninety-nine and ten euros');
    expect(spokenText('a £2k bill')).toBe('a two thousand pounds bill');
  });

  it('reads times, ordinals, percentages and plain numbers', () => {
    expect(spokenText('at 3:30pm')).toBe('at three thirty p m');
    expect(spokenText('by 9am')).toBe('by nine a m');
    expect(spokenText('at 14:05')).toBe('at fourteen oh five');
    expect(spokenText('at 10:00')).toBe("at ten o'clock");
    expect(spokenText('Rosa is 7 on the 7th')).toBe('Rosa is seven on the seventh');
    expect(spokenText('a 15% discount')).toBe('a fifteen percent discount');
    expect(spokenText('2.5 hours for 1,200 people')).toBe('two point five hours for one thousand two hundred people');
    expect(spokenText('No numbers here - none.')).toBe('No numbers here - none.');
  });
});
