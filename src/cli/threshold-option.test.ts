import { describe, expect, it } from 'vitest';
import { parseThresholds } from './threshold-option.js';

describe('--threshold', () => {
  it('sets a field, turns one off, keeps the other defaults', () => {
    const rules = parseThresholds(['race_ethnicity=95', 'gender_identity=off', 'sex=97.5%']);
    expect(rules.find((r) => r.field === 'race_ethnicity')).toMatchObject({
      minKnownPct: 95,
      source: 'set with --threshold',
    });
    expect(rules.find((r) => r.field === 'sex')?.minKnownPct).toBe(97.5);
    expect(rules.some((r) => r.field === 'gender_identity')).toBe(false);
    expect(rules.find((r) => r.field === 'language')?.minKnownPct).toBe(90);
  });

  it('says how to write it', () => {
    expect(() => parseThresholds(['race=abc'])).toThrow(/Invalid --threshold/);
    expect(() => parseThresholds(['race=101'])).toThrow(/above 100%/);
  });
});
