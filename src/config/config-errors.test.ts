import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { parseConfigText } from './load.js';
import { closest } from './suggest.js';

// Line numbers below are counted in this text: line 1 is "project: …".
const base = `project: { name: Test }
sources:
  - name: main
    type: csv
mapping:
  patient_id: pid
  attributes:
    race: { column: race }
suppression:
  threshold: 11
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

describe('config errors name their line, column and fix', () => {
  it('accepts the base config', () => {
    expect(() => parseConfigText(base)).not.toThrow();
  });

  it('gives a YAML syntax error its line and column', () => {
    const e = errorOf(base.replace('    type: csv', '   type: csv'));
    expect(e.code).toBe('invalid_config');
    expect(e.details.line).toBe(4);
    expect(e.details.column).toBeGreaterThan(0);
    expect(e.details.fix).toContain('line 4');
  });

  it('reports an unknown key at its own line with a suggestion', () => {
    const e = errorOf(base + '  complimentary: false\n');
    expect(e.details.line).toBe(11);
    expect(e.details.column).toBe(3);
    expect(e.details.path).toBe('suppression.complimentary');
    expect(e.message).toContain('Did you mean "complementary"?');
  });

  it('reports an unknown top-level key far down the file at its line', () => {
    const e = errorOf(base + '\n'.repeat(40) + 'analysys: {}\n');
    expect(e.details.line).toBe(51);
    expect(e.message).toContain('"analysis"');
  });

  it('names a misspelled required key as a misspelling', () => {
    const e = errorOf(base.replace('patient_id: pid', 'patinet_id: pid'));
    expect(e.message).toMatch(/Required key "patient_id" is missing; "patinet_id" looks like a misspelling/);
    expect(e.details.line).toBe(6);
    expect(e.details.fix).toBe('Rename "patinet_id" to "patient_id".');
  });

  it('names misspelled top-level keys, required or not, with the key they mean', () => {
    const measures = errorOf(`${base}mesures: []\n`);
    expect(measures.message).toBe('Unknown key "mesures". Did you mean "measures"?');
    expect(measures.details).toMatchObject({ line: 11, column: 1, path: 'mesures' });
    const sources = errorOf(base.replace('sources:', 'sorces:'));
    expect(sources.message).toMatch(/Required key "sources" is missing; "sorces" looks like a misspelling/);
    expect(sources.details).toMatchObject({ line: 2, column: 1, fix: 'Rename "sorces" to "sources".' });
  });

  it('names a truly missing required key and where to add it', () => {
    const e = errorOf(base.replace('  patient_id: pid\n', ''));
    expect(e.message).toBe('Required key "patient_id" is missing.');
    expect(e.details.fix).toBe('Add "patient_id:" to mapping.');
    expect(e.details.line).toBe(6);
  });

  it('says "wrong type" for a value of the wrong type, not "missing"', () => {
    const eleven = errorOf(base.replace('threshold: 11', 'threshold: eleven'));
    expect(eleven.message).toBe("Wrong type: expected a number, got 'eleven'.");
    expect(eleven.details.line).toBe(10);
    expect(eleven.details.column).toBe(14);
    const sources = errorOf(base.replace(/sources:\n {2}- name: main\n {4}type: csv/, 'sources: data.csv'));
    expect(sources.message).toMatch(/^Wrong type: expected a list .*got 'data.csv'\.$/);
    expect(sources.details.line).toBe(2);
  });

  it('refuses a YAML alias bomb as a config error (exit 1), not a hang or a crash', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const e = errorOf(bomb);
    expect(e.code).toBe('invalid_config');
    expect(e.message).toMatch(/aliases/);
    expect(e.details.fix).toBeTruthy();
  });
});

describe('closest', () => {
  it('suggests near misses only', () => {
    expect(closest('races', ['race', 'ethnicity'])).toBe('race');
    expect(closest('Threshold', ['threshold'])).toBe('threshold');
    expect(closest('race', ['race'])).toBeUndefined(); // the word itself: nothing to suggest
    expect(closest('zzzzzz', ['race', 'sex'])).toBeUndefined();
  });
});
