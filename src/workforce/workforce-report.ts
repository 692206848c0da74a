/** The `equilens workforce` result: representation, rates and pay gap, internal or public. */
import type { Employee } from './employees.js';
import { payGap, PAY_GAP_METHOD, type PayGapRow } from './pay-gap.js';
import { rates, type RateRow } from './rates.js';
import { representation, type RepresentationRow, type Shares } from './representation.js';
import { publicWorkforceRows, WORKFORCE_THRESHOLD, type Public } from './suppress.js';

export interface WorkforceReport {
  audience: 'internal' | 'public';
  threshold: number;
  /** Distinct employees; null in a public edition when fewer than the threshold. */
  employees: number | null;
  representation: (RepresentationRow | Public<RepresentationRow>)[];
  rates: (RateRow | Public<RateRow>)[];
  pay_gap: (PayGapRow | Public<PayGapRow>)[];
  methods: { pay_gap: string; rates: string; suppression: string };
}

const METHODS = {
  pay_gap: PAY_GAP_METHOD,
  rates:
    'Events per employee (or employee-year) with Wilson intervals; difference from the largest group with the ' +
    'Newcombe interval; score or Fisher test; Benjamini–Hochberg q-values across all rows.',
  suppression:
    'Public: groups of fewer employees than the workforce threshold are suppressed, with complementary ' +
    'suppression on every published sum (level totals, levels against all levels, intersections against ' +
    'their margins); their rates and pay gaps are withheld. A hire, promotion or exit count under the ' +
    'threshold, or with fewer than the threshold without the event, is withheld with its rate and ' +
    'comparison, with complementary withholding in every sum of events.',
};

export function workforceReport(
  employees: readonly Employee[],
  opts: { audience?: 'internal' | 'public'; threshold?: number; patients?: Shares; community?: Shares } = {},
): WorkforceReport {
  const audience = opts.audience ?? 'internal';
  const threshold = opts.threshold ?? WORKFORCE_THRESHOLD;
  const rep = representation(employees, opts);
  const base = { audience, threshold, employees: new Set(employees.map((e) => e.id)).size, methods: METHODS };
  if (audience === 'internal')
    return { ...base, representation: rep, rates: rates(employees), pay_gap: payGap(employees) };
  const rows = { representation: rep, rates: rates(employees), pay_gap: payGap(employees) };
  const employeesShown = base.employees >= threshold ? base.employees : null;
  return { ...base, employees: employeesShown, ...publicWorkforceRows(rows, threshold) };
}
