/**
 * `equilens egfr FILE` — every CKD-EPI equation and its KDIGO G category for each row of a CSV with
 * `age_years`, `sex` (female/male), `creatinine_mg_dl` and an optional `cystatin_c_mg_l`. With a `race`
 * column, `--by-race` prints the reclassification by race instead (2009 as applied vs 2021 race-free).
 */
import { Command } from 'commander';
import { invalidInput } from '../../errors.js';
import { allEgfr, EGFR_EQUATIONS, kdigoG, type EgfrInput, type Sex } from '../../equations/egfr.js';
import { reclassifyByRace } from '../../equations/reclassification.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatJson, formatTable, parseFormat } from '../output.js';
import {
  optionalNumber,
  readTable,
  requireColumns,
  requireNumber,
  type TableRow,
} from '../../ingest/aggregate/read-table.js';

function readSex(row: TableRow, file: string): Sex {
  const raw = (row.values.sex ?? '').toLowerCase();
  if (raw === 'female' || raw === 'male') return raw;
  throw invalidInput(`${file} line ${row.line}: column "sex" is "${row.values.sex}".`, {
    file,
    line: row.line,
    column: 'sex',
    fix: 'Write female or male (the CKD-EPI equations are defined for these two values).',
  });
}

export function readEgfrInput(row: TableRow, file: string): EgfrInput {
  return {
    ageYears: requireNumber(row, 'age_years', file, { min: 18 }),
    sex: readSex(row, file),
    creatinineMgDl: requireNumber(row, 'creatinine_mg_dl', file, { min: 0.01 }),
    cystatinCMgL: optionalNumber(row, 'cystatin_c_mg_l', file, { min: 0.01 }),
  };
}

export function egfrRows(inputs: readonly EgfrInput[]): Record<string, number | string | null>[] {
  return inputs.map((i) => {
    const values = allEgfr(i);
    const out: Record<string, number | string | null> = { ...values };
    for (const e of EGFR_EQUATIONS) out[`kdigo_g_${e}`] = kdigoG(values[e]);
    return out;
  });
}

interface EgfrOptions {
  format?: string;
  byRace?: boolean;
}

export function egfrCommand(ctx: CliContext): Command {
  const cmd = new Command('egfr')
    .description('CKD-EPI eGFR (2009 with and without race coefficient, 2021, cystatin C) per row')
    .argument('<file>', 'CSV with age_years, sex (female/male), creatinine_mg_dl[, cystatin_c_mg_l][, race]')
    .option('--by-race', 'count KDIGO stage changes and waitlist (≤ 20) crossings by the "race" column')
    .addOption(commonOptions.format(['table', 'json']))
    .action((file: string, opts: EgfrOptions) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const table = readTable(file, ctx.io.cwd);
      requireColumns(table, ['age_years', 'sex', 'creatinine_mg_dl', ...(opts.byRace ? ['race'] : [])]);
      const inputs = table.rows.map((r) => readEgfrInput(r, file));
      if (opts.byRace) {
        const rows = reclassifyByRace(
          inputs.map((i, k) => {
            const race = table.rows[k]!.values.race ?? '';
            return { ...i, race, black: /^(black|black or african american|african american)$/i.test(race) };
          }),
        );
        ctx.io.out(
          format === 'json' ? formatJson({ by_race: rows }) : formatTable(rows.map((r) => ({ ...r }))),
        );
        return;
      }
      const rows = egfrRows(inputs);
      if (format === 'json') return void ctx.io.out(formatJson({ rows }));
      const round = (v: number | string | null) => (typeof v === 'number' ? +v.toFixed(1) : v);
      ctx.io.out(
        formatTable(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])))),
      );
    });
  return withExamples(cmd, 'equilens egfr labs.csv --format json', 'equilens egfr labs.csv --by-race');
}
