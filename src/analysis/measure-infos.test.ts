import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/load.js';
import type { EquilensError } from '../errors.js';
import { measureInfos } from './measure-infos.js';

// Library measures need no title/direction in equilens.yaml: they default to the library definition's
// (src/config/measures.ts), explicit config values win, and a tabular measure still must give both.
const config = (measures: string): string => `
project: { name: Test }
sources:
  - { name: omop, type: omop, path: x }
mapping: { patient_id: person_id }
measures:
${measures}
`;
const PERIOD = "period: { start: '2021-01-01', end: '2021-12-31' }";

const failure = (text: string): EquilensError => {
  try {
    parseConfigText(text, 'equilens.yaml');
  } catch (e) {
    return e as EquilensError;
  }
  throw new Error('expected the config to be rejected');
};

describe('library measure defaults', () => {
  it('defaults title and direction from the library definition', () => {
    const { config: c } = parseConfigText(config(`  - { id: cbp, library: cbp, ${PERIOD} }`));
    expect(c.measures[0]).toMatchObject({
      title: 'Controlling high blood pressure',
      direction: 'higher_is_better',
    });
    expect(measureInfos(c)[0]).toMatchObject({ title: 'Controlling high blood pressure' });
    expect(measureInfos(c)[0]!.kind).toBeUndefined();
  });

  it('keeps explicit config values', () => {
    const { config: c } = parseConfigText(
      config(`  - { id: ed, title: ED use, direction: higher_is_better, library: ed-visits, ${PERIOD} }`),
    );
    expect(measureInfos(c)[0]).toMatchObject({
      id: 'ed',
      title: 'ED use',
      direction: 'higher_is_better',
      kind: 'rate',
      multiplier: 1000,
    });
  });

  it('still requires title and direction of a measure without library, with a clear message', () => {
    const noTitle = failure(config(`  - { id: r, direction: lower_is_better, numerator: "x = 1" }`));
    expect(noTitle.details.path).toBe('measures.0.title');
    expect(noTitle.message).toMatch(/title is required.*library/);
    const noDirection = failure(config(`  - { id: r, title: R, numerator: "x = 1" }`));
    expect(noDirection.details.path).toBe('measures.0.direction');
    expect(noDirection.message).toMatch(/direction is required/);
  });

  it('names an unknown library id and lists the library', () => {
    const err = failure(config(`  - { id: x, library: cpb, ${PERIOD} }`));
    expect(err.details.path).toBe('measures.0.library');
    expect(err.details.line).toBe(7);
    expect(err.message).toContain('Unknown library measure "cpb"');
    expect(err.message).toContain('hba1c-poor-control');
  });
});
