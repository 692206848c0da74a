/**
 * The loading side of staging: staged CSV files → DuckDB. A table with a sink (an INSERT straight into the
 * dataset schema) is loaded in the background while reading goes on: the files gathered while DuckDB was
 * busy are bulk-read by one `read_csv` per table; statements run one after another, files in the order they
 * were added, so rows keep the order they were read in. Every other table becomes, at `load`, the temp view
 * `fhir_<table>` over its files (in order): the finalisation reads each only a few times, and parsing the
 * CSV again costs less than materialising a temp table.
 */
import { EquilensError } from '../../errors.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { STAGED, type StagedFile, type StagedTable } from './stage.js';

/** Per staged table: the statement that loads staged files, given their `SELECT … FROM read_csv(…)`. */
export type Sinks = Partial<Record<StagedTable, (select: string) => string>>;

const readCsv = (files: readonly string[], table: StagedTable): string => {
  const spec = STAGED[table]
    .map((c) => c.split(' '))
    .map(([n, t]) => `'${n}': '${t}'`)
    .join(', ');
  return `SELECT * FROM read_csv([${files.map(quoteLiteral).join(', ')}], columns = {${spec}}, header = false,
    auto_detect = false, quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)`;
};

export class StageLoader {
  /** Folder of the staged files (removed by `close`). */
  readonly dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-'));
  private engine: Engine | undefined;
  private sinks: Sinks = {};
  /** Sink tables: files waiting for DuckDB, in the order added. */
  private gathered = new Map<StagedTable, string[]>();
  /** The loads running now, if any. */
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | undefined;
  /** Other tables: every file, for the view made at `load`. */
  private readonly kept = new Map<StagedTable, string[]>();
  /** What `load` created per table, for `dropTemps`. */
  private readonly made = new Map<StagedTable, 'VIEW' | 'TABLE'>();

  /** Staged files are loaded on `engine`, through `sinks` where given; the rest become views at `load`. */
  begin(engine: Engine, sinks: Sinks = {}): void {
    this.engine = engine;
    this.sinks = sinks;
  }

  /** Queue a complete staged file. */
  add(file: StagedFile): void {
    const into = this.sinks[file.table] ? this.gathered : this.kept;
    const files = into.get(file.table);
    if (files) files.push(file.file);
    else into.set(file.table, [file.file]);
    if (into === this.gathered) this.kick();
  }

  /**
   * When DuckDB is idle, load every file gathered so far (one statement per table): while DuckDB is busy,
   * files gather into larger batches, so loading keeps pace with reading and little is left at the end.
   */
  private kick(): void {
    if (this.running || this.failure || !this.gathered.size) return;
    const engine = this.engine;
    if (!engine)
      throw new EquilensError('internal', 'StageLoader.begin(engine) must be called before adding files.');
    const batches = this.gathered;
    this.gathered = new Map();
    this.running = (async () => {
      for (const [table, files] of batches) {
        await engine.run(this.sinks[table]!(readCsv(files, table)));
        for (const f of files) rmSync(f, { force: true });
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running = null;
        this.kick();
      });
  }

  /**
   * Load the sink tables' last files and wait until every row is in; then make `fhir_<table>` for every other
   * staged table: a view over its files, or an empty temp table when it has none.
   */
  async load(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure) throw this.failure.error;
    const engine = this.engine;
    if (!engine)
      throw new EquilensError('internal', 'StageLoader.begin(engine) must be called before load().');
    for (const table of Object.keys(STAGED) as StagedTable[]) {
      if (this.sinks[table]) continue;
      const files = this.kept.get(table);
      if (files?.length) {
        await engine.run(`CREATE OR REPLACE TEMP VIEW fhir_${table} AS ${readCsv(files, table)}`);
        this.made.set(table, 'VIEW');
      } else {
        await engine.run(`CREATE OR REPLACE TEMP TABLE fhir_${table} (${STAGED[table].join(', ')})`);
        this.made.set(table, 'TABLE');
      }
    }
  }

  /** Wait for queued loads, ignoring their errors (before cleaning up after a failure). */
  async settle(): Promise<void> {
    this.failure ??= { error: new EquilensError('internal', 'Loading was abandoned.') }; // start nothing new
    while (this.running) await this.running;
  }

  /** Drop the temp views and tables `load` made. */
  async dropTemps(engine: Engine): Promise<void> {
    for (const [table, kind] of this.made) await engine.run(`DROP ${kind} IF EXISTS fhir_${table}`);
    this.made.clear();
  }

  /** Remove the staged files' folder. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
