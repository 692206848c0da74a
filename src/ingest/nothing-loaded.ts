/**
 * An ingest that loads no row — every row rejected, or none read — must not become the newest version
 * silently (issue #10 item 6). It is an input error instead (exit 1): the version's transaction rolls back,
 * so the newest version stays what it was, and the message says why, from the rejections (reasons and
 * first lines, no values).
 */
import type { Engine } from '../engine/dialect.js';
import { invalidInput, type EquilensError } from '../errors.js';

interface ReasonRow {
  reason: string;
  column_name: string | null;
  n: number;
  first: number | null;
}

/** Quoted text inside a reason (an engine's message may quote a value) is dropped. */
const unquoted = (reason: string) => reason.replace(/"[^"]*"|'[^']*'/g, '…');

/** The error for a version that would load nothing, with the three commonest rejection reasons. */
export async function nothingLoaded(
  engine: Engine,
  schema: string,
  rows: { read: number; rejected: number },
  files: readonly string[],
): Promise<EquilensError> {
  const file = files.length === 1 ? files[0] : undefined;
  if (rows.read === 0) {
    return invalidInput('The input has no data rows (a header only, or nothing): nothing was stored.', {
      file,
      fix: 'Export the extract again with its rows, or point sources[].path / --data at the full file.',
    });
  }
  const reasons = await engine.all<ReasonRow & Record<string, unknown>>(
    `SELECT reason, column_name, COUNT(*) AS n, MIN(line) AS first FROM ${schema}.rejections
     GROUP BY reason, column_name ORDER BY n DESC, first LIMIT 3`,
  );
  const why = reasons
    .map(
      (r) =>
        `${r.n} × ${r.column_name ? `column ${r.column_name}: ` : ''}${unquoted(r.reason)} (first at line ${r.first ?? '?'})`,
    )
    .join('; ');
  return invalidInput(
    `Every row was rejected (${rows.read} read, ${rows.rejected} rejected), so nothing was stored${why ? `: ${why}` : ''}.`,
    {
      file,
      rejections: reasons.map((r) => ({
        reason: unquoted(r.reason),
        column: r.column_name,
        rows: r.n,
        firstLine: r.first,
      })),
      fix: 'Fix the mapping (column names, date format) or the file, then ingest again; the earlier versions are unchanged.',
    },
  );
}
