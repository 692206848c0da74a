import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../model/index.js';
import { resultsFrom, type Person } from './__fixtures__/results.js';
import { OTHER_AREA } from './labels.js';
import { suppressResults } from './results.js';

/** `n` people per value of `values` (as the race column), with a race×sex intersection. */
const peopleOf = (values: [string, number][]): Person[] =>
  values.flatMap(([v, n]) =>
    Array.from({ length: n }, (_, i) => ({
      race: v,
      sex: i % 2 ? 'Male' : 'Female',
      period: 'Q1',
      event: i % 4 === 0,
    })),
  );
/** The same results with the race stratifier renamed (a config that stratifies by `attr`). */
function renamed(r: ResultsFile, attr: string): ResultsFile {
  const json = JSON.stringify(r).replaceAll('"race_ethnicity"', JSON.stringify(attr));
  return JSON.parse(json) as ResultsFile;
}
const labelsOf = (r: ResultsFile, attr: string): string[] => [
  ...r.measures.flatMap((m) =>
    m.strata.filter((s) => s.stratifier === attr).flatMap((s) => s.groups.map((g) => g.group)),
  ),
  ...r.intersections.flatMap((ix) => ix.groups.flatMap((g) => (g.values[attr] ? [g.values[attr]] : []))),
  ...r.findings.flatMap((f) => (f.values[attr] ? [f.values[attr]] : [])),
];

describe('identifying labels are not stratifiers of a public edition', () => {
  const big = resultsFrom(
    peopleOf([
      ['A', 40],
      ['B', 60],
      ['C', 80],
    ]),
  );
  for (const attr of ['patient_id', 'birth_date', 'last_name', 'name', 'free_text', 'mrn']) {
    it(`leaves "${attr}" out and says which key to fix`, () => {
      const pub = suppressResults(renamed(big, attr));
      expect(labelsOf(pub, attr)).toEqual([]);
      const w = pub.warnings.find((x) => x.code === 'identifying_label_withheld')!;
      expect(w.message).toContain(`analysis.stratifiers: "${attr}" identifies people`);
      expect(w.message).toMatch(/Remove it from analysis\.stratifiers/);
      expect(pub.measures[0]!.strata.map((s) => s.stratifier)).toEqual(['sex']);
    });
  }

  it('leaves out any attribute with about one person per value (a custom attribute holding names)', () => {
    const names = Array.from({ length: 30 }, (_, i): [string, number] => [`Person ${i}`, 1]);
    const pub = suppressResults(renamed(resultsFrom(peopleOf([...names, ['X', 50]])), 'nickname'));
    expect(labelsOf(pub, 'nickname')).toEqual([]);
    expect(pub.warnings.map((w) => w.code)).toContain('identifying_label_withheld');
  });

  it('keeps an ordinary stratifier', () => {
    const pub = suppressResults(renamed(big, 'payer'));
    expect(labelsOf(pub, 'payer')).toContain('A');
    expect(pub.warnings.map((w) => w.code)).not.toContain('identifying_label_withheld');
  });
});

describe('small areas lose their label ("Other area 1"…)', () => {
  const tracts: [string, number][] = [
    ['17031010100', 60],
    ['17031010200', 80],
    ['17031010300', 3],
    ['17031010400', 5],
    ['17031010500', 1],
  ];
  const internal = renamed(resultsFrom(peopleOf(tracts)), 'tract');
  const pub = suppressResults(internal);

  it('prints no label of a tract with fewer than 11 units, anywhere', () => {
    const printed = labelsOf(pub, 'tract');
    for (const [t, n] of tracts) expect(printed.includes(t), t).toBe(n >= 11);
    const others = pub.measures[0]!.strata[0]!.groups.filter((g) => g.group.startsWith(OTHER_AREA));
    expect(others.map((g) => g.group)).toEqual(['Other area 1', 'Other area 2', 'Other area 3']);
    for (const g of others) expect(g).toMatchObject({ suppressed: true, numerator: null, denominator: null });
    expect(pub.warnings.find((w) => w.code === 'small_areas_folded')).toMatchObject({ count: 3 });
  });

  it('leaves the internal results alone', () => {
    expect(labelsOf(internal, 'tract')).toContain('17031010500');
  });
});
