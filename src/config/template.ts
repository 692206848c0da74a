/**
 * The commented `equilens.yaml` that `equilens init` writes (it validates against ConfigSchema, tested in
 * init.test.ts). Its columns and codes are those of the demo's extract (`equilens demo` writes one), so
 * `init` → `ingest` → `analyze` → `report` runs on that extract unedited; edit them for your own data.
 * `schema` is the path editors read the JSON Schema from (the local file shipped with Equilens).
 */
export const configTemplate = (
  schema: string,
): string => `# Equilens project config. Editors autocomplete it from the JSON Schema shipped with Equilens:
# yaml-language-server: $schema=${schema}
# Every attribute, its canonical codes and synonyms: docs/mapping.md.
version: 1
project:
  name: My health system equity report
  # organisation: Example Health

# Where the data comes from. Relative paths resolve against this file; \`--data FILE\` overrides the first.
sources:
  - name: extract
    type: csv            # csv | tsv | parquet | fhir | omop
    path: extract.csv.gz
    # encoding: utf-8    # utf-8 | latin-1 | utf-16
    # missing: ["NULL"]  # values that mean "no value" (become Missing)

# How local columns and local codes become the canonical model. A code not listed under values: is
# loaded as Unknown AND reported as unmapped by \`equilens ingest\`; \`default:\` names what the rest means.
mapping:
  patient_id: patient_id
  unit_id: encounter_id        # one measure row per unit (e.g. an encounter)
  event_date: encounter_date   # YYYY-MM-DD; bucketed into periods by the analysis
  conflict_rule: most_frequent # a person's rows disagree: most_frequent (ties: last row) | last | first
  attributes:
    race:
      column: race             # no values: the column already holds CDC race codes (2106-3, 2054-5, …)
      # values:                # else: local code -> CDC race code (or white/black/asian/…, declined, unknown)
      #   W: 2106-3
      #   B: 2054-5
      #   D: declined
    ethnicity:
      column: ethnicity
      # values: { H: hispanic, N: not hispanic, D: declined, U: unknown }   # CDC codes need none
    sex:
      column: sex
      values: { F: female, M: male, U: unknown }
    birth_date: { column: birth_date }   # or age_band: { column: age_group } / age: { column: age }
    language: { column: preferred_language }   # BCP-47 codes or names
    interpreter_needed: { column: interpreter_needed, values: { Y: yes, N: no, DECLINED: declined } }
    payer:
      column: payer
      values: { MCR: medicare, MCD: medicaid, DUAL: dual, COM: commercial, SP: selfPay, OTH: other }
    zip: { column: zip }

# What is measured: expressions over the source columns (comparisons, in (…), is null, and/or/not).
measures:
  - id: readmit30
    title: 30-day readmission
    description: Inpatient stays followed by another admission within 30 days
    direction: lower_is_better
    type: outcome                # or process (screening, testing): outcome gaps rank first
    unit: encounter
    numerator: "readmit30 = 'Y'"
    denominator: "readmit30 in ('Y', 'N')"
    # exclusions: "discharge_disposition in ('died', 'hospice')"

analysis:
  period: quarter
  intersections:
    - [race_ethnicity, sex]
  # reference: { default: largest }   # largest, best (Healthy People 2030), everyone_else, or { group: White }
  # ranking:                          # key findings: pins first, then by strength
  #   priorities: [race_ethnicity, race, ethnicity, language, limited_english]
  #   pin: [{ measure: readmit30, values: { race_ethnicity: Black or African American } }]

suppression:
  threshold: 11
`;
