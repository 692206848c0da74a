/**
 * The measures of a run from the config. A `library:` measure brings its definition: a `scale` makes it a
 * count-based rate (kind 'rate', e.g. ED visits per 1,000: the rows' value is the count of visits), and its
 * plain-language denominator/numerator/exclusions (describeMeasure) go into results.json for the report.
 * Title and direction already default to the library's when the config leaves them out (src/config).
 * Type (outcome/process): the config's, else the library's, else outcome. Unit: what one denominator row
 * is — a library measure's own unit (a person, an inpatient discharge), else the config's `unit`
 * (default encounter); patient/people/member all mean a person.
 */
import type { EquilensConfig } from '../config/index.js';
import { describeMeasure } from '../measures/describe.js';
import { libraryMeasure } from '../measures/library/index.js';
import type { MeasureDefinition } from '../measures/types.js';
import type { MeasureInfo } from './measure-info.js';

const PERSON = new Set(['person', 'persons', 'people', 'patient', 'patients', 'member', 'members']);

/** The config's unit word as given, except that every word for a person is `person`. */
export function normaliseUnit(unit: string): string {
  const u = unit.trim().replace(/_/g, ' ');
  return PERSON.has(u.toLowerCase()) ? 'person' : u;
}

const libraryUnit = (def: MeasureDefinition): string =>
  def.unit.kind === 'patient' ? 'person' : 'discharge';

export function measureInfos(config: EquilensConfig): MeasureInfo[] {
  return config.measures.map((m) => {
    const def = m.library === undefined ? undefined : libraryMeasure(m.library);
    const type = m.type ?? def?.type;
    const info: MeasureInfo = {
      id: m.id,
      title: m.title,
      direction: m.direction,
      ...(type ? { type } : {}),
      unit: def ? libraryUnit(def) : normaliseUnit(m.unit),
      ...(m.description ? { description: m.description } : {}),
    };
    if (!def) return info;
    return {
      ...info,
      ...(def.scale !== undefined ? { kind: 'rate' as const, multiplier: def.scale } : {}),
      definition: describeMeasure(def),
    };
  });
}
