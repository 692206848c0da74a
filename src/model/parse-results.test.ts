import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { parseResults, validResults } from './parse-results.js';

const caught = (fn: () => unknown): EquilensError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EquilensError) return e;
    throw e;
  }
  throw new Error('expected an EquilensError');
};

describe('parseResults: the one reader of results.json', () => {
  it('accepts a results file and keeps fields it does not know', () => {
    const r = { ...fixtureResults(), addedLater: { x: 1 } };
    const got = parseResults(JSON.stringify(r));
    expect(got.measures.length).toBe(r.measures.length);
    expect((got as unknown as { addedLater: unknown }).addedLater).toEqual({ x: 1 });
  });

  it('names line and column of a JSON syntax error', () => {
    const e = caught(() => parseResults('{\n  "schemaVersion": 1,\n  oops\n}', 'r.json'));
    expect(e.code).toBe('invalid_input');
    expect(e.details).toMatchObject({ file: 'r.json', line: 3 });
  });

  it('names the key path of a schema error, in words a web page can show', () => {
    const r = fixtureResults() as unknown as { measures: { overall: { rate: unknown } }[] };
    (r.measures[0] as { overall: { rate: unknown } }).overall.rate = 'high';
    const e = caught(() => validResults(r, 'r.json'));
    expect(e.details.path).toBe('measures.0.overall.rate');
    expect(e.message).not.toMatch(/equilens (analyze|report)|--/);
  });
});
