/**
 * Test helper: a results.json built by counting a small synthetic population (so every additive relation
 * holds exactly), plus the relations an attacker would use, written out by hand (independently of
 * cells.ts): groups → overall, periods → all periods, group × period → both, intersections → parents.
 */
import type { GroupResult, IntersectionResult, MeasureResult, ResultsFile, TrendPoint } from '../../model/index.js';
import type { Relation } from './attacker.js';

export interface Person {
  race: string;
  sex: string;
  period: string;
  event: boolean;
}

/** People from `[race, sex, period, events, total]` rows: `total` people of whom the first `events` had it. */
export const peopleFrom = (spec: [string, string, string, number, number][]): Person[] =>
  spec.flatMap(([race, sex, period, events, total]) =>
    Array.from({ length: total }, (_, i) => ({ race, sex, period, event: i < events })),
  );

const group = (name: string, n: number, d: number): GroupResult => ({
  group: name,
  numerator: n,
  denominator: d,
  rate: d ? n / d : null,
  lower: d ? n / d - 0.01 : null,
  upper: d ? n / d + 0.01 : null,
  difference: 0.01,
  differenceLower: 0,
  differenceUpper: 0.02,
  ratio: 1.1,
  ratioLower: 1,
  ratioUpper: 1.2,
  pValue: 0.5,
  qValue: 0.5,
  label: 'no_detectable_difference',
  excessEvents: 1,
  suppressed: false,
});

const count = (people: Person[]) => ({
  n: people.filter((p) => p.event).length,
  d: people.length,
});

const distinct = (xs: string[]) => [...new Set(xs)].sort();

/** Results for one measure over `people`, stratified by race and sex, with a race×sex intersection. */
export function resultsFrom(people: Person[], measureId = 'm1'): ResultsFile {
  const races = distinct(people.map((p) => p.race));
  const sexes = distinct(people.map((p) => p.sex));
  const periods = distinct(people.map((p) => p.period));
  const all = count(people);
  const point = (ps: Person[], period: string): TrendPoint => {
    const c = count(ps);
    return { period, numerator: c.n, denominator: c.d, rate: c.d ? c.n / c.d : null, lower: 0, upper: 1 };
  };
  const stratum = (attr: 'race' | 'sex', values: string[]) => ({
    stratifier: attr === 'race' ? 'race_ethnicity' : 'sex',
    reference: values[0] ?? null,
    referenceRule: 'largest' as const,
    groups: values.map((v) => {
      const c = count(people.filter((p) => p[attr] === v));
      return group(v, c.n, c.d);
    }),
    summary: [{ measure: 'bgv', estimate: 0.1, se: 0.01, lower: 0.08, upper: 0.12, warnings: [] }],
    trend: {
      groups: values.map((v) => ({
        group: v,
        points: periods.map((per) => point(people.filter((p) => p[attr] === v && p.period === per), per)),
      })),
      gap: { group: values.at(-1) ?? '', points: periods.map((per) => ({ period: per, difference: 0.05 })) },
      gapDirection: 'no_clear_change' as const,
    },
    warnings: [],
  });
  const measure: MeasureResult = {
    id: measureId,
    title: 'Test measure',
    direction: 'lower_is_better',
    overall: { numerator: all.n, denominator: all.d, rate: all.d ? all.n / all.d : null, lower: 0, upper: 1 },
    strata: [stratum('race', races), stratum('sex', sexes)],
    trend: periods.map((per) => point(people.filter((p) => p.period === per), per)),
    warnings: [],
  };
  const intersection: IntersectionResult = {
    measure: measureId,
    stratifiers: ['race_ethnicity', 'sex'],
    groups: races.flatMap((r) =>
      sexes.map((s) => {
        const c = count(people.filter((p) => p.race === r && p.sex === s));
        return {
          ...group(`${r} / ${s}`, c.n, c.d),
          values: { race_ethnicity: r, sex: s },
          parents: [
            { stratifier: 'race_ethnicity', group: r, rate: 0.1 },
            { stratifier: 'sex', group: s, rate: 0.1 },
          ],
        };
      }),
    ),
  };
  const dataset = { version: 1, id: 'v1-test', rows: people.length };
  return {
    schemaVersion: 1,
    stamp: { dataset, configHash: 'x', softwareVersion: '0', generatedAt: '2026-01-01T00:00:00Z', audience: 'internal' },
    dataset,
    settings: { confidence: 0.95, fdr: 0.05, period: 'quarter', suppressionThreshold: 11 },
    measures: [measure],
    intersections: [intersection],
    findings: races.map((r) => ({
      measure: measureId,
      values: { race_ethnicity: r },
      kind: 'stratum' as const,
      rate: 0.1,
      comparisonRate: 0.1,
      comparison: 'reference',
      difference: 0,
      ratio: 1,
      excessEvents: 0,
      qValue: 0.5,
    })),
    warnings: [],
  };
}

/** Every printed count in a results file, by a readable id, as [numerator, denominator]. */
export function printed(r: ResultsFile): Map<string, [number | null, number | null]> {
  const out = new Map<string, [number | null, number | null]>();
  for (const m of r.measures) {
    out.set(`${m.id}|all`, [m.overall.numerator, m.overall.denominator]);
    for (const p of m.trend ?? []) out.set(`${m.id}|all|${p.period}`, [p.numerator, p.denominator]);
    for (const s of m.strata) {
      if (s.facet) continue;
      for (const g of s.groups) out.set(`${m.id}|${s.stratifier}=${g.group}`, [g.numerator, g.denominator]);
      for (const series of s.trend?.groups ?? []) {
        for (const p of series.points) {
          out.set(`${m.id}|${s.stratifier}=${series.group}|${p.period}`, [p.numerator, p.denominator]);
        }
      }
    }
  }
  for (const ix of r.intersections) {
    for (const g of ix.groups) {
      out.set(`${ix.measure}|race_ethnicity=${g.values.race_ethnicity}|sex=${g.values.sex}`, [
        g.numerator,
        g.denominator,
      ]);
    }
  }
  return out;
}

/** The additive relations between the ids of {@link printed}, by hand. */
export function relations(people: Person[], m = 'm1'): Relation[] {
  const races = distinct(people.map((p) => p.race));
  const sexes = distinct(people.map((p) => p.sex));
  const periods = distinct(people.map((p) => p.period));
  const R = (r: string) => `${m}|race_ethnicity=${r}`;
  const S = (s: string) => `${m}|sex=${s}`;
  const rel: Relation[] = [
    { total: `${m}|all`, parts: races.map(R) },
    { total: `${m}|all`, parts: sexes.map(S) },
    { total: `${m}|all`, parts: periods.map((p) => `${m}|all|${p}`) },
  ];
  for (const r of races) {
    rel.push({ total: R(r), parts: periods.map((p) => `${R(r)}|${p}`) });
    rel.push({ total: R(r), parts: sexes.map((s) => `${R(r)}|sex=${s}`) });
  }
  for (const s of sexes) {
    rel.push({ total: S(s), parts: periods.map((p) => `${S(s)}|${p}`) });
    rel.push({ total: S(s), parts: races.map((r) => `${R(r)}|sex=${s}`) });
  }
  for (const p of periods) {
    rel.push({ total: `${m}|all|${p}`, parts: races.map((r) => `${R(r)}|${p}`) });
    rel.push({ total: `${m}|all|${p}`, parts: sexes.map((s) => `${S(s)}|${p}`) });
  }
  return rel;
}

/**
 * Add race strata faceted by `site` (race within each site) to a results file built by {@link resultsFrom},
 * and return the extra relations: each site total (printed nowhere) is the sum of its race groups, the
 * site totals sum to the overall, and each race group is the sum of its per-site cells. The site totals'
 * true values go into `values` so the attacker knows the relations' constants.
 */
export function addSiteFacet(
  r: ResultsFile,
  people: (Person & { site: string })[],
  m = 'm1',
): { relations: Relation[]; siteTotals: Map<string, [number, number]> } {
  const races = distinct(people.map((p) => p.race));
  const sites = distinct(people.map((p) => p.site));
  const measure = r.measures.find((x) => x.id === m)!;
  const siteTotals = new Map<string, [number, number]>();
  for (const site of sites) {
    const inSite = people.filter((p) => p.site === site);
    const c = count(inSite);
    siteTotals.set(`${m}|site=${site}`, [c.n, c.d]);
    measure.strata.push({
      stratifier: 'race_ethnicity',
      reference: races[0] ?? null,
      referenceRule: 'largest',
      facet: { name: 'site', value: site },
      groups: races.map((race) => {
        const g = count(inSite.filter((p) => p.race === race));
        return group(race, g.n, g.d);
      }),
      summary: [],
      warnings: [],
    });
  }
  const rel: Relation[] = [{ total: `${m}|all`, parts: sites.map((s) => `${m}|site=${s}`) }];
  for (const s of sites) {
    rel.push({ total: `${m}|site=${s}`, parts: races.map((race) => `${m}|site=${s}|race_ethnicity=${race}`) });
  }
  for (const race of races) {
    rel.push({ total: `${m}|race_ethnicity=${race}`, parts: sites.map((s) => `${m}|site=${s}|race_ethnicity=${race}`) });
  }
  return { relations: rel, siteTotals };
}

/** Printed counts of faceted strata, by the ids {@link addSiteFacet} uses. */
export function printedFacets(r: ResultsFile): Map<string, [number | null, number | null]> {
  const out = new Map<string, [number | null, number | null]>();
  for (const m of r.measures) {
    for (const s of m.strata) {
      if (!s.facet) continue;
      for (const g of s.groups) {
        out.set(`${m.id}|${s.facet.name}=${s.facet.value}|${s.stratifier}=${g.group}`, [g.numerator, g.denominator]);
      }
    }
  }
  return out;
}

/** Groups published coarsened (rate rounded, counts withheld), by the ids of {@link printed}: n/d's range. */
export function coarseRates(r: ResultsFile): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const m of r.measures) {
    for (const s of m.strata) {
      if (s.facet) continue;
      for (const g of s.groups) {
        if (g.roundedTo === undefined || g.rate === null) continue;
        out.set(`${m.id}|${s.stratifier}=${g.group}`, [g.rate - g.roundedTo / 2, g.rate + g.roundedTo / 2]);
      }
    }
  }
  return out;
}
