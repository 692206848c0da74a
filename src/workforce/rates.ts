/**
 * Hiring, promotion and exit rates by group: events per employee (or employee-year) with a Wilson interval;
 * against the reference group a difference with the Newcombe hybrid score interval (1998 method 10) and a
 * two-sided test of equal proportions (score test, Fisher's exact test when an expected count is below 5),
 * with Benjamini–Hochberg q-values across every group, attribute and event.
 */
import { benjaminiHochberg, newcombeDifference, twoProportionTest, wilson } from '../stats/index.js';
import type { Employee } from './employees.js';
import {
  comparable,
  groupsBy,
  referenceGroup,
  WORKFORCE_ATTRIBUTES,
  type WorkforceAttribute,
} from './groups.js';

export const WORKFORCE_EVENTS = ['hired', 'promoted', 'exited'] as const;
export type WorkforceEvent = (typeof WORKFORCE_EVENTS)[number];

export interface RateRow {
  event: WorkforceEvent;
  attribute: WorkforceAttribute;
  group: string;
  reference: string | null;
  employees: number;
  events: number;
  rate: number;
  lower: number | null;
  upper: number | null;
  difference: number | null;
  difference_lower: number | null;
  difference_upper: number | null;
  p_value: number | null;
  q_value: number | null;
}

const count = (list: readonly Employee[], event: WorkforceEvent) => list.filter((e) => e[event]).length;

export function rates(employees: readonly Employee[], level = 0.95): RateRow[] {
  const rows: RateRow[] = [];
  for (const event of WORKFORCE_EVENTS) {
    if (!employees.some((e) => e[event])) continue;
    for (const attribute of WORKFORCE_ATTRIBUTES) {
      const groups = groupsBy(employees, attribute);
      const ref = referenceGroup(groups);
      const refList = ref === undefined ? [] : groups.get(ref)!;
      for (const [group, members] of groups) {
        const x = count(members, event);
        const w = wilson(x, members.length, level);
        const compare = ref !== undefined && group !== ref && comparable(group);
        const d = compare
          ? newcombeDifference(x, members.length, count(refList, event), refList.length, level)
          : null;
        const t = compare
          ? twoProportionTest(x, members.length, count(refList, event), refList.length)
          : null;
        rows.push({
          event,
          attribute,
          group,
          reference: ref ?? null,
          employees: members.length,
          events: x,
          rate: x / members.length,
          lower: w?.lower ?? null,
          upper: w?.upper ?? null,
          difference: d?.estimate ?? null,
          difference_lower: d?.lower ?? null,
          difference_upper: d?.upper ?? null,
          p_value: t?.pValue ?? null,
          q_value: null,
        });
      }
    }
  }
  const q = benjaminiHochberg(rows.map((r) => r.p_value));
  return rows.map((r, i) => ({ ...r, q_value: q[i] ?? null }));
}
