import { describe, expect, it } from 'vitest';
import { nameplateCaption } from '../../src/game/nameplate.ts';

describe('nameplate caption', () => {
  it('says where you stand in face-to-face settings', () => {
    expect(nameplateCaption('airport-gate', 'Northway Airlines')).toBe('at the Northway Airlines gate');
    expect(nameplateCaption('clinic-desk', 'Riverside Health Centre')).toBe('at the Riverside Health Centre front desk');
  });
  it('keeps the phone-line wording elsewhere', () => {
    expect(nameplateCaption('call-centre', 'Brightwater Energy')).toBe('on the line with Brightwater Energy');
  });
});
