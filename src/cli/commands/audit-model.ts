/**
 * `equilens audit-model --predictions FILE` (issue #15 item 1): a risk score audited by group. The file
 * (CSV or Parquet: patient id, score, outcome label, optional unit id and date) is read by DuckDB. With
 * `--config`, it is joined on the engine to the patients of a dataset version and only per-group aggregates
 * come back (one row per distinct score × label × groups, with its count — never a patient id); without,
 * `--by race,sex` (and `--by race*sex` for an intersection) groups by the file's own columns.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import {
  AUDIT_GUIDANCE,
  auditModel,
  type AuditOptions,
  type AuditReferenceRule,
  type AuditResult,
  type AuditRow,
} from '../../audit/index.js';
import { loadConfig } from '../../config/load.js';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { quoteLiteral, type Engine } from '../../engine/dialect.js';
import { getDataset, openWorkspace, resolveWorkspaceDir, WORKSPACE_FILE } from '../../engine/workspace.js';
import { invalidInput, notFound, usageError } from '../../errors.js';
import { PUBLIC_MINIMUM } from '../../suppression/index.js';
import { writeResults } from '../community-output.js';
import { resolvePath } from '../paths.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';

interface AuditModelOptions {
  config?: string;
  workspace?: string;
  dataset?: string;
  predictions?: string;
  threshold?: string[];
  top?: string;
  topPct?: string;
  by?: string;
  reference?: string;
  audience?: string;
  idColumn: string;
  scoreColumn: string;
  labelColumn: string;
  format?: string;
  out?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim())];

function parseThresholds(values: string[] | undefined): number[] | undefined {
  if (!values) return undefined;
  return values.map((v) => {
    const t = Number(v);
    if (v === '' || !Number.isFinite(t))
      throw usageError(`--threshold "${v}" is not a number.`, {
        fix: 'Give one or several scores, e.g. --threshold 0.2,0.5 (a row is flagged when score ≥ threshold).',
      });
    return t;
  });
}

function parsePositive(name: string, v: string | undefined, max = Infinity): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0) || n > max)
    throw usageError(`${name} "${v}" must be a positive number${max < Infinity ? ` up to ${max}` : ''}.`, {
      fix: name === '--top' ? 'e.g. --top 500' : 'e.g. --top-pct 3',
    });
  return n;
}

/** `race,sex,race*sex` → stratifiers [race, sex] and intersections [[race, sex]]. */
export function parseBy(value: string | undefined): { stratifiers: string[]; intersections: string[][] } {
  const parts = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const intersections = parts.filter((p) => p.includes('*')).map((p) => p.split('*').map((s) => s.trim()));
  const stratifiers = [...new Set([...parts.filter((p) => !p.includes('*')), ...intersections.flat()])];
  return { stratifiers, intersections };
}

const parseReference = (v: string | undefined): AuditReferenceRule | undefined =>
  v === undefined ? undefined : v === 'largest' || v === 'best' ? v : { group: v };

function source(file: string): string {
  const lit = quoteLiteral(file);
  return /\.parquet$/i.test(file) ? `read_parquet(${lit})` : `read_csv_auto(${lit}, all_varchar = true)`;
}

async function columnsOf(engine: Engine, from: string): Promise<string[]> {
  const rows = await engine.all(`DESCRIBE SELECT * FROM ${from}`);
  return rows.map((r) => String(r.column_name));
}

/**
 * Aggregate the predictions (joined to the dataset's patients when `patients` is given) on the engine:
 * distinct score × label × groups with a count. Bad scores or labels are an error naming how many rows.
 */
async function aggregate(
  engine: Engine,
  file: string,
  opts: AuditModelOptions,
  stratifiers: readonly string[],
  patients?: string,
): Promise<AuditRow[]> {
  const from = source(file);
  const cols = await columnsOf(engine, from);
  const need = [opts.scoreColumn, opts.labelColumn, ...(patients ? [opts.idColumn] : [])];
  const fileStrata = patients ? [] : stratifiers;
  const missing = [...need, ...fileStrata].filter((c) => !cols.includes(c));
  if (missing.length)
    throw invalidInput(`${file} has no column ${missing.map((m) => `"${m}"`).join(', ')}.`, {
      file,
      fix: `It has ${cols.join(', ')}. Name the columns with --score-column, --label-column, --id-column or --by.`,
    });
  const q = (c: string) => engine.ident(c);
  const score = `TRY_CAST(p.${q(opts.scoreColumn)} AS DOUBLE)`;
  const rawLabel = `lower(trim(CAST(p.${q(opts.labelColumn)} AS VARCHAR)))`;
  const label = `CASE WHEN ${rawLabel} IN ('1','true','yes','1.0') THEN 1 WHEN ${rawLabel} IN ('0','false','no','0.0') THEN 0 END`;
  const join = patients
    ? `JOIN ${patients} pt ON CAST(pt.patient_id AS VARCHAR) = CAST(p.${q(opts.idColumn)} AS VARCHAR)`
    : '';
  const groupCols = stratifiers.map((s, i) => `CAST(${patients ? 'pt' : 'p'}.${q(s)} AS VARCHAR) AS g${i}`);
  const base = `FROM ${from} p ${join}`;
  const [bad] = await engine.all(
    `SELECT COUNT(*) FILTER (WHERE ${score} IS NULL OR isnan(${score})) AS bad_score, COUNT(*) FILTER (WHERE ${label} IS NULL) AS bad_label, COUNT(*) AS n ${base}`,
  );
  if (Number(bad!.bad_score) > 0 || Number(bad!.bad_label) > 0)
    throw invalidInput(
      `${file}: ${Number(bad!.bad_score)} rows have a score that is not a number and ${Number(bad!.bad_label)} a label that is not 0/1.`,
      {
        file,
        fix: `Column "${opts.scoreColumn}" must be numeric and "${opts.labelColumn}" 0 or 1 (or true/false).`,
      },
    );
  if (patients) {
    const [{ n: total } = { n: 0 }] = await engine.all(`SELECT COUNT(*) AS n FROM ${from}`);
    if (Number(total) !== Number(bad!.n))
      throw invalidInput(
        `${file}: ${Number(total) - Number(bad!.n)} of ${Number(total)} predictions have a patient id that is not in the dataset.`,
        {
          file,
          fix: `Check that column "${opts.idColumn}" holds the dataset's patient ids, and the dataset version.`,
        },
      );
  }
  const sel = [`${score} AS score`, `${label} AS label`, ...groupCols].join(', ');
  const grp = ['score', 'label', ...stratifiers.map((_, i) => `g${i}`)].join(', ');
  const agg = await engine.all(`SELECT ${sel}, COUNT(*) AS n ${base} GROUP BY ${grp} ORDER BY ${grp}`);
  const rows: AuditRow[] = [];
  for (const a of agg) {
    const attributes = Object.fromEntries(stratifiers.map((s, i) => [s, a[`g${i}`] as string | null]));
    const r: AuditRow = { score: Number(a.score), label: Number(a.label) === 1 ? 1 : 0, attributes };
    for (let k = 0; k < Number(a.n); k++) rows.push(r);
  }
  return rows;
}

async function withDataset<T>(
  opts: AuditModelOptions,
  cwd: string,
  fn: (
    engine: Engine,
    patients: string,
    stratifiers: string[],
    config: ReturnType<typeof loadConfig> | null,
  ) => Promise<T>,
): Promise<T> {
  const loaded = opts.config ? loadConfig(resolve(cwd, opts.config)) : null;
  const dir = resolveWorkspaceDir(loaded?.dir ?? cwd, opts.workspace, cwd);
  if (!existsSync(join(dir, WORKSPACE_FILE)))
    throw notFound(`No workspace in ${dir}.`, {
      file: dir,
      fix: 'Ingest a dataset first (equilens ingest), or audit the file alone with --by race,sex.',
    });
  const ws = await openWorkspace(dir, { readOnly: true });
  try {
    const v = opts.dataset === undefined ? undefined : Number(opts.dataset.replace(/^v/i, ''));
    const dataset = await getDataset(ws.engine, v);
    const patients = `${ws.engine.ident(dataset.schema)}.patients`;
    const cols = (await ws.engine.all(`DESCRIBE SELECT * FROM ${patients}`)).map((r) =>
      String(r.column_name),
    );
    const wanted = loaded?.config.analysis.stratifiers ?? [
      'race_ethnicity',
      'race',
      'ethnicity',
      'sex',
      'payer',
      'language',
    ];
    return await fn(
      ws.engine,
      patients,
      wanted.filter((s) => cols.includes(s)),
      loaded,
    );
  } finally {
    await ws.close();
  }
}

const r4 = (v: unknown): Cell => (typeof v === 'number' ? +v.toFixed(4) : (v as Cell));

function printTable(ctx: CliContext, result: AuditResult): void {
  const gcols = [
    'stratifier',
    'group',
    'threshold',
    'n',
    'tp',
    'fp',
    'tn',
    'fn',
    'selection_rate',
    'tpr',
    'fpr',
    'fnr',
    'ppv',
    'fdr',
    'for',
    'fnr_difference',
    'fnr_q_value',
    'fpr_difference',
    'fpr_q_value',
  ];
  const ccols = [
    'stratifier',
    'group',
    'n',
    'observed_expected',
    'calibration_intercept',
    'calibration_slope',
    'brier',
    'ece',
    'auc',
    'auc_lower',
    'auc_upper',
    'auc_q_value',
  ];
  const pick = (rows: AuditResult['groups'], cols: string[]) =>
    rows.map((r) => Object.fromEntries(cols.map((c) => [c, r4(r[c])])));
  ctx.io.out(
    `${AUDIT_GUIDANCE.flag_rule}\n\n${formatTable(pick(result.groups, gcols), gcols)}\n\n${formatTable(pick(result.calibration, ccols), ccols)}\n\n` +
      `Assistive use: ${AUDIT_GUIDANCE.assistive}\nPunitive use: ${AUDIT_GUIDANCE.punitive}\n${AUDIT_GUIDANCE.label_question}`,
  );
}

export function auditModelCommand(ctx: CliContext): Command {
  const cmd = new Command('audit-model')
    .description(
      'audit a risk score by group: error rates at thresholds, calibration and AUC, with intervals',
    )
    .requiredOption(
      '--predictions <file>',
      'CSV or Parquet: patient id, score, outcome label[, unit id, date]',
    )
    .option('-c, --config <file>', "join the predictions to the patients of this project's dataset")
    .option('-w, --workspace <dir>', 'workspace folder (default: .equilens/ beside the config)')
    .option('-d, --dataset <version>', 'dataset version (default: the newest)')
    .option(
      '--threshold <scores>',
      'flag rows with score ≥ this; one or several (comma-separated or repeated)',
      collect,
    )
    .option('--top <n>', 'flag the N highest scores instead of a threshold')
    .option('--top-pct <p>', 'flag the top P percent of scores instead of a threshold')
    .option('--by <columns>', "without a dataset: group by the file's columns, e.g. race,sex,race*sex")
    .option('--reference <rule>', 'reference group: largest (default), best, or a group name')
    .addOption(
      new Option('--audience <audience>', 'public applies the small-cell rules')
        .choices(['internal', 'public'])
        .default('internal'),
    )
    .option('--id-column <name>', 'patient id column', 'patient_id')
    .option('--score-column <name>', 'score column', 'score')
    .option('--label-column <name>', 'outcome label column (0/1)', 'label')
    .option('-o, --out <dir>', 'write audit.json here (beside results.json)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'table']).default('json'),
    )
    .action(async (opts: AuditModelOptions) => {
      const format = parseFormat(opts.format, ['json', 'table']);
      const thresholds = parseThresholds(opts.threshold);
      const top = parsePositive('--top', opts.top);
      const topPct = parsePositive('--top-pct', opts.topPct, 100);
      if ([thresholds, top, topPct].filter((v) => v !== undefined).length > 1)
        throw usageError('Give one of --threshold, --top and --top-pct.', {
          fix: 'Run the audit once per rule.',
        });
      const file = resolve(ctx.io.cwd, opts.predictions!);
      if (!existsSync(file))
        throw notFound(`The predictions file ${opts.predictions} does not exist.`, {
          file: opts.predictions,
          fix: 'Check the path.',
        });
      const base: Omit<AuditOptions, 'stratifiers'> = {
        ...(thresholds ? { thresholds } : {}),
        ...(top !== undefined ? { top } : {}),
        ...(topPct !== undefined ? { topPct } : {}),
        audience: opts.audience === 'public' ? 'public' : 'internal',
      };
      const ref = parseReference(opts.reference);
      let result: AuditResult;
      if (opts.config || opts.workspace) {
        result = await withDataset(opts, ctx.io.cwd, async (engine, patients, stratifiers, loaded) => {
          const by = parseBy(opts.by);
          const strata = by.stratifiers.length ? by.stratifiers : stratifiers;
          const intersections = by.intersections.length
            ? by.intersections
            : (loaded?.config.analysis.intersections ?? []);
          const rows = await aggregate(
            engine,
            file,
            opts,
            [...new Set([...strata, ...intersections.flat()])],
            patients,
          );
          const configRef = (loaded?.config.analysis.reference ?? {}) as Record<
            string,
            AuditReferenceRule | 'everyone_else'
          >;
          const reference = Object.fromEntries(
            Object.entries(configRef).map(([k, v]) => [k, v === 'everyone_else' ? 'largest' : v]),
          ) as Record<string, AuditReferenceRule>;
          return auditModel(rows, {
            ...base,
            stratifiers: strata,
            intersections,
            reference: ref ? { ...reference, default: ref } : reference,
            ...(loaded
              ? {
                  level: loaded.config.analysis.confidence,
                  suppressionThreshold: Math.max(PUBLIC_MINIMUM, loaded.config.suppression.threshold),
                }
              : {}),
          });
        });
      } else {
        const by = parseBy(opts.by);
        const engine = await openDuckDB();
        try {
          const rows = await aggregate(engine, file, opts, by.stratifiers);
          result = auditModel(rows, { ...base, ...by, ...(ref ? { reference: { default: ref } } : {}) });
        } finally {
          await engine.close();
        }
      }
      if (opts.out)
        writeResults(resolvePath(ctx.io.cwd, opts.config, opts.out)!, ctx.io.cwd, 'audit', result);
      if (format === 'json') return void ctx.io.out(formatJson(result));
      printTable(ctx, result);
    });
  return withExamples(
    cmd,
    'equilens audit-model --predictions scores.csv --by race,sex,race*sex --threshold 0.2,0.5',
    'equilens audit-model --config equilens.yml --predictions scores.parquet --top-pct 3 --audience public --out results/',
  );
}
