/**
 * Writes docs/mapping.md from the vocabulary (src/config/attribute-vocabulary.ts, which reads src/model)
 * and the ingest's own mapping functions, so the document cannot drift: test/docs/mapping-doc.test.ts
 * fails when the committed file differs from what this renders.
 * Run: `npx tsx scripts/mapping-doc.ts` (after changing a vocabulary).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import {
  ATTRIBUTES,
  STATUS_CODES,
  STATUS_SYNONYMS,
  type AttributeInfo,
} from '../src/config/attribute-vocabulary.js';
import { WORKFORCE_ATTRIBUTE_NAMES, WORKFORCE_FIELDS, type AttributeMapping } from '../src/config/index.js';
import { mapCode, mapRaceEthnicity } from '../src/ingest/tabular/map-codes.js';

export const DOC_FILE = fileURLToPath(new URL('../docs/mapping.md', import.meta.url));

/** Date formats `birth_date` and `mapping.event_date` are read in (src/ingest/tabular/resolve-sql.ts). */
export const DATE_FORMATS: readonly { format: string; example: string }[] = [
  { format: 'YYYY-MM-DD (ISO 8601 date)', example: '2024-03-31' },
  {
    format: 'YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM:SS (the time is dropped)',
    example: '2024-03-31 14:05:00',
  },
  { format: 'MM/DD/YYYY (US spreadsheet style)', example: '03/31/2024' },
];

const KIND_TEXT: Readonly<Record<AttributeInfo['kind'], string>> = {
  race: 'CDC race and ethnicity codes; race, ethnicity and race_ethnicity are derived together from both columns',
  coded: 'a coded attribute: each distinct value is mapped once',
  language: 'a language: BCP-47 codes and names are read without a value map',
  age_band: 'an age range, fitted to the analysis age bands',
  text: 'loaded as written (a value map can only turn values into statuses)',
  date: 'a date (formats below); age and age band are computed from it',
  number: 'a number of years',
};

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const list = (xs: readonly string[]): string => xs.map(code).join(', ');

function statusSection(): string {
  const rows = STATUS_CODES.map(
    (s) => `| ${code(s.code)} | ${s.label} | ${list(STATUS_SYNONYMS[s.label] ?? [])} |`,
  );
  return [
    '## Statuses',
    '',
    'Every attribute accepts the three statuses, which stay three different things in every count:',
    'Declined (asked, chose not to answer), Unknown (a value that says nothing, or a code the mapping does',
    'not know) and Missing (no value). Their synonyms are understood everywhere, with or without a value map.',
    '',
    '| canonical code | stored as | built-in synonyms |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function attributeSection(a: AttributeInfo): string {
  const out = [`### \`${a.name}\``, '', `${a.title}: ${KIND_TEXT[a.kind]}.`, ''];
  if (a.codes.length) {
    out.push('| canonical code | stored as |', '| --- | --- |');
    for (const c of a.codes) out.push(`| ${code(c.code)} | ${c.label} |`);
    out.push('');
  }
  if (a.also) out.push(`Also accepted: ${a.also}.`, '');
  const syn = Object.entries(a.synonyms).filter(([, xs]) => xs.length);
  if (syn.length) {
    out.push('Built-in synonyms (case-insensitive; `_` and camelCase read as spaces):', '');
    for (const [label, xs] of syn) out.push(`- ${label}: ${list(xs)}`);
    out.push('');
  }
  return out.join('\n');
}

/** The worked example: a mapping, and what the ingest stores for each local value. */
const EXAMPLE: Readonly<Record<string, AttributeMapping & { raw: (string | null)[] }>> = {
  race: {
    column: 'race',
    values: { W: 'white', B: 'black', A: 'asian', D: 'declined' },
    raw: ['B', 'w', 'D', 'UNK', 'Z', null],
  },
  sex: { column: 'sex', values: { F: 'female', M: 'male' }, raw: ['F', 'M', 'X', '?'] },
  payer: {
    column: 'fin_class',
    values: { MCR: 'medicare', MCD: 'medicaid', SP: 'selfPay' },
    default: 'other',
    raw: ['MCD', 'BCBS', null],
  },
  language: { column: 'lang', raw: ['es-MX', 'Español', 'klingon'] },
};

function exampleYaml(): string {
  const lines = ['mapping:', '  patient_id: mrn', '  attributes:'];
  for (const [name, m] of Object.entries(EXAMPLE)) {
    lines.push(`    ${name}:`, `      column: ${m.column}`);
    if (m.values)
      lines.push(
        `      values: { ${Object.entries(m.values)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} }`,
      );
    if (m.default) lines.push(`      default: ${m.default}`);
  }
  return lines.join('\n');
}

function stored(name: string, m: AttributeMapping, raw: string | null): { label: string; unmapped: boolean } {
  if (name === 'race') {
    const r = mapRaceEthnicity({ mapping: m, raw }, { raw: null });
    return { label: r.race, unmapped: r.raceUnmapped };
  }
  const r = mapCode(name, m, raw);
  return { label: r.label, unmapped: r.unmapped };
}

function exampleSection(): string {
  const rows: string[] = [];
  for (const [name, m] of Object.entries(EXAMPLE)) {
    for (const raw of m.raw) {
      const s = stored(name, m, raw);
      rows.push(
        `| ${name} | ${raw === null ? '(empty)' : code(raw)} | ${s.label} | ${s.unmapped ? 'yes' : ''} |`,
      );
    }
  }
  return [
    '## Worked example',
    '',
    '```yaml',
    exampleYaml(),
    '```',
    '',
    'What `equilens ingest` stores for each local value (computed by the ingest itself when this page is',
    'generated). Local codes are matched case-insensitively; "unmapped" values are listed, with their',
    'counts, in the ingest reconciliation.',
    '',
    '| attribute | local value | stored as | reported as unmapped |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The `workforce:` section: its fields (from the schema's own list) and its attributes. */
function workforceSection(): string {
  return [
    '## Workforce: the HR extract',
    '',
    'An HR extract (one row per employee, or per employee and period) is mapped in its own section,',
    '`workforce:`, and loaded by `equilens ingest --workforce` into workforce versions of the workspace, apart',
    'from the patient datasets. `source:` takes the same keys as `sources[]` (type `csv`, `tsv` or `parquet`;',
    '`as_of` is the date tenure is counted to when no `as_of` column is named). `mapping:` names the column',
    'of each field; a field left out is empty on every row:',
    '',
    '```yaml',
    'workforce:',
    '  source: { type: csv, path: hr-extract.csv }',
    '  mapping:',
    '    employee_id: EMPLID',
    '    level: GRADE',
    '    pay: ANNUAL_RT',
    '    attributes:',
    '      sex: { column: SEX, values: { F: female, M: male } }',
    '```',
    '',
    '| field | the column holding |',
    '| --- | --- |',
    ...Object.entries(WORKFORCE_FIELDS).map(([f, d]) => `| ${code(f)} | ${d.replace(/^column with /, '')} |`),
    '',
    `\`mapping.attributes\` takes ${list(WORKFORCE_ATTRIBUTE_NAMES)} (race_ethnicity from one column, or race`,
    'and ethnicity from two), with the value maps, canonical codes, checks and unmapped accounting of the',
    'patient attributes above. A row with a value that is not a number, a date or a yes/no where one is',
    'needed, an empty employee id, or a second row of the same employee (and period) is rejected with its',
    'line and column, never its value.',
  ].join('\n');
}

export async function renderMappingDoc(): Promise<string> {
  const md = [
    '# The mapping: attributes, canonical codes and synonyms',
    '',
    '<!-- Generated by scripts/mapping-doc.ts from the vocabulary in src/model; do not edit by hand. -->',
    '',
    '`mapping.attributes` in `equilens.yaml` says which source column holds each attribute and how its local',
    'codes become canonical codes:',
    '',
    '```yaml',
    'sex:',
    '  column: gender_cd          # the source column',
    '  values: { F: female, M: male, D: declined }   # local code -> canonical code or status',
    '  default: unknown           # optional: what every code not listed means',
    '```',
    '',
    'A listed code maps to its canonical code; an unlisted one to `default:` when given; a status synonym',
    '(`UNK`, `?`, `ASKU`, empty) keeps its status; anything else is loaded as Unknown **and** reported as',
    'unmapped. Without `values:` the source value itself is read as a canonical code or synonym. `equilens',
    'ingest` refuses a canonical code the attribute does not have, and an attribute name one typo away from',
    'a standard one (`races:`); an attribute of your own (lower_snake_case, e.g. `housing`) is loaded as',
    'written, and `custom: true` keeps one whose name is close to a standard one. Editors autocomplete the',
    'names and codes from `schemas/equilens.schema.json`.',
    '',
    '## Attributes',
    '',
    '| attribute | what it is |',
    '| --- | --- |',
    ...ATTRIBUTES.map((a) => `| [\`${a.name}\`](#${a.name}) | ${a.title} |`),
    '',
    statusSection(),
    '',
    '## Date formats',
    '',
    '`birth_date` and `mapping.event_date` are read in these formats; a value in any other format (or an',
    'impossible date such as `2024-13-45`) is reported by `equilens ingest` with its file, line and column.',
    '',
    '| format | example |',
    '| --- | --- |',
    ...DATE_FORMATS.map((d) => `| ${d.format} | ${code(d.example)} |`),
    '',
    exampleSection(),
    '',
    workforceSection(),
    '',
    '## Each attribute',
    '',
    ...ATTRIBUTES.map(attributeSection),
  ].join('\n');
  const options = (await prettier.resolveConfig(DOC_FILE)) ?? {};
  return prettier.format(md, { ...options, parser: 'markdown' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DOC_FILE, await renderMappingDoc());
  console.log(`wrote ${DOC_FILE}`);
}
