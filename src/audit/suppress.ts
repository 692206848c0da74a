/**
 * Suppression of a public audit (issue #15), with the analysis's rules (src/suppression): the threshold is
 * at least the public minimum (11; counts 1–10 are never shown).
 * - A group of 1 … threshold−1 rows: every count, rate, interval and comparison is withheld
 *   (`suppressed: "small_denominator"`).
 * - Otherwise each of tp, fp, tn, fn of 1 … threshold−1 is withheld, and so is every rate whose numerator,
 *   complement or denominator is small (primary rule, complement rule on), with its comparison; a comparison
 *   is also withheld when the reference's rate is.
 * - Complementary: when exactly one group of a stratifier (at a threshold) is withheld whole, the next smallest
 *   is withheld too, so the overall row minus the others cannot give it back.
 * - Calibration rows follow the group rule on n, events and non-events; reliability bins are dropped when
 *   their rows, events or non-events are small, or their group is withheld.
 */
import { primaryReason, PUBLIC_MINIMUM } from '../suppression/index.js';
import type { AuditResult, GroupRow } from './audit-model.js';
import { COMPARISON_KEYS, RATE_NAMES, rateParts, type Confusion } from './confusion.js';

const keepKeys = new Set(['stratifier', 'group', 'threshold', 'reference_rule', 'auc_reference']);

function withholdRow(row: GroupRow, reason: string): void {
  for (const k of Object.keys(row)) {
    if (keepKeys.has(k) || k.endsWith('_reference') || k.endsWith('_test') || k === 'null_reasons') continue;
    row[k] = null;
  }
  row.suppressed = reason;
  row.null_reasons = { all: `suppressed (${reason}) in a public audit` };
}

function complementary(rows: GroupRow[], sizeKey = 'n'): void {
  const byStratum = new Map<string, GroupRow[]>();
  for (const r of rows) {
    if (r.stratifier === 'overall') continue;
    const key = `${String(r.stratifier)}|${String(r.threshold ?? '')}`;
    byStratum.set(key, [...(byStratum.get(key) ?? []), r]);
  }
  for (const members of byStratum.values()) {
    const withheld = members.filter((r) => r.suppressed);
    if (withheld.length !== 1) continue;
    const next = members
      .filter((r) => !r.suppressed)
      .sort((a, b) => Number(a[`_${sizeKey}`]) - Number(b[`_${sizeKey}`]))[0];
    if (next) withholdRow(next, 'complementary');
  }
}

export function suppressAudit(result: AuditResult, threshold = PUBLIC_MINIMUM): AuditResult {
  const t = Math.max(threshold, PUBLIC_MINIMUM);
  const opts = { threshold: t, complementRule: true };
  const groups: GroupRow[] = result.groups.map((r) => ({
    ...r,
    null_reasons: { ...(r.null_reasons as Record<string, string>) },
  }));
  const withheldRate = new Set<string>();
  const key = (r: GroupRow, g: unknown, name: string) =>
    `${String(r.stratifier)}|${String(r.threshold)}|${String(g)}|${name}`;
  for (const r of groups) {
    const c = { n: r.n, tp: r.tp, fp: r.fp, tn: r.tn, fn: r.fn } as Confusion;
    r._n = c.n;
    if (primaryReason(null, c.n, opts) === 'small_denominator') {
      withholdRow(r, 'small_denominator');
      continue;
    }
    const reasons = r.null_reasons as Record<string, string>;
    for (const cell of ['tp', 'fp', 'tn', 'fn'] as const) if (c[cell] >= 1 && c[cell] < t) r[cell] = null;
    for (const name of RATE_NAMES) {
      const p = rateParts(c, name);
      const why = p.denominator > 0 ? primaryReason(p.numerator, p.denominator, opts) : null;
      if (!why) continue;
      r[name] = r[`${name}_lower`] = r[`${name}_upper`] = null;
      reasons[name] = `suppressed (${why}) in a public audit`;
      withheldRate.add(key(r, r.group, name));
    }
  }
  complementary(groups);
  for (const r of groups) {
    for (const name of RATE_NAMES) {
      const own = r.suppressed || withheldRate.has(key(r, r.group, name));
      const ref = r[`${name}_reference`];
      const refWithheld =
        ref !== undefined &&
        ref !== null &&
        (withheldRate.has(key(r, ref, name)) ||
          groups.some(
            (g) =>
              g.stratifier === r.stratifier && g.threshold === r.threshold && g.group === ref && g.suppressed,
          ));
      if (!(own || refWithheld) || !(`${name}_difference` in r)) continue;
      for (const k of COMPARISON_KEYS) r[`${name}_${k}`] = null;
      if (!r.suppressed)
        (r.null_reasons as Record<string, string>)[`${name}_difference`] = 'suppressed in a public audit';
    }
    delete r._n;
  }
  const calibration: GroupRow[] = result.calibration.map((r) => ({ ...r }));
  for (const r of calibration) {
    const n = Number(r.n);
    const events = Number(r.events);
    r._n = n;
    const small = (x: number) => x >= 1 && x < t;
    if (small(n) || small(events) || small(n - events))
      withholdRow(r, small(n) ? 'small_denominator' : 'small_numerator');
  }
  complementary(calibration);
  for (const r of calibration) delete r._n;
  const hidden = new Set(
    calibration.filter((r) => r.suppressed).map((r) => `${String(r.stratifier)}|${String(r.group)}`),
  );
  const reliability = result.reliability.filter((b) => {
    const y = Math.round(b.observed * b.n);
    const small = (x: number) => x >= 1 && x < t;
    return !hidden.has(`${b.stratifier}|${b.group}`) && !small(b.n) && !small(y) && !small(b.n - y);
  });
  return {
    ...result,
    method: {
      ...result.method,
      suppression: `public audience: small-cell threshold ${t} (counts 1–${t - 1} withheld), complement rule and complementary suppression`,
    },
    groups,
    calibration,
    reliability,
  };
}
