/**
 * `equilens workforce HR_FILE`: representation by level (against the patients when a dataset is named),
 * hiring, promotion and exit rates, and the pay gap unadjusted and adjusted, internal or public (the
 * workforce has its own, higher suppression threshold). Without HR_FILE, the employees come from the
 * workspace's newest workforce version (`equilens ingest --workforce`, the config's workforce: section).
 */
import { Command, Option } from 'commander';
import {
  readEmployees,
  WORKFORCE_MINIMUM,
  WORKFORCE_THRESHOLD,
  workforceReport,
  type WorkforceReport,
} from '../../workforce/index.js';
import type { CliContext } from '../context.js';
import { readRecords } from '../community-input.js';
import { patientSharesOf } from '../community-dataset.js';
import { writeResults } from '../community-output.js';
import { withExamples } from '../options.js';
import { resolvePath, withPathsHelp } from '../paths.js';
import { configThreshold, workforceFromWorkspace } from '../workforce-workspace.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { invalidInput, usageError } from '../../errors.js';

interface WorkforceOptions {
  audience?: string;
  threshold?: string;
  config?: string;
  workspace?: string;
  dataset?: string;
  workforceVersion?: string;
  format?: string;
  out?: string;
}

const r4 = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : +v.toFixed(4));

function parseThreshold(value: string | undefined, configured?: number): number {
  if (value === undefined) return configured ?? WORKFORCE_THRESHOLD;
  const v = Number(value);
  if (!Number.isInteger(v) || v < WORKFORCE_MINIMUM)
    throw usageError(`--threshold "${value}" is below the workforce minimum of ${WORKFORCE_MINIMUM}.`, {
      fix: `Give a whole number of employees, ${WORKFORCE_MINIMUM} or more (default ${WORKFORCE_THRESHOLD}).`,
    });
  return v;
}

function printTable(ctx: CliContext, r: WorkforceReport): void {
  ctx.io.out(`employees: ${r.employees ?? `fewer than ${r.threshold}`} (${r.audience})\n\nrepresentation\n`);
  ctx.io.out(
    formatTable(
      r.representation.map((x) => ({
        level: x.level,
        attribute: x.attribute,
        group: x.group,
        employees: x.employees,
        share: r4(x.share),
        patients_share: r4(x.patients_share),
      })),
    ) + '\npay gap\n',
  );
  ctx.io.out(
    formatTable(
      r.pay_gap.map((p) => ({
        attribute: p.attribute,
        group: p.group,
        reference: p.reference,
        employees: p.employees,
        unadjusted: r4(p.unadjusted),
        adjusted: r4(p.adjusted),
        lower: r4(p.lower),
        upper: r4(p.upper),
        q_value: r4(p.q_value),
      })),
    ) + '\nrates\n',
  );
  ctx.io.out(
    formatTable(
      r.rates.map((x) => ({
        event: x.event,
        attribute: x.attribute,
        group: x.group,
        employees: x.employees,
        rate: r4(x.rate),
        difference: r4(x.difference),
        q_value: r4(x.q_value),
      })),
    ),
  );
}

export function workforceCommand(ctx: CliContext): Command {
  const cmd = new Command('workforce')
    .description('workforce equity: representation by level, hiring/promotion/exit rates, pay gap (adjusted)')
    .argument(
      '[hr-file]',
      "CSV (or .csv.gz) HR extract: employee_id, race_ethnicity, sex, job_family, level, department, tenure_years or hire_date+as_of, fte, pay, hired, promoted, exited[, year]; without it, the workspace's workforce version (ingest --workforce)",
    )
    .addOption(
      new Option('--audience <audience>', 'internal, or public (suppressed)')
        .choices(['internal', 'public'])
        .default('internal'),
    )
    .option('--threshold <n>', `public: smallest group of employees shown (default ${WORKFORCE_THRESHOLD})`)
    .option(
      '-c, --config <file>',
      "compare representation with this project's patients (newest dataset); without HR_FILE, read its workforce version",
    )
    .option('-w, --workspace <dir>', 'workspace folder (default: .equilens/ beside the config)')
    .option('-d, --dataset <version>', 'patient dataset version (default: the newest)')
    .option('--workforce-version <version>', 'without HR_FILE: workforce version (default: the newest)')
    .option('-o, --out <dir>', 'write workforce.json here as well')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'table']).default('json'),
    )
    .action(async (file: string | undefined, opts: WorkforceOptions) => {
      const format = parseFormat(opts.format, ['json', 'table']);
      const read = file === undefined ? await fromWorkspace(ctx, opts) : await fromFile(ctx, file, opts);
      const report = workforceReport(read.employees, {
        audience: opts.audience === 'public' ? 'public' : 'internal',
        threshold: parseThreshold(opts.threshold, configThreshold(opts.config, ctx.io.cwd)),
        ...(read.patients ? { patients: read.patients } : {}),
      });
      const result = {
        ...report,
        reconciliation: read.reconciliation,
        rejections: read.rejections,
        unmapped: read.unmapped,
      };
      if (opts.out)
        writeResults(resolvePath(ctx.io.cwd, opts.config, opts.out)!, ctx.io.cwd, 'workforce', result);
      if (format === 'json') return ctx.io.out(formatJson(result));
      printTable(ctx, report);
    });
  return withExamples(
    withPathsHelp(cmd),
    'equilens workforce hr-extract.csv --format table',
    'equilens workforce --config equilens.yaml --format table   # after equilens ingest --workforce',
    'equilens workforce hr-extract.csv --config equilens.yaml --audience public --out results/',
  );
}

/** The HR_FILE path: the fixed columns, read in JS; the patients' shares when a config or workspace is named. */
async function fromFile(ctx: CliContext, file: string, opts: WorkforceOptions) {
  const rec = readRecords(file, ctx.io.cwd);
  if (!rec.header.includes('employee_id'))
    throw invalidInput('The HR extract has no employee_id column.', {
      file,
      line: 1,
      column: 'employee_id',
      fix: 'Name the employee identifier column employee_id (see `equilens workforce --help` for the columns).',
    });
  const read = readEmployees(rec);
  const patients = opts.config || opts.workspace ? await patientSharesOf(opts, ctx.io.cwd) : undefined;
  return { ...read, ...(patients ? { patients } : {}) };
}

/** No HR_FILE: the workspace's workforce version (the config's workforce: section, ingested). */
async function fromWorkspace(ctx: CliContext, opts: WorkforceOptions) {
  if (opts.config === undefined && opts.workspace === undefined)
    throw usageError('No HR extract given.', {
      fix: 'Give an HR_FILE, or --config (with a workforce: section, loaded by `equilens ingest --workforce`) or --workspace.',
    });
  return workforceFromWorkspace(opts, ctx.io.cwd);
}
