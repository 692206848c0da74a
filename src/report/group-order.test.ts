import { describe, expect, it } from 'vitest';
import { ageBandLabels } from '../model/vocab/age.js';
import { bandKey, displayOrder, isOrdinal } from './group-order.js';

const shown = (stratifier: string, labels: string[]): string[] =>
  displayOrder(stratifier, labels).map((i) => labels[i]!);

describe('bandKey: the lower bound or rank a label states', () => {
  it.each([
    ['0-17', 0],
    ['18-44', 18],
    ['18 to 44', 18],
    ['65-74 years', 65],
    ['Ages 45–64', 45],
    ['[40-50)', 40],
    ['65+', 65],
    ['85 and over', 85],
    ['85 or older', 85],
    ['<18', 17.5],
    ['Under 1', 0.5],
    ['Under $25,000', 24_999.5],
    ['$25,000-$49,999', 25_000],
    ['$100,000 or more', 100_000],
    ['Over 200% FPL', 200.5],
    ['100-199% FPL', 100],
    ['0–0.2500 (lowest vulnerability)', 0],
    ['Q1', 1],
    ['Quartile 3', 3],
    ['2nd quintile', 2],
    ['Low', 1],
    ['Low-moderate', 2],
    ['Moderate', 3],
    ['Moderate-high', 4],
    ['Highest', 6],
  ])('%s → %d', (label, key) => {
    expect(bandKey(label)).toBe(key);
  });
  it.each(['White', 'Medicaid', '60601', 'Declined', 'Dual (Medicare and Medicaid)', 'Female'])(
    '%s is not a band',
    (label) => expect(bandKey(label)).toBeNull(),
  );
});

describe('isOrdinal: order read from the labels', () => {
  it('age bands, income bands and quartiles are ordinal; race, payer and ZIP codes are not', () => {
    expect(isOrdinal('age_band', ['Missing'])).toBe(true);
    expect(isOrdinal('income', ['$50,000-74,999', 'Under $25,000', '$75,000+', 'Unknown'])).toBe(true);
    expect(isOrdinal('svi', ['Q4', 'Q1', 'Q3', 'Q2'])).toBe(true);
    // One label that is not a band (an "Other") does not make an ordered dimension nominal.
    expect(isOrdinal('income', ['<$25,000', '$25,000+', 'Other'])).toBe(true);
    expect(
      isOrdinal('race_ethnicity', ['White', 'Middle Eastern or North African', 'Asian', 'Declined']),
    ).toBe(false);
    expect(isOrdinal('payer', ['Commercial', 'Medicare', 'Medicaid'])).toBe(false);
    expect(isOrdinal('zip', ['60601', '60602', '60603'])).toBe(false);
  });
});

describe('displayOrder', () => {
  it('puts age bands in age order, whatever the given order, statuses last', () => {
    expect(shown('age_band', ['65+', 'Missing', '18-44', '45-64', '<18', 'Unknown'])).toEqual([
      '<18',
      '18-44',
      '45-64',
      '65+',
      'Missing',
      'Unknown',
    ]);
    // The model's own labels (every scheme) come out as the scheme lists them, youngest first.
    for (const scheme of ['10y', 'standard', '5y'] as const) {
      const labels = ageBandLabels(scheme);
      expect(shown('age_band', [...labels].reverse())).toEqual(labels);
    }
    expect(shown('age_band', ['85 and over', '0-17', '18-64', '65-84'])).toEqual([
      '0-17',
      '18-64',
      '65-84',
      '85 and over',
    ]);
  });
  it('orders income bands and quantiles, and leaves nominal groups as given', () => {
    expect(
      shown('income', ['$100,000 or more', '$25,000-$49,999', 'Under $25,000', '$50,000-$99,999']),
    ).toEqual(['Under $25,000', '$25,000-$49,999', '$50,000-$99,999', '$100,000 or more']);
    expect(shown('svi', ['Quartile 4', 'Quartile 2', 'Declined', 'Quartile 1', 'Quartile 3'])).toEqual([
      'Quartile 1',
      'Quartile 2',
      'Quartile 3',
      'Quartile 4',
      'Declined',
    ]);
    expect(shown('sex', ['Male', 'Female'])).toEqual(['Male', 'Female']);
  });
});
