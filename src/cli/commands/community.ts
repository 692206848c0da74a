/**
 * `equilens community COUNTS`: the patients' mix against the community's in the catchment, overall and per
 * department, site or clinician group, with intervals and an inclusivity index. COUNTS is a CSV of patient
 * counts: area, attribute, group, count (facet, unit optional; empty facet = the whole system).
 */
import { Command, Option } from 'commander';
import { communityReport } from '../../community/index.js';
import type { CliContext } from '../context.js';
import { parseAreas, parseShare, readCommunity } from '../community-input.js';
import { addCountsOptions, patientCounts, type CountsSource } from '../community-dataset.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath, withPathsHelp } from '../paths.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { writeResults } from '../community-output.js';

interface CommunityOptions extends CountsSource {
  svi?: string;
  community?: string;
  share?: string;
  areas?: string;
  format?: string;
  out?: string;
}

const r4 = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : +v.toFixed(4));

export function communityCommand(ctx: CliContext): Command {
  const base = new Command('community')
    .description(
      'patient mix against the community mix of the catchment (race and ethnicity, uninsured, language, disability, age)',
    )
    .argument(
      '[counts]',
      'CSV of patient counts: area,attribute,group,count[,facet,unit] (or --config/--workspace)',
    );
  const cmd = addCountsOptions(base)
    .option('-o, --out <dir>', 'write community.json here as well')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'table']).default('json'),
    )
    .action(async (file: string | undefined, opts: CommunityOptions) => {
      const format = parseFormat(opts.format, ['json', 'table']);
      const patients = await patientCounts(file, opts, ctx.io.cwd);
      const result = communityReport(patients, readCommunity(opts, ctx.io.cwd), {
        share: parseShare(opts.share),
        areas: parseAreas(opts.areas),
      });
      if (opts.out)
        writeResults(resolvePath(ctx.io.cwd, opts.config, opts.out)!, ctx.io.cwd, 'community', result);
      if (format === 'json') return ctx.io.out(formatJson(result));
      ctx.io.out(
        `catchment: ${result.catchment.areas.length} areas, ${(100 * result.catchment.share).toFixed(1)}% of patients\n`,
      );
      ctx.io.out(
        formatTable(
          result.comparison.map((c) => ({
            facet: c.facet ?? '',
            unit: c.unit ?? '',
            attribute: c.attribute,
            group: c.group,
            patients_share: r4(c.patients_share),
            community_share: r4(c.community_share),
            difference: r4(c.difference),
            lower: r4(c.lower),
            upper: r4(c.upper),
          })),
        ),
      );
    });
  void commonOptions;
  return withExamples(
    withPathsHelp(cmd),
    'equilens community patient-counts.csv --svi SVI2020_US_COUNTY.csv.gz',
    'equilens community patient-counts.csv --svi svi.csv.gz --share 0.8 --format table',
    'equilens community patient-counts.csv --community acs.csv --areas 06037,06059 --out results/',
  );
}
