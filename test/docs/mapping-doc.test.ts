import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDuckDB } from '../../src/engine/duckdb/duckdb-driver.js';
import { quoteLiteral } from '../../src/engine/dialect.js';
import { dateSql } from '../../src/ingest/tabular/resolve-sql.js';
import { ATTRIBUTES } from '../../src/config/attribute-vocabulary.js';
import { DATE_FORMATS, DOC_FILE, renderMappingDoc } from '../../scripts/mapping-doc.js';

describe('docs/mapping.md', () => {
  it('is what scripts/mapping-doc.ts renders from the vocabulary (run it after changing one)', async () => {
    expect(readFileSync(DOC_FILE, 'utf8')).toBe(await renderMappingDoc());
  });

  it('lists every attribute with its canonical codes and synonyms such as Unk', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    for (const a of ATTRIBUTES) {
      expect(doc).toContain(`### \`${a.name}\``);
      for (const c of a.codes) expect(doc).toContain(`\`${c.code}\``);
    }
    expect(doc).toContain('`unk`');
  });

  it('documents the date formats the ingest really reads (DuckDB), and not an impossible date', async () => {
    const engine = await openDuckDB();
    try {
      const parse = async (v: string) =>
        (await engine.all(`SELECT CAST(${dateSql(quoteLiteral(v))} AS VARCHAR) AS d`))[0]!.d;
      for (const f of DATE_FORMATS) expect(await parse(f.example), f.format).toBe('2024-03-31');
      expect(await parse('2024-13-45')).toBeNull();
    } finally {
      await engine.close();
    }
  });
});
