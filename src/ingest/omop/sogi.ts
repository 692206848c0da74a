/**
 * Preferred language (LOINC 54899-0), sexual orientation (76690-7) and gender identity (76691-5) from
 * OBSERVATION (docs/data-standards.md §5): per person, the latest answered row of each question. The answer is the
 * value concept's code (LOINC LA… or SNOMED) or `value_as_string` / `value_source_value`, then its concept name,
 * read with the canonical vocabularies (canonicalLabel / languageLabel). A question never answered leaves
 * the attribute Missing; an answer the vocabularies do not know is Unknown and reported as unmapped.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { MISSING, UNKNOWN } from '../../model/status.js';
import { canonicalLabel, languageLabel } from '../../model/vocab/index.js';
import { checkedTable } from './validate.js';

export const SOGI_QUESTIONS: Readonly<Record<string, 'language' | 'sexual_orientation' | 'gender_identity'>> =
  {
    '54899-0': 'language',
    '76690-7': 'sexual_orientation',
    '76691-5': 'gender_identity',
  };

interface Answer {
  attr: string;
  code: string | null;
  text: string | null;
}

/** Label (and limited-English label for a language) of one answer; null label = unmapped. */
export function sogiLabel(a: Answer): { label: string | null; limitedEnglish: string | null } {
  if (a.code === null && a.text === null) return { label: MISSING, limitedEnglish: null };
  if (a.attr === 'language') {
    for (const v of [a.code, a.text]) {
      if (v === null) continue;
      const l = languageLabel(v);
      if (!l.unmapped) return { label: l.language, limitedEnglish: l.limitedEnglish };
    }
    return { label: null, limitedEnglish: null };
  }
  const label =
    (a.code !== null ? canonicalLabel(a.attr, a.code) : null) ??
    (a.text !== null ? canonicalLabel(a.attr, a.text) : null);
  return { label, limitedEnglish: null };
}

/** Build `omop_sogi` (person_id, attr, code, text, label, limited_english) and record unmapped answers. */
export async function loadSogi(engine: Engine, schema: string, source: string): Promise<void> {
  const q = Object.entries(SOGI_QUESTIONS)
    .map(([k, v]) => `(${quoteLiteral(k)}, ${quoteLiteral(v)})`)
    .join(', ');
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_sogi_raw AS
    SELECT person_id, attr, code, text FROM (
      SELECT o.person_id, q.attr,
        COALESCE(v.concept_code, NULLIF(TRIM(o.value_as_string), ''), NULLIF(TRIM(o.value_source_value), '')) AS code,
        v.concept_name AS text,
        ROW_NUMBER() OVER (PARTITION BY o.person_id, q.attr ORDER BY
          (v.concept_code IS NOT NULL OR NULLIF(TRIM(o.value_as_string), '') IS NOT NULL
            OR NULLIF(TRIM(o.value_source_value), '') IS NOT NULL) DESC, o._d_observation_date DESC, o._line DESC) AS rn
      FROM ${checkedTable('OBSERVATION')} o
      LEFT JOIN omop_concepts qc ON qc.concept_id = o.observation_concept_id AND qc.concept_id <> '0'
      JOIN (VALUES ${q}) q(question, attr) ON q.question = COALESCE(
        CASE WHEN regexp_full_match(TRIM(o.observation_source_value), '[0-9]{1,7}-[0-9]') THEN TRIM(o.observation_source_value) END,
        CASE WHEN UPPER(qc.vocabulary_id) = 'LOINC' THEN qc.concept_code END)
      LEFT JOIN omop_concepts v ON v.concept_id = o.value_as_concept_id AND v.concept_id <> '0'
      WHERE o._reason IS NULL) WHERE rn = 1`);
  const answers = await engine.all<Answer & Record<string, unknown>>(
    'SELECT DISTINCT attr, code, text FROM omop_sogi_raw',
  );
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_sogi_map (attr VARCHAR, code VARCHAR, text VARCHAR,
    label VARCHAR, limited_english VARCHAR, unmapped BOOLEAN)`);
  const lit = (v: string | null): string => (v === null ? 'NULL' : quoteLiteral(v));
  const rows = answers.map((a) => {
    const l = sogiLabel(a);
    return `(${[a.attr, a.code, a.text, l.label ?? UNKNOWN, l.limitedEnglish].map(lit).join(', ')}, ${l.label === null})`;
  });
  for (let i = 0; i < rows.length; i += 200) {
    await engine.run(`INSERT INTO omop_sogi_map VALUES ${rows.slice(i, i + 200).join(', ')}`);
  }
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_sogi AS
    SELECT r.person_id, r.attr, COALESCE(r.code, r.text) AS source_value, m.label, m.limited_english, m.unmapped
    FROM omop_sogi_raw r JOIN omop_sogi_map m ON m.attr = r.attr AND m.code IS NOT DISTINCT FROM r.code
      AND m.text IS NOT DISTINCT FROM r.text`);
  await engine.run(`INSERT INTO ${schema}.unmapped (source, attribute, column_name, code, rows)
    SELECT ${quoteLiteral(source)}, attr, 'observation.value_as_concept_id', source_value, COUNT(*)
    FROM omop_sogi WHERE unmapped GROUP BY attr, source_value`);
}

export async function dropSogi(engine: Engine): Promise<void> {
  for (const t of ['omop_sogi_raw', 'omop_sogi_map', 'omop_sogi'])
    await engine.run(`DROP TABLE IF EXISTS ${t}`);
}
