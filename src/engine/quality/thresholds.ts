/**
 * Completeness targets: the minimum share of people with a known (non-status) value.
 *
 * No federal rule sets a completeness threshold for REAL/SOGI data, so these are Equilens defaults,
 * overridable per field (`--threshold race_ethnicity=95`, `--threshold gender_identity=off`):
 * - Race and ethnicity, language: 90%. Stratified results are only as good as the share of people they
 *   cover; below ~90% known, the Unknown group is often larger than the minority groups being compared.
 *   The IOM's 2009 report "Race, Ethnicity, and Language Data: Standardization for Health Care Quality
 *   Improvement" (AHRQ) and the GIH/NCQA 2021 roadmap "Improving Data on Race and Ethnicity" both call
 *   for complete self-reported REL data; CDC could identify race/ethnicity for under 60% of COVID-19 cases
 *   (GIH/NCQA 2021), which is the failure this target guards against.
 * - Sex and payer: 95% (registration captures them for almost everyone; gaps mean a feed problem).
 * - Gender identity and sexual orientation: 50% (collection is newer; a first milestone).
 * Declined counts as not known for the target, but the summary treats it as a valid answer, not a defect.
 */
import { usageError } from '../../errors.js';

export interface ThresholdRule {
  field: string;
  /** Minimum known share, in percent (0–100). */
  minKnownPct: number;
  source: string;
}

export interface ThresholdResult extends ThresholdRule {
  metric: 'knownPct';
  actual: number;
  passed: boolean;
  /** People below target: those needed to reach it. */
  shortfall: number;
}

const DEFAULT_SOURCE =
  'Equilens default (no federal completeness standard; see engine/quality/thresholds.ts)';

export const DEFAULT_THRESHOLDS: readonly ThresholdRule[] = [
  { field: 'race_ethnicity', minKnownPct: 90, source: DEFAULT_SOURCE },
  { field: 'race', minKnownPct: 90, source: DEFAULT_SOURCE },
  { field: 'ethnicity', minKnownPct: 90, source: DEFAULT_SOURCE },
  { field: 'language', minKnownPct: 90, source: DEFAULT_SOURCE },
  { field: 'sex', minKnownPct: 95, source: DEFAULT_SOURCE },
  { field: 'payer', minKnownPct: 95, source: DEFAULT_SOURCE },
  { field: 'gender_identity', minKnownPct: 50, source: DEFAULT_SOURCE },
  { field: 'sexual_orientation', minKnownPct: 50, source: DEFAULT_SOURCE },
];

/**
 * Apply `field=pct` / `field=off` overrides to the defaults.
 * @example parseThresholds(['race_ethnicity=95', 'gender_identity=off'])
 */
export function parseThresholds(overrides: readonly string[] = []): ThresholdRule[] {
  const rules = new Map(DEFAULT_THRESHOLDS.map((r) => [r.field, { ...r }]));
  for (const o of overrides) {
    const m = /^([a-z][a-z0-9_]*)=(off|\d+(?:\.\d+)?)%?$/.exec(o.trim());
    if (!m) {
      throw usageError(`Invalid --threshold "${o}".`, {
        fix: 'Write FIELD=PERCENT (e.g. race_ethnicity=95) or FIELD=off.',
      });
    }
    const [, field, value] = m as unknown as [string, string, string];
    if (value === 'off') {
      rules.delete(field);
      continue;
    }
    const pct = Number(value);
    if (pct > 100)
      throw usageError(`--threshold ${field} is above 100%.`, { fix: 'Use a percent from 0 to 100.' });
    rules.set(field, { field, minKnownPct: pct, source: 'set with --threshold' });
  }
  return [...rules.values()];
}

/** Check each rule whose field is in the report. */
export function checkThresholds(
  rules: readonly ThresholdRule[],
  fields: readonly { field: string; known: number; total: number; knownPct: number }[],
): ThresholdResult[] {
  return rules.flatMap((rule) => {
    const f = fields.find((x) => x.field === rule.field);
    if (!f) return [];
    const needed = Math.ceil((rule.minKnownPct / 100) * f.total - 1e-9);
    return [
      {
        ...rule,
        metric: 'knownPct' as const,
        actual: f.knownPct,
        passed: f.known >= needed,
        shortfall: Math.max(0, needed - f.known),
      },
    ];
  });
}
