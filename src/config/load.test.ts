import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { parseConfigText } from './load.js';
import { configJsonSchema } from './json-schema.js';

const minimal = `
project: { name: Test }
sources:
  - name: main
    type: csv
mapping:
  patient_id: pid
measures:
  - id: readmit30
    title: Readmission
    direction: lower_is_better
    numerator: "readmitted = '<30'"
`;

describe('config loader', () => {
  it('accepts a minimal config and fills defaults', () => {
    const { config, hash } = parseConfigText(minimal);
    expect(config.suppression.threshold).toBe(11);
    expect(config.analysis.period).toBe('quarter');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the key path, line and allowed values of a bad enum', () => {
    const bad = minimal.replace('direction: lower_is_better', 'direction: down');
    try {
      parseConfigText(bad, 'equilens.yaml');
      expect.unreachable();
    } catch (e) {
      const err = e as EquilensError;
      expect(err.code).toBe('invalid_config');
      expect(err.details.path).toBe('measures.0.direction');
      expect(err.details.line).toBe(11);
      expect(err.message).toContain('"lower_is_better"');
    }
  });

  it('reports YAML syntax errors with a line', () => {
    expect(() => parseConfigText('project: [unclosed\n')).toThrow(EquilensError);
  });

  it('exports a JSON Schema', () => {
    const schema = configJsonSchema();
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).toContain('lower_is_better');
  });
});
