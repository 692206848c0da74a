import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { listDatasets, openWorkspace, resolveWorkspaceDir, WORKSPACE_FILE } from '../../engine/workspace.js';
import { listWorkforceVersions, type WorkforceVersion } from '../../engine/workforce/index.js';
import { notFound } from '../../errors.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath } from '../paths.js';
import { formatCsv, formatJson, formatTable, parseFormat, type Cell } from '../output.js';

interface DatasetsCliOptions {
  config: string;
  workspace?: string;
  format?: string;
}

const COLUMNS = ['version', 'id', 'createdAt', 'read', 'loaded', 'rejected', 'patients', 'measureRows'];
const WF_COLUMNS = ['version', 'id', 'createdAt', 'read', 'loaded', 'rejected', 'employees', 'periods'];

/** The HR extract's versions (`ingest --workforce`), listed after the patient datasets when there are any. */
function workforceTable(list: readonly WorkforceVersion[]): string {
  if (!list.length) return '';
  const rows = list.map((w) => ({
    version: w.version,
    id: w.id,
    createdAt: w.createdAt,
    read: w.rows.read,
    loaded: w.rows.loaded,
    rejected: w.rows.rejected,
    employees: w.employees,
    periods: w.periods,
  }));
  return `\nworkforce versions\n${formatTable(rows, WF_COLUMNS)}`;
}

export function datasetsCommand(ctx: CliContext): Command {
  const cmd = new Command('datasets')
    .description('list the dataset versions (and workforce versions) in the workspace')
    .addOption(commonOptions.config())
    .addOption(commonOptions.workspace())
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .action(async (opts: DatasetsCliOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const dir = resolveWorkspaceDir(
        dirname(resolve(ctx.io.cwd, opts.config)),
        resolvePath(ctx.io.cwd, opts.config, opts.workspace),
      );
      if (!existsSync(join(dir, WORKSPACE_FILE))) {
        throw notFound(`No workspace in ${dir}.`, {
          file: dir,
          fix: 'Run `equilens ingest` first, or pass --workspace DIR.',
        });
      }
      const ws = await openWorkspace(dir, { readOnly: true });
      try {
        const list = await listDatasets(ws.engine);
        const workforce = await listWorkforceVersions(ws.engine);
        if (format === 'json') {
          ctx.io.out(
            formatJson({
              datasets: list.map(({ meta: _meta, ...d }) => d),
              workforce: workforce.map(({ meta: _meta, schema: _schema, ...w }) => w),
            }),
          );
          return;
        }
        const rows: Record<string, Cell>[] = list.map((d) => ({
          version: d.version,
          id: d.id,
          createdAt: d.createdAt,
          read: d.rows.read,
          loaded: d.rows.loaded,
          rejected: d.rows.rejected,
          patients: d.patients,
          measureRows: d.measureRows,
        }));
        ctx.io.out(
          format === 'csv'
            ? formatCsv(rows, COLUMNS)
            : list.length
              ? formatTable(rows, COLUMNS)
              : 'No dataset versions yet. Run `equilens ingest`.\n',
        );
        if (format === 'table') ctx.io.out(workforceTable(workforce));
      } finally {
        await ws.close();
      }
    });
  return withExamples(cmd, 'equilens datasets --format json', 'equilens datasets --workspace /tmp/ws');
}
