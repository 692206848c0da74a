/**
 * Patient counts for the community and payer-mix comparisons from a dataset's aggregates: the engine returns
 * people counted by area, facet/unit and their attribute labels (only counts come back); this maps the labels
 * to the community sources' groups.
 * - race_ethnicity: the ACS 1997 basis (Hispanic, then non-Hispanic race alone; `acsGroup`), keys as in SVI.
 * - payer: medicaid (dual-eligible people count as Medicaid, as in the ACS "Medicaid/means-tested" estimate),
 *   uninsured (uninsured/self-pay), medicare, commercial, other; and SVI's `uninsured` (yes/no) from it.
 * - limited_english, disability: yes/no. age: 0-17, 18-64, 65+ (bands that straddle these are left out).
 * People whose label is a status (Declined, Unknown, Missing) are left out of that attribute's shares (the
 * shares are among people whose attribute is known); every person counts in attribute `patients` (group
 * `all`), which sizes the catchment.
 */
import { ACS_1997, acsGroup } from '../model/vocab/acs-basis.js';
import { ETHNICITY_1997, PAYER, YES_NO } from '../model/categories.js';
import { parseAgeBand } from '../stats/age-band.js';
import type { PatientCount } from './patient-counts.js';

/** One aggregate row from the engine: how many people share these labels in this area and unit. */
export interface PeopleByLabels {
  facet: string;
  unit: string;
  area: string;
  race: string | null;
  ethnicity: string | null;
  payer: string | null;
  limited_english: string | null;
  disability: string | null;
  age_band: string | null;
  people: number;
}

const ACS_KEY = new Map(Object.entries(ACS_1997).map(([k, label]) => [label as string, k]));

const PAYER_GROUP = new Map<string, string>([
  [PAYER.medicaid, 'medicaid'],
  [PAYER.dual, 'medicaid'],
  [PAYER.selfPay, 'uninsured'],
  [PAYER.medicare, 'medicare'],
  [PAYER.commercial, 'commercial'],
  [PAYER.other, 'other'],
]);

const YES_NO_GROUP = new Map<string, string>([
  [YES_NO.yes, 'yes'],
  [YES_NO.no, 'no'],
]);

function ageGroup(label: string | null): string | undefined {
  const r = label === null ? null : parseAgeBand(label);
  if (!r) return undefined;
  if (r.hi <= 17) return '0-17';
  if (r.lo >= 65) return '65+';
  if (r.lo >= 18 && r.hi <= 64) return '18-64';
  return undefined;
}

/** SVI's `uninsured` attribute: yes for uninsured/self-pay, no for any known coverage. */
function uninsured(payer: string | null): string | undefined {
  const g = payer === null ? undefined : PAYER_GROUP.get(payer);
  return g === undefined ? undefined : g === 'uninsured' ? 'yes' : 'no';
}

function raceGroup(race: string | null, ethnicity: string | null): string | undefined {
  if (race === null || ethnicity === null)
    return ethnicity === ETHNICITY_1997.hispanic ? 'hispanic' : undefined;
  return ACS_KEY.get(acsGroup(race, ethnicity));
}

/** The groups one aggregate row's people belong to, one per attribute. */
function groupsOf(r: PeopleByLabels): [attribute: string, group: string | undefined][] {
  return [
    ['patients', 'all'],
    ['race_ethnicity', raceGroup(r.race, r.ethnicity)],
    ['payer', r.payer === null ? undefined : PAYER_GROUP.get(r.payer)],
    ['uninsured', uninsured(r.payer)],
    ['limited_english', r.limited_english === null ? undefined : YES_NO_GROUP.get(r.limited_english)],
    ['disability', r.disability === null ? undefined : YES_NO_GROUP.get(r.disability)],
    ['age', ageGroup(r.age_band)],
  ];
}

export function patientCountsFromLabels(rows: readonly PeopleByLabels[]): PatientCount[] {
  const out = new Map<string, PatientCount>();
  for (const r of rows) {
    if (r.area === '') continue;
    for (const [attribute, group] of groupsOf(r)) {
      if (group === undefined) continue;
      const key = [r.facet, r.unit, r.area, attribute, group].join('\t');
      const c = out.get(key) ?? { facet: r.facet, unit: r.unit, area: r.area, attribute, group, count: 0 };
      c.count += r.people;
      out.set(key, c);
    }
  }
  return [...out.values()];
}
