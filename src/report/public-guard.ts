/**
 * A public report is built only from results that pass small-cell suppression — checked here, not taken on
 * trust: the file's own threshold is never used below the built-in public minimum, and the audit is run
 * again on the file as given (a cell it would still hide means something shown gives a small count back).
 */
import { EquilensError } from '../errors.js';
import type { GroupResult, ResultsFile, TrendPoint } from '../model/results.js';
import { PUBLIC_MINIMUM, primaryReason, suppressResults } from '../suppression/index.js';
import { WORKFORCE_MINIMUM } from '../workforce/index.js';
import type { EquityFiles } from './community-files.js';

const FIX =
  'Build the public report from suppressed results: analyse with suppression.threshold of at least 11 and suppression.complementary on (it writes results.public.json) and build the public edition from that file.';

type Counted = Pick<GroupResult, 'numerator' | 'denominator'> & { suppressed?: boolean | undefined };

/** Every printed count pair with its path in the file. */
function countedCells(results: ResultsFile): [string, Counted][] {
  const out: [string, Counted][] = [];
  const points = (path: string, ps: readonly TrendPoint[] | undefined): void =>
    ps?.forEach((p, i) => out.push([`${path}.${i}`, p]));
  results.measures.forEach((m, mi) => {
    out.push([`measures.${mi}.overall`, m.overall]);
    points(`measures.${mi}.trend`, m.trend);
    m.strata.forEach((s, si) => {
      const at = `measures.${mi}.strata.${si}`;
      s.groups.forEach((g, gi) => out.push([`${at}.groups.${gi}`, g]));
      s.trend?.groups.forEach((t, ti) => points(`${at}.trend.groups.${ti}.points`, t.points));
    });
  });
  results.intersections.forEach((ix, ii) =>
    ix.groups.forEach((g, gi) => out.push([`intersections.${ii}.groups.${gi}`, g])),
  );
  return out;
}

const fail = (message: string, path: string, file?: string): never => {
  throw new EquilensError('small_cell', message, {
    ...(file ? { file } : {}),
    path,
    fix: FIX,
    next: 'analyze_public',
  });
};

/** Refuse results that are not a public edition, show a small count, or fail the audit run again. */
export function assertPublic(results: ResultsFile, file?: string): void {
  if (results.stamp?.audience !== 'public') {
    fail(
      `A public report needs results that went through small-cell suppression (a public edition), but these are ${results.stamp?.audience ?? 'unstamped'} (stamp.audience is not "public").`,
      'stamp.audience',
      file,
    );
  }
  const min = Math.max(PUBLIC_MINIMUM, results.settings.suppressionThreshold);
  const cells = countedCells(results);
  for (const [path, c] of cells) {
    if (c.suppressed || c.numerator === null || c.denominator === null) continue;
    if (primaryReason(c.numerator, c.denominator, { threshold: min }) && c.denominator > 0) {
      fail(`A count below the suppression threshold (${min}) is not suppressed.`, path, file);
    }
  }
  const again = countedCells(suppressResults(results, { threshold: min }));
  again.forEach(([path, c], i) => {
    if (c.suppressed && !cells[i]?.[1].suppressed) {
      fail(
        `The suppression audit, run again on this file, hides a cell it shows: what is shown lets a small count be recomputed.`,
        path,
        file,
      );
    }
  });
}

/** Every count the equity sections print, with its path: patients (community, payer mix) or employees. */
function equityCounts(files: EquityFiles): { path: string; n: number | null | undefined; of: 'p' | 'e' }[] {
  const out: { path: string; n: number | null | undefined; of: 'p' | 'e' }[] = [];
  const add = (path: string, row: object, keys: string[], of: 'p' | 'e') => {
    for (const k of keys)
      out.push({ path: `${path}.${k}`, n: (row as Record<string, number | null>)[k], of });
  };
  files.community?.comparison.forEach((r, i) =>
    add(`community.comparison.${i}`, r, ['patients', 'patients_total'], 'p'),
  );
  if (files.payerMix) add('payerMix.system', files.payerMix.system, ['patients', 'patients_total'], 'p');
  files.payerMix?.units.forEach((u, i) => add(`payerMix.units.${i}`, u, ['patients', 'count'], 'p'));
  const w = files.workforce;
  if (w) {
    out.push({ path: 'workforce.employees', n: w.employees, of: 'e' });
    w.representation.forEach((r, i) => add(`workforce.representation.${i}`, r, ['employees', 'total'], 'e'));
    w.rates.forEach((r, i) => add(`workforce.rates.${i}`, r, ['employees', 'events'], 'e'));
    w.pay_gap.forEach((r, i) => add(`workforce.pay_gap.${i}`, r, ['employees'], 'e'));
  }
  return out;
}

/** A share printed beside a withheld count gives the count back (its total is printed too). */
function shareWithoutCount(files: EquityFiles): string | undefined {
  const c = files.community?.comparison.findIndex((r) => r.patients === null && r.patients_share !== null);
  if (c !== undefined && c >= 0) return `community.comparison.${c}.patients_share`;
  const u = files.payerMix?.units.findIndex((r) => r.count === null && r.share !== null);
  if (u !== undefined && u >= 0) return `payerMix.units.${u}.share`;
  const r = files.workforce?.rates.findIndex((x) => x.events === null && x.rate !== null);
  if (r !== undefined && r >= 0) return `workforce.rates.${r}.rate`;
  return undefined;
}

/**
 * Refuse equity sections (who we serve, payer mix, workforce) for a public report that print a count of
 * patients under `threshold` (the results' public threshold), of employees under the workforce file's own
 * threshold (never below WORKFORCE_MINIMUM), a share beside a withheld count, or an internal workforce file.
 */
export function assertPublicEquity(files: EquityFiles, threshold: number, file?: string): void {
  const w = files.workforce;
  if (w && w.audience !== 'public')
    fail(
      'A public report shows the workforce only from its public edition (workforce.public.json), but this workforce file is internal.',
      'workforce.audience',
      file,
    );
  const min = { p: Math.max(PUBLIC_MINIMUM, threshold), e: Math.max(WORKFORCE_MINIMUM, w?.threshold ?? 0) };
  for (const c of equityCounts(files)) {
    if (typeof c.n === 'number' && c.n > 0 && c.n < min[c.of])
      fail(`A count below the suppression threshold (${min[c.of]}) is not suppressed.`, c.path, file);
  }
  const share = shareWithoutCount(files);
  if (share) fail('A share is shown beside a withheld count, which gives the count back.', share, file);
}
