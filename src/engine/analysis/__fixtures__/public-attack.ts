/**
 * Test helper: one 2,000-patient synthetic run (the demo's generator spec; synth → ingest → analyze as
 * `equilens demo` runs them, without the report) and the attack on its public edition.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../ingest/index.js';
import type { ResultsFile } from '../../../model/results.js';
import { attackPublic, type AttackReport } from '../../../suppression/__fixtures__/results-attack.js';
import { DEFAULT_PROTECTION_WIDTH } from '../../../suppression/intervals.js';
import { defaultSpec, generate } from '../../../synth/index.js';
import { analyzeRun } from '../analyze.js';

export const THRESHOLD = 11;

export async function attackRun(seed: number): Promise<{ report: AttackReport; pub: ResultsFile; reasons: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-attack-'));
  try {
    const g = await generate(defaultSpec(), { seed, patients: 2000, out: dir });
    await ingest({ configPath: g.files.config, cwd: dir });
    const r = await analyzeRun({ configPath: g.files.config, out: dir, cwd: dir });
    const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as ResultsFile;
    const internal = read(r.files.results);
    const pub = read(r.files.public!);
    const reasons = new Set<string>();
    const add = (g: { suppressionReason?: string }) => g.suppressionReason && reasons.add(g.suppressionReason);
    for (const m of pub.measures) for (const s of m.strata) s.groups.forEach(add);
    for (const ix of pub.intersections) ix.groups.forEach(add);
    return { report: attackPublic(internal, pub, THRESHOLD, DEFAULT_PROTECTION_WIDTH), pub, reasons: [...reasons] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
