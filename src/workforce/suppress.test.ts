/**
 * The public workforce edition (issue #16): no count of 1 to threshold − 1 employees anywhere in it, and no
 * withheld count recoverable by subtraction from a published sum. Checked on the output only (what a reader
 * sees), for random employee tables with levels, periods, statuses and the race × sex intersection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emp } from './__fixtures__/employee.js';
import { workforceReport, type WorkforceReport } from './workforce-report.js';

type N = number | null;
const small = (n: N, t: number) => n !== null && n > 0 && n < t;
const RACE = 'race_ethnicity';
const CROSS = 'race_ethnicity*sex';

/** Every count the public edition prints, with where it is (for the failure message). */
function printedCounts(r: WorkforceReport): [string, N][] {
  const out: [string, N][] = [['employees', r.employees]];
  r.representation.forEach((x, i) => {
    out.push([`representation.${i}.employees`, x.employees], [`representation.${i}.total`, x.total]);
  });
  r.rates.forEach((x, i) => {
    out.push([`rates.${i}.employees`, x.employees], [`rates.${i}.events`, x.events]);
    // The employees without the event are printed too: the group's size minus its events.
    if (x.employees !== null && x.events !== null)
      out.push([`rates.${i}.non_events`, x.employees - x.events]);
  });
  r.pay_gap.forEach((x, i) => out.push([`pay_gap.${i}.employees`, x.employees]));
  return out;
}

/**
 * A published sum: its terms (null = withheld) and its margin (null = withheld; a margin that is not printed
 * but can be worked out is given as a number). One withheld among them gives that one back.
 */
type Sum = { name: string; terms: N[] };
const oneWithheld = (s: Sum) => s.terms.filter((x) => x === null).length === 1;

function representationSums(r: WorkforceReport): Sum[] {
  const sums = new Map<string, N[]>();
  const add = (k: string, v: N) => sums.set(k, [...(sums.get(k) ?? []), v]);
  const totals = new Map<string, N>();
  for (const x of r.representation) {
    totals.set(`${x.level}\t${x.attribute}`, x.total);
    add(`total\t${x.level}\t${x.attribute}`, x.employees);
    add(`levels\t${x.attribute}\t${x.group}`, x.employees);
    if (x.attribute === CROSS) {
      const [race, sex] = x.group.split(' × ');
      add(`race\t${x.level}\t${race}`, x.employees);
      add(`sex\t${x.level}\t${sex}`, x.employees);
    } else add(`${x.attribute === RACE ? 'race' : 'sex'}\t${x.level}\t${x.group}`, x.employees);
  }
  for (const [k, v] of totals) add(`total\t${k}`, v);
  const levels = [...new Set(r.representation.map((x) => x.level))];
  for (const a of [RACE, 'sex', CROSS])
    for (const l of levels) add(`levels\t${a}\t(total)`, totals.get(`${l}\t${a}`) ?? 0);
  return [...sums].map(([name, terms]) => ({ name, terms }));
}

/**
 * The rates' sums, for one field (events, or employees): an attribute's groups add up to a margin that is
 * not printed but is known as soon as any attribute has all its groups shown; an intersection's cells add
 * up to their race row and to their sex row.
 */
function rateSums(r: WorkforceReport, field: 'events' | 'employees'): Sum[] {
  const out: Sum[] = [];
  for (const event of new Set(r.rates.map((x) => x.event))) {
    const rows = r.rates.filter((x) => x.event === event);
    const of = (a: string) => rows.filter((x) => x.attribute === a);
    const attrs = [...new Set(rows.map((x) => x.attribute))];
    const known = attrs.some((a) => of(a).every((x) => x[field] !== null));
    for (const a of attrs)
      out.push({ name: `${event} ${field} ${a}`, terms: [...of(a).map((x) => x[field]), known ? 0 : null] });
    for (const [a, part] of [
      [RACE, 0],
      ['sex', 1],
    ] as const)
      for (const m of of(a))
        out.push({
          name: `${event} ${field} ${m.group}`,
          terms: [
            m[field],
            ...of(CROSS)
              .filter((x) => x.group.split(' × ')[part] === m.group)
              .map((x) => x[field]),
          ],
        });
  }
  return out;
}

const arbEmployee = fc.record({
  race: fc.constantFrom('White', 'White', 'Black or African American', 'Asian', 'Declined'),
  sex: fc.constantFrom('Female', 'Male'),
  level: fc.constantFrom('L1', 'L2', 'L3'),
  period: fc.constantFrom('2024', '2025', '2025'),
  pay: fc.option(fc.integer({ min: 30000, max: 90000 }), { freq: 8 }),
  hired: fc.integer({ min: 0, max: 9 }),
  promoted: fc.integer({ min: 0, max: 9 }),
  exited: fc.integer({ min: 0, max: 9 }),
});

/** Event probabilities vary by table (0.1 to 0.9), so small event counts and small complements both occur. */
const arbTable = fc
  .tuple(
    fc.array(arbEmployee, { minLength: 1, maxLength: 240, size: 'max' }),
    fc.boolean(),
    fc.tuple(fc.nat(8), fc.nat(8), fc.nat(8)),
  )
  .map(([draws, periods, [h, p, x]]) =>
    draws.map((d, i) =>
      emp({
        id: `E${periods ? i % Math.ceil(draws.length / 2) : i}`,
        period: periods ? d.period : '',
        line: i + 2,
        race_ethnicity: d.race,
        sex: d.sex,
        level: d.level,
        pay: d.pay,
        hired: d.hired <= h,
        promoted: d.promoted <= p,
        exited: d.exited <= x,
      }),
    ),
  )
  // One row per employee and period, as the reader guarantees.
  .map((list) => [...new Map(list.map((e) => [`${e.id}\t${e.period}`, e])).values()]);

describe('the public workforce edition (property)', () => {
  it('prints no count of 1 to threshold − 1, nor a sum that gives a withheld count back', () => {
    fc.assert(
      fc.property(arbTable, fc.integer({ min: 11, max: 30 }), (list, t) => {
        const r = workforceReport(list, { audience: 'public', threshold: t });
        for (const [where, n] of printedCounts(r)) expect(small(n, t), `${where} = ${n}`).toBe(false);
        const sums = [...representationSums(r), ...rateSums(r, 'events'), ...rateSums(r, 'employees')];
        for (const s of sums) expect(oneWithheld(s), `${s.name}: ${JSON.stringify(s.terms)}`).toBe(false);
        for (const x of r.rates) {
          // A withheld count takes every figure worked from it: its rate, interval and comparison.
          if (x.events === null)
            expect([x.rate, x.lower, x.upper, x.difference, x.p_value, x.q_value]).toEqual(
              Array(6).fill(null),
            );
          // A difference from a withheld reference would give the reference's rate back.
          const ref = r.rates.find(
            (y) => y.event === x.event && y.attribute === x.attribute && y.group === x.reference,
          );
          if (ref && ref.events === null)
            expect([x.difference, x.difference_lower, x.difference_upper]).toEqual([null, null, null]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
