/**
 * The attributes workforce results are split by — race and ethnicity, sex, and their intersection — and the
 * reference group of each (the largest known group, as in the analysis). Statuses (Declined, Unknown,
 * Missing) are kept as groups of their own in counts but are never a reference and never compared.
 */
import { isStatus } from '../model/status.js';
import type { Employee } from './employees.js';

export const WORKFORCE_ATTRIBUTES = ['race_ethnicity', 'sex', 'race_ethnicity*sex'] as const;
export type WorkforceAttribute = (typeof WORKFORCE_ATTRIBUTES)[number];

export function groupOf(e: Employee, attribute: WorkforceAttribute): string {
  if (attribute === 'race_ethnicity') return e.race_ethnicity;
  if (attribute === 'sex') return e.sex;
  return `${e.race_ethnicity} × ${e.sex}`;
}

/** A group label is comparable when no part of it is a status. */
export const comparable = (group: string): boolean => group.split(' × ').every((g) => !isStatus(g));

/** Groups of the employees by attribute, largest first (ties by label). */
export function groupsBy(
  employees: readonly Employee[],
  attribute: WorkforceAttribute,
): Map<string, Employee[]> {
  const out = new Map<string, Employee[]>();
  for (const e of employees) {
    const g = groupOf(e, attribute);
    const list = out.get(g) ?? [];
    list.push(e);
    out.set(g, list);
  }
  return new Map([...out].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)));
}

/** The reference group: the largest comparable group. */
export function referenceGroup(groups: ReadonlyMap<string, readonly Employee[]>): string | undefined {
  return [...groups.keys()].find(comparable);
}

/** The rows of the last period (employee-year extracts), or all rows when the extract has no periods. */
export function latestPeriod(employees: readonly Employee[]): Employee[] {
  const periods = [...new Set(employees.map((e) => e.period))].sort();
  const last = periods.at(-1) ?? '';
  return employees.filter((e) => e.period === last);
}
