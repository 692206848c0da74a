/**
 * Algorithm inventory helpers: the protected characteristics 45 CFR 92.210 asks covered entities to
 * identify among a tool's inputs, and the reading of an `equilens audit-model --format json` results file
 * (`{groups, calibration}`, issue #15's public field names) into a short summary: for the miss rate (FNR)
 * and the false-flag rate (FPR), the group furthest from the whole population at the same threshold.
 */
import { z } from 'zod';
import { invalidInput } from '../errors.js';

export const PROTECTED = ['race', 'ethnicity', 'national_origin', 'sex', 'age', 'disability'] as const;
export type Protected = (typeof PROTECTED)[number];

/** Input names that reveal a protected characteristic (also when not ticked): a suggestion, shown as such. */
const HINTS: Record<Protected, RegExp> = {
  race: /\brace\b/i,
  ethnicity: /ethnic|hispanic|latino/i,
  national_origin:
    /national|country of birth|birth ?country|citizenship|immigra|preferred language|language/i,
  sex: /\bsex\b|gender/i,
  age: /\bage\b|birth ?date|date of birth|\bdob\b/i,
  disability: /disab|impair/i,
};

export function detectProtected(inputs: readonly string[]): Protected[] {
  return PROTECTED.filter((p) => inputs.some((i) => HINTS[p].test(i.replace(/_/g, ' '))));
}

const rate = z.number().nullable().optional();
const GroupRow = z
  .object({
    stratifier: z.string(),
    group: z.string(),
    threshold: z.union([z.number(), z.string()]).nullable(),
    n: z.number(),
    fnr: rate,
    fpr: rate,
  })
  .passthrough();
export const AuditModelFile = z
  .object({ groups: z.array(GroupRow), calibration: z.array(z.object({}).passthrough()) })
  .passthrough();
export type AuditModelFile = z.infer<typeof AuditModelFile>;

export interface Largest {
  metric: 'fnr' | 'fpr';
  stratifier: string;
  group: string;
  threshold: number | string | null;
  value: number;
  overall: number;
  difference: number;
}

export interface AuditSummary {
  result: string;
  groups: number;
  calibration: number;
  stratifiers: string[];
  thresholds: (number | string | null)[];
  largest: Largest[];
}

export function readAuditFile(value: unknown, where: string): AuditModelFile {
  const r = AuditModelFile.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw invalidInput(
    `The audit file is not an equilens audit-model result: ${issue.path.join('.') || 'top level'}: ${issue.message}.`,
    {
      path: `${where}.${issue.path.join('.')}`,
      fix: 'Import the JSON that `equilens audit-model --format json` prints ({"groups": [...], "calibration": [...]}).',
    },
  );
}

const fmt = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

export function summariseAudit(file: AuditModelFile): AuditSummary {
  const overall = new Map(
    file.groups.filter((g) => g.stratifier === 'overall').map((g) => [String(g.threshold), g]),
  );
  const largest: Largest[] = [];
  for (const metric of ['fnr', 'fpr'] as const) {
    let best: Largest | undefined;
    for (const g of file.groups) {
      const o = overall.get(String(g.threshold));
      const v = g[metric];
      const ov = o?.[metric];
      if (g.stratifier === 'overall' || typeof v !== 'number' || typeof ov !== 'number') continue;
      const d = v - ov;
      if (!best || Math.abs(d) > Math.abs(best.difference))
        best = {
          metric,
          stratifier: g.stratifier,
          group: g.group,
          threshold: g.threshold,
          value: v,
          overall: ov,
          difference: d,
        };
    }
    if (best) largest.push(best);
  }
  const result = largest.length
    ? largest
        .map(
          (l) =>
            `largest ${l.metric.toUpperCase()} gap ${fmt(l.difference)} (${l.stratifier}: ${l.group}, threshold ${String(l.threshold)})`,
        )
        .join('; ')
    : `${file.groups.length} group rows; no overall row to compare with`;
  return {
    result: result.charAt(0).toUpperCase() + result.slice(1),
    groups: file.groups.length,
    calibration: file.calibration.length,
    stratifiers: [...new Set(file.groups.map((g) => g.stratifier))],
    thresholds: [...new Set(file.groups.map((g) => g.threshold))],
    largest,
  };
}
