/**
 * A stratifier must be a category (issue #10 item 10): a date, number or list column named in
 * analysis.stratifiers / intersections / discovery is a config error (exit 1) with a fix, not a crash
 * or one group per value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../config/analysis.js';
import { EquilensError } from '../../errors.js';
import { exitCodeFor } from '../../cli/exit-codes.js';
import { qualityWorkspace } from '../quality/__fixtures__/workspace.js';
import type { Workspace } from '../workspace.js';
import { getDataset } from '../workspace.js';
import { selectStratifiers } from './stratifiers.js';

describe('non-categorical stratifiers', () => {
  let ws: Workspace;
  let schema: string;
  beforeAll(async () => {
    ws = (await qualityWorkspace()).ws;
    schema = (await getDataset(ws.engine)).schema;
  });
  afterAll(() => ws.close());

  const refusal = async (analysis: Record<string, unknown>): Promise<EquilensError> => {
    const e = await selectStratifiers(ws.engine, schema, AnalysisSchema.parse(analysis)).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EquilensError);
    return e as EquilensError;
  };

  it('refuses birth_date and age_years, pointing at age_band', async () => {
    const e = await refusal({ stratifiers: ['sex', 'birth_date'] });
    expect([e.code, exitCodeFor(e.code), e.details.path]).toEqual([
      'invalid_config',
      1,
      'analysis.stratifiers.1',
    ]);
    expect(e.message).toBe(
      'analysis.stratifiers names "birth_date", a date column: groups are categories (race, payer, age band…), not date values.',
    );
    expect(e.details.fix).toBe('Use age_band (age groups derived from it) instead.');
    const age = await refusal({ stratifiers: ['age_years'] });
    expect(age.message).toMatch(/"age_years", a numeric column/);
  });

  it('refuses a list column in an intersection, pointing at its one-category form', async () => {
    const e = await refusal({ intersections: [['sex', 'race_codes']] });
    expect(e.details.path).toBe('analysis.intersections.1');
    expect(e.message).toMatch(/"race_codes", a list column/);
    expect(e.details.fix).toBe('Use race (one category per person) instead.');
  });

  it('accepts text and yes/no attributes', async () => {
    const s = await selectStratifiers(
      ws.engine,
      schema,
      AnalysisSchema.parse({ stratifiers: ['sex', 'payer', 'interpreter_needed'] }),
    );
    expect(s.stratifiers).toEqual(['sex', 'payer', 'interpreter_needed']);
  });
});
