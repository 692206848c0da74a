/**
 * The plain-language "what to fix first" list. Fields are ranked by people affected: those with no usable
 * value (unknown + missing) plus those whose records disagree (conflicting). Declined is a person's answer,
 * not a data error, so it is mentioned but does not rank a field up.
 */
import { STRATIFIER_TITLES, type StandardStratifier } from '../../model/index.js';
import type { FieldCounts, SourceCounts } from './types.js';
import type { ThresholdResult } from './thresholds.js';

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${x.toFixed(1)}%`;
const share = (x: number, total: number): string => pct(total > 0 ? (100 * x) / total : 0);
const people = (x: number): string => `${n(x)} ${x === 1 ? 'person' : 'people'}`;
const title = (field: string): string => STRATIFIER_TITLES[field as StandardStratifier] ?? field;

/** People affected in a field: no usable value, or conflicting records. */
export const affected = (f: FieldCounts): number => f.unknown + f.missing + f.conflicting;

export function summarize(
  fields: readonly FieldCounts[],
  thresholds: readonly ThresholdResult[],
  bySource: readonly SourceCounts[],
  maxItems = 8,
): string[] {
  const total = fields[0]?.total ?? 0;
  if (total === 0) return ['The dataset has no patients: nothing to assess.'];
  const failing = new Map(thresholds.filter((t) => !t.passed).map((t) => [t.field, t]));
  // Fields with no known value at all are not collected: one sentence, not a ranking of every column.
  const absent = fields.filter((f) => f.known === 0 && f.declined === 0);
  const ranked = fields
    .filter((f) => !absent.includes(f) && (affected(f) > 0 || failing.has(f.field)))
    .sort((a, b) => affected(b) - affected(a) || a.field.localeCompare(b.field));
  const sources = new Set(bySource.map((s) => s.source));

  const lines: string[] = ranked.slice(0, maxItems).map((f, i) => {
    const parts: string[] = [];
    const gaps = [
      f.missing ? `${n(f.missing)} missing` : '',
      f.unknown ? `${n(f.unknown)} unknown` : '',
    ].filter(Boolean);
    let s = `${i + 1}. ${title(f.field)}: `;
    if (gaps.length) {
      parts.push(
        `${n(f.unknown + f.missing)} of ${n(f.total)} people (${share(f.unknown + f.missing, f.total)}) have no usable value (${gaps.join(', ')})`,
      );
    }
    if (f.conflicting)
      parts.push(`${people(f.conflicting)} ${f.conflicting === 1 ? 'has' : 'have'} records that disagree`);
    const t = failing.get(f.field);
    if (t) {
      parts.push(
        `${pct(f.knownPct)} known is below the ${t.minKnownPct}% target (${n(t.shortfall)} more ${t.shortfall === 1 ? 'person' : 'people'} needed)`,
      );
    }
    s += parts.join('; ') + '.';
    if (sources.size > 1) {
      const worst = bySource.filter((x) => x.field === f.field).sort((a, b) => affected(b) - affected(a))[0];
      if (worst && affected(worst) > 0) {
        s += ` Most are from source "${worst.source}" (${people(affected(worst))}).`;
      }
    }
    if (f.conflicting) s += ' Review the mapping conflict_rule and the sources that disagree.';
    return s;
  });
  if (ranked.length > maxItems) lines.push(`${ranked.length - maxItems} more fields have smaller gaps.`);
  if (absent.length) {
    lines.push(
      `Not collected (no known values): ${absent.map((f) => title(f.field)).join(', ')}.` +
        (absent.some((f) => failing.has(f.field)) ? ' Some of these have a completeness target.' : ''),
    );
  }
  if (!ranked.length && !absent.length)
    lines.push('Every field meets its target; no values are missing, unknown or conflicting.');

  const declined = fields.filter((f) => f.declined > 0).sort((a, b) => b.declined - a.declined);
  if (declined.length) {
    lines.push(
      `Declined is a valid answer, not a data error (people who declined: ${declined
        .slice(0, 3)
        .map((f) => `${title(f.field)} ${n(f.declined)}`)
        .join('; ')}).`,
    );
  }
  return lines;
}
