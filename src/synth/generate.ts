/**
 * `generate(spec, {seed, patients, rows, out})`: writes the synthetic extract (`extract.csv`, one row per
 * encounter with patient attribute columns in local codes and one outcome column per measure), a
 * ready-to-use `equilens.yaml`, and `truth.json` (the planted effects and the realised counts).
 * Deterministic given the seed: the same spec, seed and size give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { invalidInput } from '../errors.js';
import { buildConfigYaml } from './config-writer.js';
import { openCsvSink } from './csv-sink.js';
import {
  compileMeasures,
  DEPARTMENTS,
  DEPT,
  ENC,
  ENCOUNTER_TYPES,
  effectMask,
  eligible,
} from './measures-model.js';
import {
  createPopulationModel,
  formatDay,
  newPatient,
  PATIENT_EXTRACT_COLUMNS,
  samplePatient,
} from './population.js';
import { createRng, cumulative, pick, poisson } from './prng.js';
import { parseSpec, type SynthSpec, type SynthSpecInput } from './spec.js';
import { buildTruth, createTally, type Truth } from './truth.js';
import { SITES } from './geography.js';
import { PAYER_CODES } from './vocabulary.js';
import { quarterStarts } from './calendar.js';

export interface GenerateOptions {
  seed?: number;
  /** Number of patients (default 20,000, or rows / encounters_per_patient when only rows is given). */
  patients?: number;
  /** Exact number of encounter rows; generation stops when reached. */
  rows?: number;
  /** Output folder (created). */
  out: string;
  /** Called now and then with rows written so far. */
  progress?: (rows: number, total?: number) => void;
}

export interface GenerateResult {
  out: string;
  files: { extract: string; config: string; truth: string };
  patients: number;
  rows: number;
  seed: number;
  truth: Truth;
}

export const EXTRACT_FILE = 'extract.csv';
export const CONFIG_FILE = 'equilens.yaml';
export const TRUTH_FILE = 'truth.json';
const ENCOUNTER_COLUMNS = [
  'encounter_id',
  'encounter_date',
  'encounter_type',
  'department',
  'site',
  'age_at_encounter',
];

export async function generate(
  specInput: SynthSpec | SynthSpecInput,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const spec = parseSpec(specInput);
  const seed = options.seed ?? 1;
  if (options.patients !== undefined && (!Number.isInteger(options.patients) || options.patients < 1))
    throw invalidInput('The number of patients must be a positive whole number.', {
      fix: 'For example 20000.',
    });
  if (options.rows !== undefined && (!Number.isInteger(options.rows) || options.rows < 1))
    throw invalidInput('The number of rows must be a positive whole number.', {
      fix: 'For example 1000000.',
    });
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const rowTarget = options.rows;
  const patientTarget = options.patients ?? (rowTarget ? Number.POSITIVE_INFINITY : 20_000);
  const meanEnc =
    rowTarget && options.patients ? Math.max(1, rowTarget / options.patients) : spec.encounters_per_patient;

  const rng = createRng(seed);
  const starts = quarterStarts(spec.start, spec.periods);
  const startDay = starts[0]!;
  const nDays = starts[spec.periods]! - startDay;
  const dayText = Array.from({ length: nDays }, (_, d) => formatDay(startDay + d));
  const dayPeriod = new Uint8Array(nDays);
  for (let t = 0; t < spec.periods; t++)
    for (let d = starts[t]! - startDay; d < starts[t + 1]! - startDay; d++) dayPeriod[d] = t;

  const model = createPopulationModel(spec, startDay);
  const measures = compileMeasures(spec);
  const tally = createTally(spec, measures);
  const masks = new Int32Array(measures.length);
  const opCum = [0, 1, 2, 3].map((flags) =>
    cumulative(
      DEPARTMENTS.map((_, i) =>
        i === DEPT.primaryCare
          ? 0.55
          : i === DEPT.cardiology
            ? flags & 2
              ? 0.15
              : 0.06
            : i === DEPT.endocrinology
              ? flags & 1
                ? 0.14
                : 0.02
              : i === DEPT.behavioral
                ? 0.1
                : i === DEPT.surgery
                  ? 0.08
                  : 0,
      ),
    ),
  );
  const ipCum = cumulative([0.55, 0.27, 0.18]);

  const extractPath = join(out, EXTRACT_FILE);
  const sink = openCsvSink(extractPath);
  sink.write(
    [...ENCOUNTER_COLUMNS, ...PATIENT_EXTRACT_COLUMNS, ...measures.map((m) => m.id)].join(',') + '\n',
  );
  const p = newPatient();
  let rows = 0;
  let patients = 0;
  const outcome: string[] = new Array<string>(measures.length).fill('');
  while (patients < patientTarget && (rowTarget === undefined || rows < rowTarget)) {
    patients++;
    samplePatient(model, rng, patients, p);
    tally.patient(p);
    for (let i = 0; i < measures.length; i++) masks[i] = effectMask(measures[i]!, p);
    const mult =
      (p.ageAtStart >= 65 ? 1.35 : p.ageAtStart < 18 ? 0.6 : 1) * (p.diabetes || p.hypertension ? 1.25 : 1);
    let k = 1 + poisson(rng, Math.max(0, (meanEnc - 1) * mult * 0.9));
    if (rowTarget !== undefined) k = Math.min(k, rowTarget - rows);
    const obstetric = p.female && p.ageAtStart >= 15 && p.ageAtStart <= 44;
    const flags = (p.diabetes ? 1 : 0) | (p.hypertension ? 2 : 0);
    const ipRate = 0.08 + (p.ageAtStart >= 65 ? 0.05 : 0) + (obstetric ? 0.03 : 0);
    const edRate = 0.12 + 0.1 * p.deprivation;
    for (let e = 0; e < k; e++) {
      rows++;
      const day = rng.int(nDays);
      const period = dayPeriod[day]!;
      const age = Math.floor((startDay + day - p.birthDay) / 365.25);
      const u = rng.next();
      let type: number;
      let dept: number;
      if (u < ipRate) {
        type = ENC.inpatient;
        dept = obstetric && rng.next() < 0.45 ? DEPT.obstetrics : pick(rng, ipCum);
      } else if (u < ipRate + edRate) {
        type = ENC.emergency;
        dept = DEPT.emergency;
      } else {
        type = ENC.outpatient;
        dept = pick(rng, opCum[flags]!);
      }
      // Planted access gap (spec.payer_mix): decided without a random draw, so the stream is unchanged, and
      // only between departments no measure's eligibility tells apart.
      if (divert(spec, p.payerIndex, dept, rows))
        dept = type === ENC.inpatient ? DEPT.medicine : DEPT.behavioral;
      const site = type === ENC.outpatient || rng.next() < 0.7 ? p.site : 0;
      for (let i = 0; i < measures.length; i++) {
        const m = measures[i]!;
        if (!eligible(m.kind, type, dept, age, p)) {
          outcome[i] = '';
          continue;
        }
        const hit = rng.next() < m.prob[period * m.nMasks + masks[i]!]!;
        outcome[i] = hit ? 'Y' : 'N';
        tally.outcome(i, period, masks[i]!, p, hit);
      }
      sink.write(
        `E${String(rows).padStart(9, '0')},${dayText[day]},${ENCOUNTER_TYPES[type]},${DEPARTMENTS[dept]},${SITES[site]},${age},${p.segment},${outcome.join(',')}\n`,
      );
    }
    if (options.progress && (patients & 1023) === 0) options.progress(rows, rowTarget);
  }
  sink.close();
  options.progress?.(rows, rowTarget ?? rows);

  const truth = buildTruth(spec, measures, tally, { seed, patients, rows, start: startDay });
  const configPath = join(out, CONFIG_FILE);
  writeFileSync(configPath, buildConfigYaml(spec, measures, { extract: EXTRACT_FILE, seed }));
  const truthPath = join(out, TRUTH_FILE);
  writeFileSync(truthPath, JSON.stringify(truth, null, 2) + '\n');
  return {
    out,
    files: { extract: extractPath, config: configPath, truth: truthPath },
    patients,
    rows,
    seed,
    truth,
  };
}

/** Low-income payers whose Surgery encounters the planted access gap diverts, by payer index. */
const PAYER_LIST_CODES = Object.values(PAYER_CODES).map((c) => c.local);
const LOW_INCOME = new Set([PAYER_CODES.medicaid.local, PAYER_CODES.dual.local, PAYER_CODES.selfPay.local]);

/** Whether encounter number `row` of a low-income patient leaves Surgery: `diverted` of them, evenly spread. */
function divert(spec: SynthSpec, payerIndex: number, dept: number, row: number): boolean {
  const plan = spec.payer_mix;
  if (!plan || dept !== DEPT.surgery) return false;
  const code = PAYER_LIST_CODES[payerIndex];
  if (code === undefined || !LOW_INCOME.has(code)) return false;
  return (row * 0.6180339887) % 1 < plan.diverted;
}
