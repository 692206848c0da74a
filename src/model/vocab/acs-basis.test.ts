import { describe, expect, it } from 'vitest';
import { ACS_1997, acsGroup } from './acs-basis.js';
import { deriveRaceEthnicity } from './race-ethnicity.js';

const acs = (raceCodes: string[], ethnicityCodes: string[], combinedQuestion = false) => {
  const r = deriveRaceEthnicity({ raceCodes, ethnicityCodes });
  return acsGroup(r.race, r.ethnicity, { combinedQuestion });
};

describe('acsGroup — docs/data-standards.md §2 rule 5', () => {
  it('Hispanic first, whatever the race', () => {
    expect(acs(['2054-5'], ['2135-2'])).toBe(ACS_1997.hispanic);
    expect(acs(['2054-5', '2106-3'], ['2148-5'])).toBe(ACS_1997.hispanic);
  });
  it('then non-Hispanic race alone; MENA stays in White; several races → two or more', () => {
    expect(acs(['2106-3'], ['2186-5'])).toBe(ACS_1997.white);
    expect(acs(['2123-8'], ['2186-5'])).toBe(ACS_1997.white);
    expect(acs(['2054-5'], ['2186-5'])).toBe(ACS_1997.black);
    expect(acs(['2054-5', '2106-3'], ['2186-5'])).toBe(ACS_1997.multiple);
    expect(acs(['2131-1'], ['2186-5'])).toBe(ACS_1997.other);
  });
  it('does not impute a missing ethnicity, unless the source asked one combined question', () => {
    expect(acs(['2106-3'], [])).toBe('Missing');
    expect(acs(['2106-3'], ['UNK'])).toBe('Unknown');
    expect(acs(['2106-3'], [], true)).toBe(ACS_1997.white);
    expect(acs(['ASKU'], ['2186-5'])).toBe('Declined');
  });
});
