/**
 * The boundaries, checked on the source (issue #11 items 2 and 5): shared code asks the dialect for every
 * engine-specific spelling, never tests an engine's name, and only the PostgreSQL driver imports `pg`
 * (ingest may stay DuckDB-first where it reads files, so its spellings are not checked here); library
 * messages say what is wrong in words a web page can show too, without CLI commands or options.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [relative(ROOT, p)] : [];
  });
}
const FILES = sources(SRC);
const text = (f: string): string => readFileSync(join(ROOT, f), 'utf8');
/** `file:line: text` of each line of `files` matching `re`, comment lines skipped. */
const hits = (files: readonly string[], re: RegExp): string[] =>
  files.flatMap((f) =>
    text(f)
      .split('\n')
      .flatMap((line, i) =>
        re.test(line) && !/^\s*(\/\*|\*|\/\/)/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
const DRIVERS = /^src\/engine\/(duckdb|postgres)\//;

describe('the dialect boundary', () => {
  it('finds the source files (the check is not vacuous)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain('src/engine/duckdb/dialect.ts');
  });

  it('no engine-name test outside the drivers', () => {
    const re = /\bengine\.name\s*[!=]==|\.name\s*[!=]==\s*['"](duckdb|postgres|pglite)['"]/;
    expect(
      hits(
        FILES.filter((f) => !DRIVERS.test(f)),
        re,
      ),
    ).toEqual([]);
  });

  it("`pg` is imported only by the PostgreSQL drivers (the engine's and the store's)", () => {
    // src/store builds a Kysely PostgresDialect, which takes a pg Pool: application state, not an Engine.
    const allowed = /^src\/(engine\/postgres|store\/drivers)\//;
    const re = /from ['"]pg['"]|import\(['"]pg['"]\)/;
    expect(
      hits(
        FILES.filter((f) => !allowed.test(f)),
        re,
      ),
    ).toEqual([]);
  });

  it('the analysis pass, quality counts, compiled measures and catalogues spell nothing DuckDB-only', () => {
    const shared = FILES.filter(
      (f) =>
        /^src\/(engine\/(analysis|quality|measures|workforce)|analysis|suppression)\//.test(f) ||
        f === 'src/engine/catalog.ts',
    );
    expect(shared).toContain('src/engine/catalog.ts');
    expect(shared.length).toBeGreaterThan(20);
    const re = /TRY_CAST|arg_max|list_filter|string_split|regexp_full_match|duckdb_tables|AS DOUBLE\)|::/;
    expect(hits(shared, re)).toEqual([]);
  });

  it('library messages carry no CLI wording (the CLI adds it from details.next, src/cli/hints.ts)', () => {
    // The config template is the commented equilens.yaml `equilens init` writes: for CLI users.
    const library = FILES.filter((f) => !/^src\/(cli|server)\//.test(f) && f !== 'src/config/template.ts');
    const re =
      /[Rr]un `equilens|pass --|--[a-z-]+ (FILE|PATH|DIR)\b|another --|the --[a-z-]+ option|Check the --|'--[a-z-]+ must/;
    expect(hits(library, re)).toEqual([]);
  });
});
