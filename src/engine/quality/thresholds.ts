/**
 * Completeness targets: the minimum share of people with a known (non-status) value.
 *
 * No federal rule sets a completeness threshold for REAL/SOGI data, so these are Equilens defaults,
 * overridable per field (`withOverrides`; the CLI's `--threshold race_ethnicity=95`, `gender_identity=off`):
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
import { invalidInput } from '../../errors.js';

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

/** A change to the default targets: a new minimum known percent for a field, or `off` to drop its target. */
export interface ThresholdOverride {
  field: string;
  minKnownPct: number | 'off';
  /** Where the override came from, shown beside the target (e.g. "set with --threshold"). */
  source: string;
}

/**
 * The default targets with `overrides` applied, in order (a later override of a field wins).
 * @example withOverrides([{ field: 'race_ethnicity', minKnownPct: 95, source: 'the council' }])
 */
export function withOverrides(overrides: readonly ThresholdOverride[] = []): ThresholdRule[] {
  const rules = new Map(DEFAULT_THRESHOLDS.map((r) => [r.field, { ...r }]));
  for (const o of overrides) {
    if (o.minKnownPct === 'off') {
      rules.delete(o.field);
      continue;
    }
    if (!(o.minKnownPct >= 0 && o.minKnownPct <= 100))
      throw invalidInput(`The completeness target for ${o.field} is not a percent from 0 to 100.`, {
        path: o.field,
        fix: 'Give a percent from 0 to 100, or off.',
      });
    rules.set(o.field, { field: o.field, minKnownPct: o.minKnownPct, source: o.source });
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
