/**
 * Patient counts by area, attribute and group (optionally per facet and unit: department, site, clinician
 * group). Only counts: the engine or the user aggregates patients before they reach here. Each attribute's
 * groups are exhaustive within an area, so their sum is the area's patients.
 */
import { invalidInput } from '../errors.js';
import type { Records } from './areas.js';

export interface PatientCount {
  /** '' for the whole system. */
  facet: string;
  unit: string;
  area: string;
  attribute: string;
  group: string;
  count: number;
}

/** Read `area,attribute,group,count[,facet,unit]`; errors name the file, line and column. */
export function readPatientCounts(rec: Records): PatientCount[] {
  const need = (n: string) => {
    const i = rec.header.indexOf(n);
    if (i < 0) {
      throw invalidInput(`The patient counts file has no column "${n}".`, {
        file: rec.file,
        line: 1,
        column: n,
        fix: 'Give columns area, attribute, group, count (and facet, unit for departments, sites or clinician groups).',
      });
    }
    return i;
  };
  const [ai, ti, gi, ci] = [need('area'), need('attribute'), need('group'), need('count')];
  const [fi, ui] = [rec.header.indexOf('facet'), rec.header.indexOf('unit')];
  return rec.rows.map((row) => {
    const cell = (i: number) => (i < 0 ? '' : (row.cells[i] ?? '').trim());
    const count = Number(cell(ci));
    if (cell(ci) === '' || !Number.isInteger(count) || count < 0) {
      throw invalidInput(`"${cell(ci)}" is not a count.`, {
        file: rec.file,
        line: row.line,
        column: 'count',
        fix: 'Write a whole number of patients, 0 or more.',
      });
    }
    return { facet: cell(fi), unit: cell(ui), area: cell(ai), attribute: cell(ti), group: cell(gi), count };
  });
}
