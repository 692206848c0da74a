/**
 * Library measures: for every configured measure with `library: <id>`, compile the library definition
 * (src/measures/library) for the measure's period and insert its rows into `${schema}.measure_rows`.
 * Called by the ingest orchestrator after all loaders ran, inside the dataset version's transaction.
 */
import type { EquilensConfig } from '../../config/index.js';
import { invalidConfig, type Warning } from '../../errors.js';
import { libraryIds, libraryMeasure } from '../../measures/library/index.js';
import { CLINICAL_TABLES, createClinicalTableSql, type ClinicalTable } from '../../model/clinical.js';
import type { Engine } from '../dialect.js';
import { quoteLiteral } from '../dialect.js';
import { compileMeasure } from './compile.js';

export { compileMeasure } from './compile.js';

/** True when some configured measure is a library measure. */
export const hasLibraryMeasures = (config: EquilensConfig): boolean =>
  config.measures.some((m) => m.library !== undefined);

/**
 * Compute every `library:` measure of the config into `${schema}.measure_rows`.
 * @example
 *   const warnings = await deriveLibraryMeasures(tx, 'ds_3', config);
 */
export async function deriveLibraryMeasures(
  engine: Engine,
  schema: string,
  config: EquilensConfig,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  const chosen = config.measures.map((m, i) => ({ m, i })).filter(({ m }) => m.library !== undefined);
  if (!chosen.length) return warnings;
  for (const t of Object.keys(CLINICAL_TABLES) as ClinicalTable[]) {
    await engine.run(createClinicalTableSql(schema, t));
  }
  const [events] = await engine.all<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM ${schema}.encounters) + (SELECT COUNT(*) FROM ${schema}.observations) AS n`,
  );
  if (!events?.n) {
    warnings.push({
      code: 'library_no_clinical_events',
      message:
        'Library measures are computed from clinical events (encounters, observations, …), and this dataset has none: use a FHIR or OMOP source.',
    });
  }
  for (const { m, i } of chosen) {
    const def = libraryMeasure(m.library as string);
    if (!def) {
      throw invalidConfig(`measures[${i}].library "${m.library}" is not a library measure.`, {
        path: `measures.${i}.library`,
        fix: `Use one of: ${libraryIds().join(', ')}.`,
      });
    }
    if (!m.period) {
      throw invalidConfig(`measures[${i}] (${m.id}) needs a measurement period.`, {
        path: `measures.${i}.period`,
        fix: 'Add `period: {start: YYYY-MM-DD, end: YYYY-MM-DD}`.',
      });
    }
    if (m.direction !== def.direction) {
      warnings.push({
        code: 'library_direction_differs',
        message: `Measure ${m.id}: the config says ${m.direction} but library measure ${def.id} is ${def.direction}; the config's direction is used.`,
        measure: m.id,
      });
    }
    await engine.run(
      compileMeasure(schema, def, {
        measureId: m.id,
        period: m.period,
        source: m.source,
        dialect: engine.dialect,
        lookup: libraryMeasure,
      }),
    );
    const [c] = (await engine.all<{ d: number; n: number }>(
      `SELECT COUNT(*) FILTER (WHERE in_denominator AND NOT excluded) AS d,
              COUNT(*) FILTER (WHERE in_numerator AND NOT excluded) AS n
       FROM ${schema}.measure_rows WHERE measure_id = ${quoteLiteral(m.id)}`,
    )) as [{ d: number; n: number }];
    if (c.d === 0) {
      warnings.push({
        code: 'library_empty_denominator',
        message: `Measure ${m.id} (${def.id}) has no one in its denominator for ${m.period.start}…${m.period.end}: check that the period covers the data's dates.`,
        measure: m.id,
      });
    }
  }
  return warnings;
}
