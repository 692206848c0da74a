import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { parseConfigText } from './load.js';

// Line numbers below are counted in this text: line 1 is "project: …".
const base = `project: { name: Test }
sources:
  - { name: main, type: csv }
mapping: { patient_id: pid }
workforce:
  source: { type: csv, path: hr.csv }
  mapping:
    employee_id: EmpNo
    period: Year
    pay: Salary
    attributes:
      sex:
        column: Gender
        values: { F: female, M: male }
`;

function errorOf(text: string): EquilensError {
  try {
    parseConfigText(text, 'equilens.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(EquilensError);
    return e as EquilensError;
  }
  throw new Error('expected the config to be refused');
}

describe('the workforce: section', () => {
  it('is optional, and parsed with the source defaults', () => {
    const { config } = parseConfigText(base);
    expect(config.workforce?.source).toMatchObject({ name: 'workforce', type: 'csv', path: 'hr.csv' });
    expect(config.workforce?.mapping).toMatchObject({ employee_id: 'EmpNo', period: 'Year', pay: 'Salary' });
    expect(parseConfigText(base.slice(0, base.indexOf('workforce:'))).config.workforce).toBeUndefined();
  });

  it('refuses a canonical code the attribute does not have, at its line, with the patient wording', () => {
    const e = errorOf(base.replace('F: female', 'F: femal'));
    expect(e.code).toBe('invalid_config');
    expect(e.details.path).toBe('workforce.mapping.attributes.sex.values.F');
    expect(e.details.line).toBe(14);
    expect(e.message).toContain('"femal" is not a canonical sex value');
    expect(e.message).toContain('Did you mean "female"?');
  });

  it('names an unknown mapping key at its line with a suggestion', () => {
    const e = errorOf(base.replace('    pay: Salary', '    salary: Salary'));
    expect(e.details.path).toBe('workforce.mapping.salary');
    expect(e.details.line).toBe(10);
    expect(e.message).toContain('Unknown key "salary"');
  });

  it('requires employee_id, and refuses race_ethnicity beside race', () => {
    const missing = errorOf(base.replace('    employee_id: EmpNo\n', ''));
    expect(missing.details.path).toBe('workforce.mapping.employee_id');
    expect(missing.message).toContain('Required key "employee_id" is missing');
    const both = errorOf(base + '      race_ethnicity: { column: R }\n      race: { column: R2 }\n');
    expect(both.details.path).toBe('workforce.mapping.attributes.race_ethnicity');
    expect(both.details.line).toBe(15);
  });

  it('reads CSV, TSV or Parquet only, and a public threshold of at least 11', () => {
    expect(errorOf(base.replace('type: csv, path', 'type: fhir, path')).details.path).toBe(
      'workforce.source.type',
    );
    expect(errorOf(base + '  threshold: 5\n').details.path).toBe('workforce.threshold');
  });
});
