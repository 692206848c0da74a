import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapCode, mapRaceEthnicity } from './map-codes.js';

describe('mapCode', () => {
  const sex = { column: 'sex', values: { F: 'female', M: 'male', D: 'declined' } };
  it('maps listed codes, keeps statuses, and flags unknown codes as unmapped Unknown', () => {
    expect(mapCode('sex', sex, 'F')).toEqual({
      label: 'Female',
      known: true,
      statusRank: null,
      unmapped: false,
    });
    expect(mapCode('sex', sex, 'D')).toMatchObject({ label: 'Declined', known: false, statusRank: 2 });
    expect(mapCode('sex', sex, '?')).toMatchObject({ label: 'Unknown', unmapped: false });
    expect(mapCode('sex', sex, null)).toMatchObject({ label: 'Missing', statusRank: 0 });
    expect(mapCode('sex', sex, 'Z')).toMatchObject({ label: 'Unknown', unmapped: true, statusRank: 1 });
  });
  it('uses default: for unlisted codes, and a canonical code itself without a value map', () => {
    expect(mapCode('payer', { column: 'p', values: { MC: 'medicare' }, default: 'other' }, 'XX').label).toBe(
      'Other',
    );
    expect(mapCode('language', { column: 'l' }, 'es-MX').label).toBe('Spanish');
    expect(mapCode('age_band', { column: 'a' }, '[70-80)').label).toBe('70-79');
    expect(mapCode('sex', { column: 's' }, 'nonsense')).toMatchObject({ label: 'Unknown', unmapped: true });
  });
  it('a value map pointing at a code the vocabulary does not know is reported', () => {
    expect(mapCode('sex', { column: 's', values: { F: 'femme' } }, 'F')).toMatchObject({
      label: 'Unknown',
      unmapped: true,
    });
  });
  it('custom attributes keep the mapped code as their label', () => {
    expect(mapCode('housing', { column: 'h', values: { A: 'Apartment' } }, 'A', true).label).toBe(
      'Apartment',
    );
  });
  it('property: every raw value gets exactly one of a known label or a status', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), (raw) => {
        const m = mapCode('sex', sex, raw);
        expect(m.known).toBe(m.statusRank === null);
        if (m.unmapped) expect(m.label).toBe('Unknown');
      }),
    );
  });
});

describe('mapRaceEthnicity (UCI single mixed field; docs/data-standards.md §2)', () => {
  const race = {
    column: 'race',
    values: {
      Caucasian: '2106-3',
      Hispanic: '2135-2',
      Other: '2131-1',
      '?': 'unknown',
      Multi: '2054-5;2106-3',
    },
  };
  const r = (raw: string | null) => mapRaceEthnicity({ mapping: race, raw }, { raw: null });
  it('Hispanic in the race field: 1997 race Unknown + ethnicity Hispanic; 2024 Hispanic or Latino', () => {
    expect(r('Hispanic')).toMatchObject({
      race: 'Unknown',
      ethnicity: 'Hispanic or Latino',
      race_ethnicity: 'Hispanic or Latino',
    });
  });
  it('Other is a known group; ? is Unknown; several codes are multiracial', () => {
    expect(r('Other')).toMatchObject({ race: 'Other race', race_ethnicity: 'Other race' });
    expect(r('?')).toMatchObject({ race: 'Unknown', race_ethnicity: 'Unknown', raceUnmapped: false });
    expect(r('Multi')).toMatchObject({
      race: 'More than one race',
      race_ethnicity: 'Multiracial/Multiethnic',
      raceCodes: ['2054-5', '2106-3'],
    });
    expect(r('Martian')).toMatchObject({ race_ethnicity: 'Unknown', raceUnmapped: true });
  });
});
