import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETHNICITY_1997, RACE_1997, RACE_ETHNICITY_2024 } from '../categories.js';
import { STATUSES } from '../status.js';
import { CDC_ETHNICITY_CODES, CDC_RACE_CODES, rollupCdcCode } from './race-codes.js';
import { deriveRaceEthnicity, raceEthnicityCategories } from './race-ethnicity.js';

const d = (raceCodes: string[], ethnicityCodes: string[] = [], extra = {}) =>
  deriveRaceEthnicity({ raceCodes, ethnicityCodes, ...extra });

describe('CDCREC rollup table', () => {
  it('every named code has a valid check digit and rolls up', () => {
    for (const code of [...Object.keys(CDC_RACE_CODES), ...Object.keys(CDC_ETHNICITY_CODES)]) {
      expect(rollupCdcCode(code), code).not.toBeNull();
    }
  });
  it('rolls up detailed codes that are not named, by range', () => {
    // 1640-3 Shoshone-Paiute? any AIAN tribe code; 2026-3 Unga is the last AIAN code.
    expect(rollupCdcCode('2026-3')).toMatchObject({ kind: 'race', race: 'aian' });
    expect(rollupCdcCode('1011-6')).toMatchObject({ kind: 'race', race: 'aian' }); // Chiricahua
    expect(rollupCdcCode('2500-7')).toMatchObject({ kind: 'race', race: 'nhpi' });
    expect(rollupCdcCode('2146-9')).toMatchObject({ kind: 'ethnicity', ethnicity: 'hispanic' }); // Spanish Basque
  });
  it('rejects a bad check digit and codes outside every range', () => {
    expect(rollupCdcCode('2054-4')).toBeNull();
    expect(rollupCdcCode('9999-9')).toBeNull();
    expect(rollupCdcCode('white')).toBeNull();
    expect(rollupCdcCode('urn:oid:2.16.840.1.113883.6.238|2054-5')).toMatchObject({ race: 'black' });
  });
});

describe('deriveRaceEthnicity — docs/data-standards.md §2', () => {
  it('rule 1: Hispanic (2135-2 or a detailed code) is a category, and races alongside it are kept', () => {
    expect(d([], ['2135-2'])).toMatchObject({
      ethnicity: ETHNICITY_1997.hispanic,
      race_ethnicity: RACE_ETHNICITY_2024.hispanic,
      race: 'Missing',
    });
    expect(d([], ['2148-5']).ethnicity).toBe(ETHNICITY_1997.hispanic); // Mexican
    expect(d([], ['2180-8']).race_ethnicity).toBe(RACE_ETHNICITY_2024.hispanic); // Puerto Rican
    const hw = d(['2106-3'], ['2135-2']);
    expect(hw).toMatchObject({
      race: RACE_1997.white,
      ethnicity: ETHNICITY_1997.hispanic,
      race_ethnicity: RACE_ETHNICITY_2024.multiple,
    });
    expect(hw.categories).toEqual([RACE_ETHNICITY_2024.hispanic, RACE_ETHNICITY_2024.white]);
    expect(d(['2106-3'], ['2186-5']).ethnicity).toBe(ETHNICITY_1997.notHispanic);
  });

  it('rule 2: each OMB race category maps to its 2024 category', () => {
    const cases: [string, string, string][] = [
      ['1002-5', RACE_1997.aian, RACE_ETHNICITY_2024.aian],
      ['2028-9', RACE_1997.asian, RACE_ETHNICITY_2024.asian],
      ['2054-5', RACE_1997.black, RACE_ETHNICITY_2024.black],
      ['2076-8', RACE_1997.nhpi, RACE_ETHNICITY_2024.nhpi],
      ['2106-3', RACE_1997.white, RACE_ETHNICITY_2024.white],
    ];
    for (const [code, r97, r24] of cases) {
      expect(d([code], ['2186-5']), code).toMatchObject({ race: r97, race_ethnicity: r24 });
    }
  });

  it('rule 2: detailed codes roll up (Chinese → Asian, Jamaican → Black, Samoan → NHPI, Navajo → AIAN)', () => {
    expect(d(['2034-7']).race_ethnicity).toBe(RACE_ETHNICITY_2024.asian);
    expect(d(['2072-7']).race).toBe(RACE_1997.black);
    expect(d(['2080-0']).race).toBe(RACE_1997.nhpi);
    expect(d(['1328-4']).race).toBe(RACE_1997.aian);
    expect(d(['2034-7', '2039-6']).race_ethnicity).toBe(RACE_ETHNICITY_2024.asian); // two Asian details: one
  });

  it('rule 2: White with only MENA detail is MENA (2024) and White (1997)', () => {
    for (const code of ['2118-8', '2119-6', '2120-4', '2121-2', '2122-0', '2123-8', '2124-6', '2125-3']) {
      expect(d(['2106-3', code]), code).toMatchObject({
        race: RACE_1997.white,
        race_ethnicity: RACE_ETHNICITY_2024.mena,
      });
    }
    expect(d(['2129-5']).race_ethnicity).toBe(RACE_ETHNICITY_2024.mena); // Arab
    expect(d(['2126-1', '2127-9']).race_ethnicity).toBe(RACE_ETHNICITY_2024.mena);
  });

  it('rule 2: European and MENA detail together emit both (multiple)', () => {
    const r = d(['2106-3', '2112-1', '2123-8']);
    expect(r.race).toBe(RACE_1997.white);
    expect(r.race_ethnicity).toBe(RACE_ETHNICITY_2024.multiple);
    expect(r.categories).toEqual([RACE_ETHNICITY_2024.mena, RACE_ETHNICITY_2024.white]);
    expect(d(['2106-3']).race_ethnicity).toBe(RACE_ETHNICITY_2024.white);
    expect(d(['2106-3', '2113-9']).race_ethnicity).toBe(RACE_ETHNICITY_2024.white); // Irish
  });

  it('rule 3: several categories → multiple, keeping the list', () => {
    const r = d(['2054-5', '2106-3'], ['2186-5']);
    expect(r).toMatchObject({ race: RACE_1997.multiple, race_ethnicity: RACE_ETHNICITY_2024.multiple });
    expect(raceEthnicityCategories({ raceCodes: ['2106-3', '2054-5'], ethnicityCodes: [] })).toEqual([
      RACE_ETHNICITY_2024.black,
      RACE_ETHNICITY_2024.white,
    ]);
    expect(d(['2054-5', '2034-7'], ['2135-2']).categories).toHaveLength(3);
  });

  it('rule 4: Other race stays a known group; UNK, ASKU and nothing are statuses', () => {
    expect(d(['2131-1'])).toMatchObject({ race: RACE_1997.other, race_ethnicity: RACE_ETHNICITY_2024.other });
    expect(d(['2131-1', '2106-3']).race_ethnicity).toBe(RACE_ETHNICITY_2024.multiple);
    expect(d(['2131-1'], ['2135-2'])).toMatchObject({
      race: RACE_1997.other,
      ethnicity: ETHNICITY_1997.hispanic,
      race_ethnicity: RACE_ETHNICITY_2024.hispanic,
    });
    expect(d(['UNK'], ['UNK'])).toMatchObject({
      race: 'Unknown',
      ethnicity: 'Unknown',
      race_ethnicity: 'Unknown',
    });
    expect(d(['ASKU'], ['ASKU'])).toMatchObject({
      race: 'Declined',
      ethnicity: 'Declined',
      race_ethnicity: 'Declined',
    });
    expect(d([], [])).toMatchObject({ race: 'Missing', ethnicity: 'Missing', race_ethnicity: 'Missing' });
    expect(d([], [], { status: 'Declined' }).race_ethnicity).toBe('Declined');
    expect(d(['declined'], ['2186-5']).race_ethnicity).toBe('Declined');
    expect(d([], ['ASKU']).race_ethnicity).toBe('Declined'); // race missing, ethnicity declined
    expect(d([], ['2186-5']).race_ethnicity).toBe('Missing'); // not Hispanic says nothing about race
    expect(d(['UNK', '2054-5']).race).toBe(RACE_1997.black); // a code beats a null flavor
  });

  it('UCI "Hispanic" in a race field: 1997 race Unknown, ethnicity Hispanic, 2024 Hispanic', () => {
    expect(d(['2135-2'])).toMatchObject({
      race: 'Unknown',
      ethnicity: ETHNICITY_1997.hispanic,
      race_ethnicity: RACE_ETHNICITY_2024.hispanic,
    });
  });

  it('reports codes it does not know and treats them as Unknown', () => {
    const r = d(['9999-9', 'XYZ']);
    expect(r.unmapped).toEqual(['9999-9', 'XYZ']);
    expect(r.race).toBe('Unknown');
    expect(r.race_ethnicity).toBe('Unknown');
  });

  it('accepts category keys and labels as aliases', () => {
    expect(d(['white', 'mena']).race_ethnicity).toBe(RACE_ETHNICITY_2024.mena);
    expect(d(['Black or African American'], ['hispanic']).race_ethnicity).toBe(RACE_ETHNICITY_2024.multiple);
    expect(d(['Caucasian']).race).toBe(RACE_1997.white);
    expect(d(['OTH']).race_ethnicity).toBe(RACE_ETHNICITY_2024.other);
    expect(d(['AfricanAmerican']).race).toBe(RACE_1997.black);
    expect(d(['Hispanic'])).toMatchObject({ race: 'Unknown', race_ethnicity: RACE_ETHNICITY_2024.hispanic });
  });
});

describe('deriveRaceEthnicity — properties', () => {
  const known = [...Object.keys(CDC_RACE_CODES), ...Object.keys(CDC_ETHNICITY_CODES)];
  const token = fc.oneof(fc.constantFrom(...known, 'UNK', 'ASKU', 'declined', 'missing', ''), fc.string());
  const input = fc.record({
    raceCodes: fc.array(token, { maxLength: 5 }),
    ethnicityCodes: fc.array(token, { maxLength: 3 }),
  });
  const allowed97 = new Set<string>([...Object.values(RACE_1997), ...STATUSES]);
  const allowedEth = new Set<string>([...Object.values(ETHNICITY_1997), ...STATUSES]);
  const allowed24 = new Set<string>([...Object.values(RACE_ETHNICITY_2024), ...STATUSES]);

  it('labels are always in the allowed sets', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = deriveRaceEthnicity(i);
        expect(allowed97.has(r.race)).toBe(true);
        expect(allowedEth.has(r.ethnicity)).toBe(true);
        expect(allowed24.has(r.race_ethnicity)).toBe(true);
        expect(r.categories.length > 1).toBe(r.race_ethnicity === RACE_ETHNICITY_2024.multiple);
      }),
    );
  });

  it('the order (and repetition) of codes does not matter', () => {
    fc.assert(
      fc.property(input, fc.integer(), (i, seed) => {
        const shuffle = (xs: string[]) =>
          [...xs, ...xs.slice(0, 1)].sort(
            (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7),
          );
        const a = deriveRaceEthnicity(i);
        const b = deriveRaceEthnicity({
          raceCodes: shuffle([...i.raceCodes].reverse()),
          ethnicityCodes: shuffle([...i.ethnicityCodes].reverse()),
        });
        expect({ ...b, unmapped: [] }).toEqual({ ...a, unmapped: [] });
      }),
    );
  });
});
