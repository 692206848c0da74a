/**
 * Nothing derived from a suppressed cell is published (issue #10 item 1). Every leaf field of the public
 * results schema is listed below with the rule that says when it must be blank; the test fails when the
 * schema gains a field nobody classified, and checks every rule on the public output of real runs (small
 * and mid-sized grids: hidden groups, hidden trend points, hidden references, facets, intersections).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrdered } from '../../analysis/order.js';
import { resultsJsonSchema } from '../../model/results-schema.js';
import { isStatus } from '../../model/status.js';
import type { GroupResult, ResultsFile, TrendPoint } from '../../model/results.js';
import { suppressResults } from '../../suppression/index.js';
import type { Workspace } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { gridDataset, tempWorkspace, testConfig } from './__fixtures__/canonical.js';

type Rule =
  | 'meta' // not computed from counts: ids, titles, names, settings, the plan, warning codes and texts
  | 'cell' // a count or a function of one cell's counts only: blank when the cell is hidden
  | 'comparison' // a function of a cell and its reference: blank when either is hidden
  | 'chart' // a control chart is a function of every point of its series: blank when any is hidden
  | 'gap' // a gap point is the difference of two points; its signals and direction read all of them
  | 'summary' // a summary measure is a function of every group's rate: blank when any group is hidden
  // (except D and R of an ordered stratifier: a difference and a ratio of its two end groups, chosen by
  // order; they stay when both ends are shown)
  | 'parent' // a parent's rate is a printed group's rate: blank when that group is hidden
  | 'finding' // a finding repeats its group's comparison: absent when hidden, blank like its group
  | 'quality' // a data-quality row with a small count is dropped
  | 'coarse'; // a group shown coarsened (roundedTo): only its rounded rate (and a difference/ratio of it)

const GROUP: Record<string, Rule> = {
  group: 'meta',
  numerator: 'cell',
  denominator: 'cell',
  rate: 'cell',
  lower: 'cell',
  upper: 'cell',
  difference: 'comparison',
  differenceLower: 'comparison',
  differenceUpper: 'comparison',
  ratio: 'comparison',
  ratioLower: 'comparison',
  ratioUpper: 'comparison',
  pValue: 'comparison',
  qValue: 'comparison',
  label: 'comparison',
  excessEvents: 'comparison',
  suppressed: 'cell',
  suppressionReason: 'cell',
  unstable: 'cell',
  roundedTo: 'coarse',
  'ageStandardised.rate': 'cell',
  'ageStandardised.lower': 'cell',
  'ageStandardised.upper': 'cell',
};
const POINT: Record<string, Rule> = {
  period: 'meta',
  numerator: 'cell',
  denominator: 'cell',
  rate: 'cell',
  centre: 'chart',
  lower: 'chart',
  upper: 'chart',
  'signals[]': 'chart',
  suppressed: 'cell',
};
const under = (prefix: string, fields: Record<string, Rule>): Record<string, Rule> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
const META = (paths: string[]): Record<string, Rule> => Object.fromEntries(paths.map((p) => [p, 'meta']));

const FIELDS: Record<string, Rule> = {
  ...META([
    'schemaVersion',
    'stamp.dataset.version',
    'stamp.dataset.id',
    'stamp.dataset.rows',
    'stamp.configHash',
    'stamp.softwareVersion',
    'stamp.generatedAt',
    'stamp.audience',
    'dataset.version',
    'dataset.id',
    'dataset.rows',
    'dataset.people',
    'dataset.measureRows',
    'settings.confidence',
    'settings.fdr',
    'settings.period',
    'settings.suppressionThreshold',
    'measures[].id',
    'measures[].title',
    'measures[].direction',
    'measures[].kind',
    'measures[].multiplier',
    'measures[].type',
    'measures[].unit',
    'measures[].description',
    'measures[].definition.denominator',
    'measures[].definition.numerator',
    'measures[].definition.exclusions',
    'measures[].strata[].stratifier',
    'measures[].strata[].reference',
    'measures[].strata[].referenceRule',
    'measures[].strata[].facet.name',
    'measures[].strata[].facet.value',
    'measures[].strata[].summary[].measure',
    'measures[].strata[].summary[].warnings[].code',
    'measures[].strata[].summary[].warnings[].message',
    'measures[].strata[].trend.groups[].group',
    'measures[].strata[].trend.gap.group',
    'measures[].strata[].trend.gap.points[].period',
    'measures[].strata[].warnings[].code',
    'measures[].strata[].warnings[].message',
    'measures[].warnings[].code',
    'measures[].warnings[].message',
    'intersections[].measure',
    'intersections[].stratifiers[]',
    'intersections[].groups[].values{}',
    'intersections[].groups[].parents[].stratifier',
    'intersections[].groups[].parents[].group',
    'findings[].measure',
    'findings[].values{}',
    'findings[].kind',
    'findings[].comparison',
    'findings[].periods',
    'findings[].parents[].stratifier',
    'findings[].parents[].group',
    'findings[].facet.name',
    'findings[].facet.value',
    'findings[].referenceRule',
    'findings[].referenceWorse',
    'findings[].pinned',
    'ranking.method',
    'ranking.priorities[]',
    'ranking.priorityWeight',
    'ranking.processWeight',
    'ranking.pins',
    'plan.engine',
    'plan.groupingSets',
    'plan.stratifiers[]',
    'plan.facets[]',
    'plan.discovery.stratifiers[]',
    'plan.discovery.combinations',
    'plan.discovery.tested',
    'plan.discovery.found',
    'quality[].field',
    'warnings[].code',
    'warnings[].message',
  ]),
  'measures[].overall.numerator': 'cell',
  'measures[].overall.denominator': 'cell',
  'measures[].overall.rate': 'cell',
  'measures[].overall.lower': 'cell',
  'measures[].overall.upper': 'cell',
  ...under('measures[].strata[].groups[]', GROUP),
  ...under('intersections[].groups[]', GROUP),
  'intersections[].groups[].parents[].rate': 'parent',
  'findings[].parents[].rate': 'parent',
  'measures[].strata[].summary[].estimate': 'summary',
  'measures[].strata[].summary[].se': 'summary',
  'measures[].strata[].summary[].lower': 'summary',
  'measures[].strata[].summary[].upper': 'summary',
  ...under('measures[].strata[].trend.groups[].points[]', POINT),
  ...under('measures[].trend[]', POINT),
  'measures[].strata[].trend.gap.points[].difference': 'gap',
  'measures[].strata[].trend.gap.points[].signals[]': 'gap',
  'measures[].strata[].trend.gapDirection': 'gap',
  ...Object.fromEntries(
    [
      'rate',
      'comparisonRate',
      'difference',
      'ratio',
      'excessEvents',
      'qValue',
      'gapDirection',
      'denominator',
      // ranking: functions of the finding's group and its comparison, both printed when the finding is
      'strength',
      'score',
      'unstable',
    ].map((k) => [`findings[].${k}`, 'finding' as Rule]),
  ),
  ...Object.fromEntries(
    ['known', 'unknown', 'declined', 'missing', 'total'].map((k) => [`quality[].${k}`, 'quality' as Rule]),
  ),
};

type Json = Record<string, unknown>;
/** Leaf paths of a JSON Schema: `a.b`, `a[]` for array items, `a{}` for record values. */
function leaves(s: Json, path: string, out: string[]): string[] {
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alts) {
    for (const a of alts) if (a.type !== 'null') leaves(a, path, out);
  } else if (s.type === 'object' && s.properties) {
    for (const [k, v] of Object.entries(s.properties as Json))
      leaves(v as Json, path ? `${path}.${k}` : k, out);
  } else if (s.type === 'object' && s.additionalProperties) {
    leaves(s.additionalProperties as Json, `${path}{}`, out);
  } else if (s.type === 'array' && s.items) {
    const it = s.items as Json;
    if (it.type === 'object' || it.anyOf) leaves(it, `${path}[]`, out);
    else out.push(`${path}[]`);
  } else out.push(path);
  return out;
}

const COMPARISON = [
  'difference',
  'differenceLower',
  'differenceUpper',
  'ratio',
  'ratioLower',
  'ratioUpper',
  'pValue',
  'qValue',
  'excessEvents',
] as const;

/** Every violation of the rules in a public file, and how often each rule had something to check. */
export function violations(pub: ResultsFile, threshold: number): { bad: string[]; used: Map<Rule, number> } {
  const bad: string[] = [];
  const used = new Map<Rule, number>();
  const use = (r: Rule): void => void used.set(r, (used.get(r) ?? 0) + 1);
  const cell = (g: GroupResult, where: string): void => {
    if (!g.suppressed) return;
    use('cell');
    const a = g.ageStandardised;
    const vals = [g.numerator, g.denominator, g.rate, g.lower, g.upper, a?.rate, a?.lower, a?.upper];
    if (vals.some((v) => v !== null && v !== undefined) || g.unstable !== undefined)
      bad.push(`cell ${where}`);
  };
  // Coarsened: counts, interval, CIs, p/q, excess events and the standardised rate withheld; the rate a
  // multiple of the step (so it is the rounded rate, not the exact one).
  const coarse = (g: GroupResult, where: string): void => {
    if (g.roundedTo === undefined) return;
    use('coarse');
    const a = g.ageStandardised;
    const vals = [g.numerator, g.denominator, g.lower, g.upper, g.pValue, g.qValue, g.excessEvents];
    const cis = [
      g.differenceLower,
      g.differenceUpper,
      g.ratioLower,
      g.ratioUpper,
      a?.rate,
      a?.lower,
      a?.upper,
    ];
    const steps = g.rate === null ? NaN : g.rate / g.roundedTo;
    if ([...vals, ...cis].some((v) => v !== null && v !== undefined) || g.unstable !== undefined)
      bad.push(`coarse ${where}`);
    if (!(Math.abs(steps - Math.round(steps)) < 1e-6) || g.label !== 'not_assessed')
      bad.push(`coarse rate ${where}`);
  };
  const comparison = (g: GroupResult, refHidden: boolean, where: string): void => {
    if (!g.suppressed && !refHidden) return;
    use('comparison');
    if (COMPARISON.some((k) => g[k] !== null)) bad.push(`comparison ${where}`);
    if (g.label !== 'reference' && g.label !== 'not_assessed') bad.push(`label ${where}`);
  };
  const chart = (points: readonly TrendPoint[], groupHidden: boolean, where: string): void => {
    for (const p of points) {
      if (p.suppressed && [p.numerator, p.denominator, p.rate].some((v) => v !== null))
        bad.push(`point ${where}`);
    }
    if (!groupHidden && !points.some((p) => p.suppressed)) return;
    use('chart');
    for (const p of points) {
      const lines = [p.centre, p.lower, p.upper].some((v) => v !== null && v !== undefined);
      if (lines || (p.signals?.length ?? 0) > 0) bad.push(`chart ${where} ${p.period}`);
    }
  };
  for (const m of pub.measures) {
    if (m.overall.denominator === null && m.overall.rate !== null) bad.push(`overall ${m.id}`);
    chart(m.trend ?? [], m.overall.denominator === null, `${m.id} overall`);
    for (const s of m.strata) {
      const where = `${m.id} ${s.stratifier}${s.facet ? ` @${s.facet.value}` : ''}`;
      const ref = s.groups.find((g) => g.group === s.reference);
      for (const g of s.groups) {
        cell(g, `${where} ${g.group}`);
        coarse(g, `${where} ${g.group}`);
        comparison(g, ref?.suppressed === true || ref?.roundedTo !== undefined, `${where} ${g.group}`);
      }
      if (s.groups.some((g) => g.suppressed || g.roundedTo !== undefined) && s.summary.length) {
        use('summary');
        const real = s.groups.filter((g) => !isStatus(g.group) && (g.suppressed || (g.denominator ?? 0) > 0));
        const endsShown =
          isOrdered(s.stratifier) && real.length >= 2 && !real[0]!.suppressed && !real.at(-1)!.suppressed;
        for (const sm of s.summary) {
          if (endsShown && (sm.measure === 'D' || sm.measure === 'R')) continue;
          if ([sm.estimate, sm.se, sm.lower, sm.upper].some((v) => v !== null)) bad.push(`summary ${where}`);
          // Its own warnings were computed from every group (e.g. "an estimate of 0 was replaced").
          if (sm.warnings.some((w) => w.code !== 'summary_suppressed')) bad.push(`summary warning ${where}`);
        }
      }
      const series = new Map(s.trend?.groups.map((t) => [t.group, t.points]) ?? []);
      for (const [name, points] of series) {
        const g = s.groups.find((x) => x.group === name);
        chart(points, g?.suppressed === true || g?.roundedTo !== undefined, `${where} ${name}`);
      }
      const gap = s.trend?.gap;
      if (!gap || !s.trend) continue;
      const hiddenAt = (group: string | null, period: string): boolean =>
        series.get(group ?? '')?.find((p) => p.period === period)?.suppressed === true;
      const touched = gap.points.filter(
        (p) => hiddenAt(gap.group, p.period) || hiddenAt(s.reference, p.period),
      );
      if (!touched.length) continue;
      use('gap');
      if (touched.some((p) => p.difference !== null)) bad.push(`gap ${where}`);
      if (gap.points.some((p) => (p.signals?.length ?? 0) > 0)) bad.push(`gap signals ${where}`);
      if (s.trend.gapDirection !== 'not_assessed') bad.push(`gap direction ${where}`);
    }
  }
  const printed = (measure: string, stratifier: string, group: string): GroupResult | undefined =>
    pub.measures
      .find((m) => m.id === measure)
      ?.strata.find((s) => s.stratifier === stratifier && !s.facet)
      ?.groups.find((g) => g.group === group);
  const parents = (
    measure: string,
    ps: readonly { stratifier: string; group: string; rate: number | null }[],
  ) => {
    for (const p of ps) {
      const g = printed(measure, p.stratifier, p.group);
      if (g?.roundedTo !== undefined && p.rate !== null && p.rate !== g.rate)
        bad.push(`parent ${measure} ${p.stratifier}=${p.group}`);
      if (g?.suppressed !== true) continue;
      use('parent');
      if (p.rate !== null) bad.push(`parent ${measure} ${p.stratifier}=${p.group}`);
    }
  };
  for (const ix of pub.intersections) {
    const ref = ix.groups.find((g) => g.label === 'reference');
    for (const g of ix.groups) {
      const where = `${ix.measure} ${JSON.stringify(g.values)}`;
      cell(g, where);
      comparison(g, ref?.suppressed === true, where);
      parents(ix.measure, g.parents);
    }
  }
  for (const f of pub.findings) {
    use('finding');
    parents(f.measure, f.parents ?? []);
    const key = JSON.stringify(f.values);
    const ix = pub.intersections.flatMap((i) => (i.measure === f.measure ? i.groups : []));
    const [[stratifier, value] = ['', '']] = Object.entries(f.values);
    const g =
      f.kind === 'stratum'
        ? printed(f.measure, stratifier, value)
        : ix.find((x) => JSON.stringify(x.values) === key);
    if (f.kind !== 'discovered' && (!g || g.suppressed || g.label === 'not_assessed'))
      bad.push(`finding ${key}`);
    if (g && (['rate', 'difference', 'ratio', 'excessEvents', 'qValue'] as const).some((k) => f[k] !== g[k]))
      bad.push(`finding values ${key}`);
  }
  for (const q of pub.quality ?? []) {
    use('quality');
    const counts = [q.known, q.unknown, q.declined, q.missing, q.total];
    if (counts.some((c) => c > 0 && c < threshold)) bad.push(`quality ${q.field}`);
  }
  return { bad, used };
}

let ws: Workspace;
const runs: { internal: ResultsFile; pub: ResultsFile }[] = [];

beforeAll(async () => {
  ({ ws } = await tempWorkspace());
  const config = testConfig({
    stratifiers: ['race_ethnicity', 'sex', 'payer'],
    intersections: [['race_ethnicity', 'sex']],
    facets: ['site'],
  });
  for (const n of [60, 400, 3000]) {
    const ds = await gridDataset(ws, n);
    const internal = await analyzeDataset(ws.engine, ds, config, `fields-${n}`);
    runs.push({ internal, pub: suppressResults(internal, { threshold: 11 }) });
  }
}, 60_000);
afterAll(async () => ws.close());

describe('public results: nothing derived from a suppressed cell', () => {
  it('every field of the results schema has a rule (a new field must be classified here)', () => {
    const schema = leaves(resultsJsonSchema(), '', []).sort();
    expect(schema).toEqual(Object.keys(FIELDS).sort());
  });

  it('every rule holds on the public output of real runs, and each rule had something to check', () => {
    const used = new Map<Rule, number>();
    for (const { pub } of runs) {
      const v = violations(pub, 11);
      expect(v.bad).toEqual([]);
      for (const [r, n] of v.used) used.set(r, (used.get(r) ?? 0) + n);
    }
    for (const r of ['cell', 'comparison', 'chart', 'summary', 'finding'] as Rule[]) {
      expect(used.get(r) ?? 0, r).toBeGreaterThan(0);
    }
  });

  it('the check can fail: a centre put back on a hidden series is caught', () => {
    const pub = structuredClone(runs[0]!.pub);
    const series = pub.measures
      .flatMap((m) => m.strata.flatMap((s) => s.trend?.groups ?? []))
      .find((t) => t.points.some((p) => p.suppressed))!;
    series.points[0]!.centre = 0.1;
    expect(violations(pub, 11).bad.some((b) => b.startsWith('chart'))).toBe(true);
  });
});
