/** Did the analysis find the planted headline disparity? (a finding for that measure and group) */
import { readFileSync } from 'node:fs';
import type { ResultsFile } from '../model/index.js';
import { parseResults } from '../model/parse-results.js';
import type { Truth } from '../synth/index.js';

export function headlineFound(resultsPath: string, truth: Truth): boolean {
  const h = truth.headline;
  if (!h) return false;
  let results: ResultsFile;
  try {
    results = parseResults(readFileSync(resultsPath, 'utf8'), resultsPath);
  } catch {
    return false;
  }
  const want = Object.entries(h.where).filter(([k]) => k !== 'age');
  return (results.findings ?? []).some(
    (f) =>
      f.measure === h.measure &&
      want.every(([k, v]) => (Array.isArray(v) ? v.includes(f.values[k] ?? '') : f.values[k] === v)),
  );
}
