/**
 * Did the analysis find the planted headline disparity? Found means among the first `KEY_FINDINGS` key
 * findings (the report's front page), not merely somewhere in the list: a disparity ranked #28 of 160 is
 * not what a reader sees. `rank` says where it is (1-based), null when no finding matches.
 */
import { readFileSync } from 'node:fs';
import type { Finding, ResultsFile } from '../model/index.js';
import { parseResults } from '../model/parse-results.js';
import type { Truth } from '../synth/index.js';

/** The report's front page shows this many key findings. */
export const KEY_FINDINGS = 5;

export interface HeadlineRank {
  /** 1-based position of the first finding about the headline group and measure; null when none. */
  rank: number | null;
  /** Findings in the results. */
  of: number;
  found: boolean;
}

/**
 * Is this finding about the planted group and measure: the worse-off group is exactly the planted one (the
 * same attributes, age aside — not a subgroup of it)?
 */
export function matchesHeadline(f: Finding, h: NonNullable<Truth['headline']>): boolean {
  const want = Object.entries(h.where).filter(([k]) => k !== 'age');
  const worseOff = f.referenceWorse ? null : f.values;
  return (
    f.measure === h.measure &&
    worseOff !== null &&
    Object.keys(worseOff).length === want.length &&
    want.every(([k, v]) => (Array.isArray(v) ? v.includes(worseOff[k] ?? '') : worseOff[k] === v))
  );
}

export function headlineRank(resultsPath: string, truth: Truth): HeadlineRank | null {
  const h = truth.headline;
  if (!h) return null;
  let results: ResultsFile;
  try {
    results = parseResults(readFileSync(resultsPath, 'utf8'), resultsPath);
  } catch {
    return null;
  }
  const findings = results.findings ?? [];
  const i = findings.findIndex((f) => matchesHeadline(f, h));
  const rank = i < 0 ? null : i + 1;
  return { rank, of: findings.length, found: rank !== null && rank <= KEY_FINDINGS };
}

export function headlineFound(resultsPath: string, truth: Truth): boolean {
  return headlineRank(resultsPath, truth)?.found ?? false;
}
