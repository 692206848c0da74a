import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLANTED, syntheticPredictions } from '../synth/predictions.js';
import { auditModel, type AuditRow, type GroupRow } from './audit-model.js';
import { RATE_NAMES } from './confusion.js';

const toRows = (rs: ReturnType<typeof syntheticPredictions>): AuditRow[] =>
  rs.map((r) => ({ score: r.score, label: r.label, attributes: { race: r.race, sex: r.sex } }));

const find = (rows: GroupRow[], stratifier: string, group: string) =>
  rows.find((r) => r.stratifier === stratifier && r.group === group)!;

describe('auditModel: a 2×2 table worked by hand', () => {
  // Group A (10 rows): flagged 0.9,0.8,0.7 (labels 1,1,0), not flagged 0.4,0.3,0.2,0.1,0.1,0.1,0.1 (labels 1,0,0,0,0,0,0)
  // → tp 2, fp 1, fn 1, tn 6. TPR 2/3, FPR 1/7, PPV 2/3, NPV 6/7, FDR 1/3, FOR 1/7, prevalence 3/10, selection 3/10.
  const a = [
    [0.9, 1],
    [0.8, 1],
    [0.7, 0],
    [0.4, 1],
    [0.3, 0],
    [0.2, 0],
    [0.1, 0],
    [0.1, 0],
    [0.1, 0],
    [0.1, 0],
  ].map(([score, label]) => ({ score: score!, label: label as 0 | 1, attributes: { g: 'A' } }));
  const res = auditModel(a, { thresholds: [0.5], stratifiers: ['g'] });
  const row = find(res.groups, 'g', 'A');

  it('counts the cells and the rates', () => {
    expect(row).toMatchObject({ n: 10, tp: 2, fp: 1, tn: 6, fn: 1, threshold: 0.5 });
    expect(row.tpr).toBeCloseTo(2 / 3, 12);
    expect(row.fpr).toBeCloseTo(1 / 7, 12);
    expect(row.tnr).toBeCloseTo(6 / 7, 12);
    expect(row.fnr).toBeCloseTo(1 / 3, 12);
    expect(row.ppv).toBeCloseTo(2 / 3, 12);
    expect(row.npv).toBeCloseTo(6 / 7, 12);
    expect(row.fdr).toBeCloseTo(1 / 3, 12);
    expect(row.for).toBeCloseTo(1 / 7, 12);
    expect(row.prevalence).toBeCloseTo(0.3, 12);
    expect(row.selection_rate).toBeCloseTo(0.3, 12);
  });

  it('gives Wilson limits: 2 of 3 → (0.2077, 0.9385)', () => {
    // Newcombe (1998) Table I style check, computed: (2x+z² ∓ z√(z²+4x(1−x/n)))/(2(n+z²)), z = 1.959964.
    const z = 1.959963985;
    const lo = (4 + z * z - z * Math.sqrt(z * z + 8 * (1 / 3))) / (2 * (3 + z * z));
    expect(row.tpr_lower).toBeCloseTo(lo, 9);
    expect(row.tpr_lower).toBeCloseTo(0.2077, 4);
    expect(row.tpr_upper).toBeCloseTo(0.9385, 4);
  });
});

describe('auditModel: edge groups', () => {
  const rows: AuditRow[] = [
    // no predicted positives
    ...[0.1, 0.2, 0.3].map((s, i) => ({
      score: s,
      label: (i % 2) as 0 | 1,
      attributes: { g: 'none_flagged' },
    })),
    // no label positives
    ...[0.1, 0.9].map((s) => ({ score: s, label: 0 as const, attributes: { g: 'no_events' } })),
    // all positive (flagged and label)
    ...[0.8, 0.9].map((s) => ({ score: s, label: 1 as const, attributes: { g: 'all_positive' } })),
    // a single row
    { score: 0.7, label: 1, attributes: { g: 'single' } },
    // the reference
    ...Array.from({ length: 40 }, (_, i) => ({
      score: (i % 10) / 10,
      label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
      attributes: { g: 'big' },
    })),
  ];
  const res = auditModel(rows, { thresholds: [0.5], stratifiers: ['g'] });
  const reasons = (r: GroupRow) => r.null_reasons as Record<string, string>;

  it('gives null with the reason, never 0', () => {
    const none = find(res.groups, 'g', 'none_flagged');
    expect(none.ppv).toBeNull();
    expect(none.fdr).toBeNull();
    expect(reasons(none).ppv).toMatch(/no predicted positives/);
    expect(none.tpr).toBe(0);
    const noEvents = find(res.groups, 'g', 'no_events');
    expect(noEvents.tpr).toBeNull();
    expect(noEvents.fnr).toBeNull();
    expect(reasons(noEvents).tpr).toMatch(/no label positives/);
    const allPos = find(res.groups, 'g', 'all_positive');
    expect(allPos.fpr).toBeNull();
    expect(allPos.npv).toBeNull();
    expect(reasons(allPos).fpr).toMatch(/no label negatives/);
    const single = find(res.groups, 'g', 'single');
    expect(single).toMatchObject({ n: 1, tp: 1, tpr: 1, fpr: null, npv: null });
    const cal = find(res.calibration, 'g', 'single');
    expect(cal.auc).toBeNull();
    expect(reasons(cal).auc).toMatch(/no label negatives/);
    expect(cal.calibration_slope).toBeNull();
    expect(reasons(cal).calibration_slope).toBeTruthy();
  });

  it('compares with the largest group and names the test', () => {
    const single = find(res.groups, 'g', 'single');
    expect(single.tpr_reference).toBe('big');
    expect(find(res.groups, 'g', 'big').tpr_difference).toBeNull();
    const none = find(res.groups, 'g', 'none_flagged');
    expect(none.ppv_difference).toBeNull();
    expect(none.tpr_test).toBe('fisher_exact');
    expect(res.method.multiple_testing).toMatch(/Benjamini/);
  });
});

describe('auditModel: planted problems', () => {
  const rows = toRows(syntheticPredictions({ seed: 7, perGroup: 1500 }));
  const res = auditModel(rows, {
    thresholds: [0.3],
    stratifiers: ['race', 'sex'],
    intersections: [['race', 'sex']],
  });
  const cal = (g: string) => find(res.calibration, 'race', g);

  it('finds under-prediction, over-prediction and poor discrimination with the right direction', () => {
    expect(cal(PLANTED.reference).observed_expected as number).toBeGreaterThan(0.9);
    expect(cal(PLANTED.reference).observed_expected as number).toBeLessThan(1.1);
    expect(cal(PLANTED.under).observed_expected as number).toBeGreaterThan(1.3);
    expect(cal(PLANTED.under).calibration_intercept as number).toBeGreaterThan(0.7);
    expect(cal(PLANTED.over).observed_expected as number).toBeLessThan(0.8);
    expect(cal(PLANTED.over).calibration_intercept as number).toBeLessThan(-0.7);
    expect(cal(PLANTED.poor).auc as number).toBeLessThan((cal(PLANTED.reference).auc as number) - 0.1);
    expect(cal(PLANTED.poor).auc_q_value as number).toBeLessThan(0.05);
    expect(cal(PLANTED.poor).auc_reference).toBe(PLANTED.reference);
    // Under-prediction shows as missed need: a higher false negative rate than the reference.
    const under = find(res.groups, 'race', PLANTED.under);
    expect(under.fnr_difference as number).toBeGreaterThan(0);
    expect(under.fnr_q_value as number).toBeLessThan(0.05);
    const over = find(res.groups, 'race', PLANTED.over);
    expect(over.fpr_difference as number).toBeGreaterThan(0);
  });

  it('keeps Declined and Unknown apart, never compared', () => {
    const declined = find(res.groups, 'race', 'Declined');
    expect(declined.n).toBeGreaterThan(0);
    expect(declined.tpr_difference).toBeNull();
    expect(res.groups.every((g) => g.tpr_reference !== 'Declined' && g.tpr_reference !== 'Unknown')).toBe(
      true,
    );
    expect(find(res.groups, 'race*sex', `${PLANTED.under} × female`).n).toBeGreaterThan(0);
  });

  it('states the guidance and the bin rule', () => {
    expect(res.guidance.assistive).toMatch(/fnr/);
    expect(res.guidance.punitive).toMatch(/fpr/);
    expect(res.guidance.label_question).toMatch(/proxy/);
    expect(res.method.ece_bins).toMatch(/10 equal-width bins/);
  });
});

describe('auditModel: public suppression', () => {
  it('withholds small groups, small cells and the complementary group', () => {
    const rows = toRows(syntheticPredictions({ seed: 3, perGroup: 400 }));
    const res = auditModel(
      [
        ...rows,
        ...Array.from({ length: 5 }, () => ({
          score: 0.9,
          label: 1 as const,
          attributes: { race: 'Tiny', sex: 'female' },
        })),
      ],
      { thresholds: [0.3], stratifiers: ['race'], audience: 'public' },
    );
    const tiny = find(res.groups, 'race', 'Tiny');
    expect(tiny.suppressed).toBe('small_denominator');
    expect(tiny.n).toBeNull();
    expect(tiny.tpr).toBeNull();
    // exactly one group withheld whole → the next smallest too
    expect(
      res.groups.filter((g) => g.stratifier === 'race' && g.suppressed === 'complementary'),
    ).toHaveLength(1);
    for (const g of res.groups)
      for (const c of ['tp', 'fp', 'tn', 'fn'])
        if (typeof g[c] === 'number') expect((g[c] as number) === 0 || (g[c] as number) >= 11).toBe(true);
    expect(find(res.calibration, 'race', 'Tiny').auc).toBeNull();
  });
});

const arbRows = fc.array(
  fc.record({
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    label: fc.constantFrom<0 | 1>(0, 1),
    g: fc.constantFrom('a', 'b', 'c', 'Unknown'),
  }),
  { minLength: 1, maxLength: 60 },
);

describe('auditModel: properties', () => {
  it('every rate and limit is in [0, 1] or null', () => {
    fc.assert(
      fc.property(arbRows, fc.double({ min: 0, max: 1, noNaN: true }), (data, t) => {
        const res = auditModel(
          data.map((d) => ({ score: d.score, label: d.label, attributes: { g: d.g } })),
          { thresholds: [t], stratifiers: ['g'] },
        );
        return res.groups.every((r) =>
          RATE_NAMES.every((m) =>
            [r[m], r[`${m}_lower`], r[`${m}_upper`]].every(
              (v) => v === null || (typeof v === 'number' && v >= 0 && v <= 1),
            ),
          ),
        );
      }),
    );
  });

  it('a group of identical rows gives identical results whatever its group label', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<0 | 1>(0, 1),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('x', 'y', 'Black', 'z z'),
        (score, label, n, name) => {
          const run = (g: string) => {
            const res = auditModel(
              Array.from({ length: n }, () => ({ score, label, attributes: { g } })),
              { thresholds: [0.5], stratifiers: ['g'] },
            );
            const strip = (r: GroupRow) =>
              Object.fromEntries(
                Object.entries(r).filter(([k]) => k !== 'group' && !k.endsWith('_reference')),
              );
            return JSON.stringify([strip(find(res.groups, 'g', g)), strip(find(res.calibration, 'g', g))]);
          };
          return run('first') === run(name);
        },
      ),
    );
  });

  it('permuting group labels leaves the overall rows unchanged', () => {
    fc.assert(
      fc.property(arbRows, fc.integer({ min: 0, max: 1000 }), (data, seed) => {
        const labels = data.map((d) => d.g);
        const shuffled = [...labels].sort(
          (a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7),
        );
        const run = (gs: string[]) => {
          const res = auditModel(
            data.map((d, i) => ({ score: d.score, label: d.label, attributes: { g: gs[i]! } })),
            { thresholds: [0.5], stratifiers: ['g'] },
          );
          return JSON.stringify([
            res.groups.filter((r) => r.stratifier === 'overall'),
            res.calibration.filter((r) => r.stratifier === 'overall'),
          ]);
        };
        return run(labels) === run(shuffled.reverse());
      }),
    );
  });
});
