/** A public report is built only from results that went through small-cell suppression. */
import { EquilensError } from '../errors.js';
import type { GroupResult, ResultsFile } from '../model/results.js';

const FIX =
  'Build the public report from suppressed results: run `equilens analyze` (it writes results.public.json) and pass `--results out/results.public.json --audience public`.';

/** Refuse unsuppressed data (`stamp.audience !== 'public'`) and any shown count below the threshold. */
export function assertPublic(results: ResultsFile, file?: string): void {
  if (results.stamp?.audience !== 'public') {
    throw new EquilensError(
      'small_cell',
      'A public report needs results that went through small-cell suppression, but these are internal (stamp.audience is not "public").',
      { ...(file ? { file } : {}), path: 'stamp.audience', fix: FIX },
    );
  }
  const min = results.settings.suppressionThreshold;
  const groups: [string, GroupResult][] = [
    ...results.measures.flatMap((m, mi) =>
      m.strata.flatMap((s, si) =>
        s.groups.map((g, gi): [string, GroupResult] => [`measures.${mi}.strata.${si}.groups.${gi}`, g]),
      ),
    ),
    ...results.intersections.flatMap((ix, ii) =>
      ix.groups.map((g, gi): [string, GroupResult] => [`intersections.${ii}.groups.${gi}`, g]),
    ),
  ];
  for (const [path, g] of groups) {
    if (g.suppressed) continue;
    const small = [g.numerator, g.denominator].some((v) => v !== null && v > 0 && v < min);
    if (small) {
      throw new EquilensError(
        'small_cell',
        `A count below the suppression threshold (${min}) is not suppressed.`,
        {
          ...(file ? { file } : {}),
          path,
          fix: FIX,
        },
      );
    }
  }
}
