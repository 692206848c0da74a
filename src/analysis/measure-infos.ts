/**
 * The measures of a run from the config. A `library:` measure brings its definition: a `scale` makes it a
 * count-based rate (kind 'rate', e.g. ED visits per 1,000: the rows' value is the count of visits), and its
 * plain-language denominator/numerator/exclusions (describeMeasure) go into results.json for the report.
 * Title and direction already default to the library's when the config leaves them out (src/config).
 */
import type { EquilensConfig } from '../config/index.js';
import { describeMeasure } from '../measures/describe.js';
import { libraryMeasure } from '../measures/library/index.js';
import type { MeasureInfo } from './measure-info.js';

export function measureInfos(config: EquilensConfig): MeasureInfo[] {
  return config.measures.map((m) => {
    const info: MeasureInfo = { id: m.id, title: m.title, direction: m.direction };
    const def = m.library === undefined ? undefined : libraryMeasure(m.library);
    if (!def) return info;
    return {
      ...info,
      ...(def.scale !== undefined ? { kind: 'rate' as const, multiplier: def.scale } : {}),
      definition: describeMeasure(def),
    };
  });
}
