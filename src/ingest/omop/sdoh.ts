/**
 * OBSERVATION (plus scored items in MEASUREMENT and CONDITION_OCCURRENCE social findings) → `sdoh_screenings`.
 * An OBSERVATION row is a screening item when its question — the LOINC code in `observation_source_value`,
 * or the concept_code of `observation_concept_id` — is one the SDOH answer table knows. Its answer is the
 * LOINC LA code of `value_as_concept_id` (CONCEPT table) or an LA code in `value_source_value`, with the
 * concept name / `value_as_string` as text and `value_as_number` for scored items. ICD-10-CM Z55–Z65 and
 * SNOMED social findings (in OBSERVATION or CONDITION_OCCURRENCE) are screened and positive in their domain.
 * Which pairs count is the data table's decision (src/measures/sdoh), not this file's.
 *
 * A question with no answer (`value_as_concept_id` 0 and empty values: OHDSI ETL-Synthea drops PRAPARE
 * answers) is kept with screened = false and positive = false: it shows the question was asked, but an
 * unanswered item does not show the domain was screened. Such rows are counted in a warning.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import type { Warning } from '../../errors.js';
import { vocabularySystemSql } from './codes.js';
import { checkedTable, finiteSql } from './validate.js';

export interface SdohClass {
  domain: string;
  instrument: string | null;
  screened: boolean;
  positive: boolean;
}

export interface SdohItem {
  question: string;
  /** `loinc` for a question; `icd10cm` / `snomed` for a coded social finding. */
  system: string;
  answerCode: string | null;
  answerText: string | null;
  answerNumber: number | null;
}

/** The SDOH data table as the OMOP source uses it. */
export interface SdohClassifier {
  /** Is `(system, code)` a screening question or a coded social finding? (Filters before classifying.) */
  isItem(system: string, code: string): boolean;
  /** Classify one item; [] = not SDOH. An item with no answer → its domains with screened = false. */
  classify(item: SdohItem): readonly SdohClass[];
}

const O = checkedTable('OBSERVATION');

async function classifyItems(engine: Engine, rules: SdohClassifier): Promise<void> {
  // Keep only the items of the data table (OBSERVATION and MEASUREMENT hold far more than screenings).
  const questions = await engine.all<{ question: string; system: string }>(
    'SELECT DISTINCT question, system FROM omop_sdoh_items WHERE question IS NOT NULL',
  );
  const known = questions.filter((q) => rules.isItem(q.system, q.question));
  await engine.run('CREATE OR REPLACE TEMP TABLE omop_sdoh_questions (question VARCHAR, system VARCHAR)');
  for (let i = 0; i < known.length; i += 200) {
    const chunk = known
      .slice(i, i + 200)
      .map((q) => `(${quoteLiteral(q.question)}, ${quoteLiteral(q.system)})`);
    await engine.run(`INSERT INTO omop_sdoh_questions VALUES ${chunk.join(', ')}`);
  }
  await engine.run(
    `DELETE FROM omop_sdoh_items WHERE question IS NULL OR NOT EXISTS (SELECT 1 FROM omop_sdoh_questions q
       WHERE q.question = omop_sdoh_items.question AND q.system = omop_sdoh_items.system)`,
  );
  const items = await engine.all<{
    question: string;
    system: string;
    answer: string | null;
    answer_text: string | null;
    answer_num: number | null;
  }>(
    `SELECT DISTINCT question, system, answer, answer_text, answer_num FROM omop_sdoh_items WHERE question IS NOT NULL`,
  );
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_sdoh_map (question VARCHAR, system VARCHAR, answer VARCHAR,
    answer_text VARCHAR, answer_num DOUBLE, domain VARCHAR, instrument VARCHAR, screened BOOLEAN, positive BOOLEAN)`);
  const rows: string[] = [];
  for (const p of items) {
    const item: SdohItem = {
      question: p.question,
      system: p.system,
      answerCode: p.answer,
      answerText: p.answer_text,
      answerNumber: p.answer_num,
    };
    for (const c of rules.classify(item)) {
      const lit = (v: string | null): string => (v === null ? 'NULL' : quoteLiteral(v));
      const num = p.answer_num === null ? 'NULL' : String(p.answer_num);
      const key = [p.question, p.system, p.answer, p.answer_text].map(lit);
      rows.push(
        `(${key.join(', ')}, ${num}, ${quoteLiteral(c.domain)}, ${lit(c.instrument)}, ${c.screened}, ${c.screened && c.positive})`,
      );
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await engine.run(`INSERT INTO omop_sdoh_map VALUES ${rows.slice(i, i + 200).join(', ')}`);
  }
}

/** Load the SDOH screening rows of one source; returns warnings (answerless questions, with counts). */
export async function loadSdoh(
  engine: Engine,
  schema: string,
  source: string,
  rules: SdohClassifier,
): Promise<Warning[]> {
  const src = quoteLiteral(source);
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_sdoh_items AS
    SELECT o.person_id, o._d_observation_date AS screen_date, o._file,
      CASE WHEN regexp_full_match(TRIM(o.observation_source_value), '[0-9]{1,7}-[0-9]') THEN TRIM(o.observation_source_value)
        WHEN regexp_full_match(TRIM(o.observation_source_value), 'Z[0-9]{2}(\\.?[0-9A-Z]{1,4})?') THEN TRIM(o.observation_source_value)
        ELSE q.concept_code END AS question,
      CASE WHEN regexp_full_match(TRIM(o.observation_source_value), '[0-9]{1,7}-[0-9]') THEN 'loinc'
        WHEN regexp_full_match(TRIM(o.observation_source_value), 'Z[0-9]{2}(\\.?[0-9A-Z]{1,4})?') THEN 'icd10cm'
        ELSE ${vocabularySystemSql('q.vocabulary_id')} END AS system,
      COALESCE(CASE WHEN UPPER(a.vocabulary_id) = 'LOINC' THEN a.concept_code END,
        CASE WHEN regexp_full_match(TRIM(o.value_source_value), 'LA[0-9]+-[0-9]') THEN TRIM(o.value_source_value) END) AS answer,
      COALESCE(NULLIF(TRIM(o.value_as_string), ''), a.concept_name,
        CASE WHEN NOT regexp_full_match(TRIM(o.value_source_value), 'LA[0-9]+-[0-9]')
          AND TRY_CAST(o.value_source_value AS DOUBLE) IS NULL THEN NULLIF(TRIM(o.value_source_value), '') END) AS answer_text,
      ${finiteSql('o.value_as_number')} AS answer_num
    FROM ${O} o
    LEFT JOIN omop_concepts q ON q.concept_id = o.observation_concept_id AND q.concept_id <> '0'
    LEFT JOIN omop_concepts a ON a.concept_id = o.value_as_concept_id AND a.concept_id <> '0'
    WHERE o._reason IS NULL
    UNION ALL
    SELECT m.person_id, m._d_measurement_date, m._file, TRIM(m.measurement_source_value), 'loinc', NULL, NULL,
      ${finiteSql('m.value_as_number')}
    FROM ${checkedTable('MEASUREMENT')} m
    WHERE m._reason IS NULL AND regexp_full_match(TRIM(m.measurement_source_value), '[0-9]{1,7}-[0-9]')
    UNION ALL
    SELECT patient_id, onset_date, source_file, code, system, NULL, NULL, NULL
    FROM ${schema}.conditions WHERE source = ${src} AND system IN ('icd10cm', 'snomed')`);
  await classifyItems(engine, rules);
  const key = `m.question = i.question AND m.system = i.system AND m.answer IS NOT DISTINCT FROM i.answer
    AND m.answer_text IS NOT DISTINCT FROM i.answer_text AND m.answer_num IS NOT DISTINCT FROM i.answer_num`;
  await engine.run(`INSERT INTO ${schema}.sdoh_screenings (patient_id, screen_date, instrument, domain, question_code,
      answer_code, answer_text, screened, positive, source, source_file)
    SELECT DISTINCT i.person_id, i.screen_date, m.instrument, m.domain, i.question, i.answer, i.answer_text,
      m.screened, m.positive, ${src}, i._file
    FROM omop_sdoh_items i JOIN omop_sdoh_map m ON ${key}`);
  const [stats] = (await engine.all<{ rows: number; questions: number; persons: number }>(
    `SELECT COUNT(*) AS rows, COUNT(DISTINCT i.question) AS questions, COUNT(DISTINCT i.person_id) AS persons
     FROM omop_sdoh_items i WHERE i.system = 'loinc' AND i.answer IS NULL AND i.answer_text IS NULL AND i.answer_num IS NULL
       AND i.question IN (SELECT question FROM omop_sdoh_map)`,
  )) as [{ rows: number; questions: number; persons: number }];
  if (stats.rows === 0) return [];
  return [
    {
      code: 'omop_sdoh_unanswered',
      message: `${stats.rows} social-needs screening question rows (${stats.questions} distinct questions, ${stats.persons} persons) have no answer (value_as_concept_id 0, empty values): they are kept as asked-not-screened and count as NOT screened. Some ETLs (OHDSI ETL-Synthea) drop the answers; re-run the ETL keeping value_as_concept_id to measure screening.`,
      rows: stats.rows,
      questions: stats.questions,
      persons: stats.persons,
    },
  ];
}
