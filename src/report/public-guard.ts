/**
 * A public report is built only from results that pass small-cell suppression — checked here, not taken on
 * trust: the file's own threshold is never used below the built-in public minimum, and the audit is run
 * again on the file as given (a cell it would still hide means something shown gives a small count back).
 */
import { EquilensError } from '../errors.js';
import type { GroupResult, ResultsFile, TrendPoint } from '../model/results.js';
import { PUBLIC_MINIMUM, primaryReason, suppressResults } from '../suppression/index.js';

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
