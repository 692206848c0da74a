/**
 * How OMOP codes become `(code, system)` pairs of the clinical event model. For each event row:
 * - the standard concept's `concept_code` with its vocabulary (when the CONCEPT table is present), e.g.
 *   SNOMED 38341003 for a hypertension condition;
 * - the `*_source_value` as received, with the vocabulary of `*_source_concept_id` when CONCEPT knows it,
 *   else guessed from its shape: `NNNN-N` LOINC, `A00.0` ICD-10-CM, digits the table's usual vocabulary
 *   (SNOMED for conditions, procedures and observations, RxNorm for drugs);
 * - neither: the concept id itself, system `omop`.
 * A measure's code list therefore matches an OMOP row by either its standard or its source code.
 */
import { quoteIdent } from '../../engine/dialect.js';

/** CONCEPT.vocabulary_id → the clinical model's short system id (SQL CASE over `expr`). */
export const vocabularySystemSql = (expr: string): string =>
  `CASE UPPER(${expr}) WHEN 'SNOMED' THEN 'snomed' WHEN 'ICD10CM' THEN 'icd10cm' WHEN 'ICD10' THEN 'icd10'
   WHEN 'LOINC' THEN 'loinc' WHEN 'RXNORM' THEN 'rxnorm' WHEN 'RXNORM EXTENSION' THEN 'rxnorm'
   WHEN 'CVX' THEN 'cvx' WHEN 'CPT4' THEN 'cpt' ELSE LOWER(${expr}) END`;

/** Guess the system of a source value from its shape (SQL over `expr`). */
export const guessSystemSql = (expr: string, digits: 'snomed' | 'rxnorm'): string =>
  `CASE WHEN regexp_full_match(${expr}, '[0-9]{1,7}-[0-9]') THEN 'loinc'
   WHEN regexp_full_match(${expr}, '[A-TV-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?') THEN 'icd10cm'
   WHEN regexp_full_match(${expr}, '[0-9]{4,18}') THEN '${digits}' ELSE 'other' END`;

export interface CodeColumns {
  /** Checked table alias `t` holds these columns. */
  conceptId: string;
  sourceValue: string;
  sourceConceptId?: string;
  digits: 'snomed' | 'rxnorm';
}

/**
 * A SELECT yielding `(_file, _line, <keep...>, code, system)` rows for every passing row of `from`: the
 * standard code, the source code, or the concept id as a last resort (duplicates removed).
 */
export function codeRowsSql(from: string, keep: readonly string[], c: CodeColumns): string {
  const k = keep.map((x) => `t.${quoteIdent(x)}`).join(', ');
  const src = `NULLIF(TRIM(t.${quoteIdent(c.sourceValue)}), '')`;
  const srcSystem = c.sourceConceptId
    ? `COALESCE(${vocabularySystemSql('sc.vocabulary_id')}, ${guessSystemSql(src, c.digits)})`
    : guessSystemSql(src, c.digits);
  const sourceJoin = c.sourceConceptId
    ? `LEFT JOIN omop_concepts sc ON sc.concept_id = t.${quoteIdent(c.sourceConceptId)} AND sc.concept_id <> '0'`
    : '';
  const base = `FROM ${from} t LEFT JOIN omop_concepts cs ON cs.concept_id = t.${quoteIdent(c.conceptId)} AND cs.concept_id <> '0' ${sourceJoin} WHERE t._reason IS NULL`;
  return `SELECT t._file, t._line, ${k}, cs.concept_code AS code, ${vocabularySystemSql('cs.vocabulary_id')} AS system ${base} AND cs.concept_code IS NOT NULL
  UNION
  SELECT t._file, t._line, ${k}, ${src} AS code, ${srcSystem} AS system ${base} AND ${src} IS NOT NULL
  UNION
  SELECT t._file, t._line, ${k}, t.${quoteIdent(c.conceptId)} AS code, 'omop' AS system ${base}
    AND cs.concept_code IS NULL AND ${src} IS NULL AND COALESCE(t.${quoteIdent(c.conceptId)}, '0') <> '0'`;
}
