/**
 * Public editions of the equity results, derived from the internal ones (pure), by the same rules the
 * report uses — one rule each, not a copy:
 * - community and payer mix: src/report/community-public.ts (threshold default 11, never below the public
 *   minimum);
 * - workforce: src/workforce/suppress.ts applied to the internal rows, which gives the same edition as
 *   `equilens workforce --audience public` (workforce.public.json).
 */
import {
  publicCommunity as reportCommunity,
  publicPayerMix as reportPayerMix,
} from '../report/community-public.js';
import { publicWorkforceRows, type WorkforceRows } from '../workforce/suppress.js';
import type { CommunityFile, PayerMixFile, WorkforceFile } from './equity-schemas.js';

export function publicCommunity(file: CommunityFile, threshold: number): CommunityFile {
  return reportCommunity(file, threshold) as CommunityFile;
}

export function publicPayerMix(file: PayerMixFile, threshold: number): PayerMixFile {
  return reportPayerMix(file, threshold) as PayerMixFile;
}

/** The public edition of an internal workforce result (what `--audience public` writes). */
export function publicWorkforce(file: WorkforceFile, threshold: number): WorkforceFile {
  const rows = publicWorkforceRows(file as unknown as WorkforceRows, threshold);
  return {
    ...file,
    audience: 'public',
    threshold,
    employees: file.employees !== null && file.employees >= threshold ? file.employees : null,
    representation: rows.representation as WorkforceFile['representation'],
    rates: rows.rates as WorkforceFile['rates'],
    pay_gap: rows.pay_gap as WorkforceFile['pay_gap'],
  };
}
