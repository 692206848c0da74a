/**
 * `equilens payer-mix COUNTS`: the share of Medicaid and uninsured patients against the community's, and each
 * department, site or clinician group's share on a funnel plot against its peers. COUNTS is the same CSV of
 * patient counts as `equilens community`, with attribute `payer` (groups e.g. medicaid, uninsured, medicare,
 * commercial, other).
 */
import { Command, Option } from 'commander';
import { payerMixReport, type PayerMixReport } from '../../community/index.js';
import type { CliContext } from '../context.js';
import { parseAreas, parseShare, readCommunity } from '../community-input.js';
import { addCountsOptions, patientCounts, type CountsSource } from '../community-dataset.js';
import { withExamples } from '../options.js';
import { resolvePath, withPathsHelp } from '../paths.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { writeResults } from '../community-output.js';
import { usageError } from '../../errors.js';

interface PayerMixOptions extends CountsSource {
  svi?: string;
  community?: string;
  share?: string;
  areas?: string;
  groups?: string;
  fdr?: string;
  format?: string;
  out?: string;
}

const r4 = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : +v.toFixed(4));

function parseFdr(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!(v > 0 && v < 1))
    throw usageError(`--fdr "${value}" is not a rate between 0 and 1.`, { fix: 'Give e.g. --fdr 0.05.' });
  return v;
}

function printTable(ctx: CliContext, r: PayerMixReport): void {
  const s = r.system;
  ctx.io.out(
    `catchment: ${r.catchment.areas.length} areas, ${(100 * r.catchment.share).toFixed(1)}% of patients\n` +
      `system: patients ${r4(s.patients_share)}, community ${r4(s.community_share)} ` +
      `(${s.community_groups.join(' + ') || 'no community figure'}), difference ${r4(s.difference)} ` +
      `[${r4(s.lower)}, ${r4(s.upper)}]\n`,
  );
  ctx.io.out(
    formatTable(
      r.units.map((u) => ({
        facet: u.facet,
        unit: u.unit,
        patients: u.patients,
        share: r4(u.share),
        expected: r4(u.expected),
        lower_limit: r4(u.lower_limit),
        upper_limit: r4(u.upper_limit),
        q_value: r4(u.q_value),
        flag: u.flag ?? '',
      })),
    ),
  );
}

export function payerMixCommand(ctx: CliContext): Command {
  const base = new Command('payer-mix')
    .description(
      'share of Medicaid and uninsured patients against the community, and by department, site and clinician group on a funnel plot',
    )
    .argument(
      '[counts]',
      'CSV of patient counts: area,attribute,group,count[,facet,unit] with attribute "payer" (or --config/--workspace)',
    );
  const cmd = addCountsOptions(base, '(uninsured only: SVI has no Medicaid estimate)')
    .option('--groups <list>', 'payer groups counted (default medicaid,uninsured)')
    .option('--fdr <rate>', 'false-discovery rate for flagging units (default 0.05)')
    .option('-o, --out <dir>', 'write payer-mix.json here as well')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'table']).default('json'),
    )
    .action(async (file: string | undefined, opts: PayerMixOptions) => {
      const format = parseFormat(opts.format, ['json', 'table']);
      const counts = await patientCounts(file, opts, ctx.io.cwd);
      const result = payerMixReport(counts, readCommunity(opts, ctx.io.cwd), {
        share: parseShare(opts.share),
        areas: parseAreas(opts.areas),
        groups: parseAreas(opts.groups),
        fdr: parseFdr(opts.fdr),
      });
      if (opts.out)
        writeResults(resolvePath(ctx.io.cwd, opts.config, opts.out)!, ctx.io.cwd, 'payer-mix', result);
      if (format === 'json') return ctx.io.out(formatJson(result));
      printTable(ctx, result);
    });
  return withExamples(
    withPathsHelp(cmd),
    'equilens payer-mix patient-counts.csv --community acs-payer.csv',
    'equilens payer-mix patient-counts.csv --svi SVI2020_US_COUNTY.csv.gz --format table',
  );
}
