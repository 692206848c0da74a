/**
 * "Who we serve" (issue #16): from community.json (`equilens community --out`). The catchment (its areas and
 * the share of patients living there) and the inclusivity score in the lead; the patients' mix against the
 * community's, with the difference and its interval, in a table one click away; the same per department,
 * site and clinician group, with each unit's inclusivity score, in a second one. Compact on purpose: the
 * tables sit in closed boxes. Numbers are marked with their path in the file (`community.…`).
 */
import { countyShapes } from './county-shapes.js';
import { dataTable, interval, num } from './html.js';
import { esc, type Locale } from './i18n.js';

export interface ComparisonRowLike {
  facet?: string | undefined;
  unit?: string | undefined;
  attribute: string;
  group: string;
  patients?: number | null;
  patients_total?: number | null;
  patients_share: number | null;
  community_share: number | null;
  difference: number | null;
  lower: number | null;
  upper: number | null;
  suppressed?: boolean;
}

export interface InclusivityLike {
  facet?: string | undefined;
  unit?: string | undefined;
  attribute: string;
  index: number | null;
  lower: number | null;
  upper: number | null;
  suppressed?: boolean;
}

/** A catchment area's SVI overall percentile rank (0–1), when the community source was an SVI file. */
export interface CommunityAreaLike {
  area: string;
  name?: string | null;
  svi: number | null;
}

export interface CommunityFileLike {
  catchment: { areas: string[]; share: number };
  comparison: ComparisonRowLike[];
  inclusivity: InclusivityLike[];
  areas?: CommunityAreaLike[] | undefined;
}

/** "withheld" for a suppressed figure, else the number (or "no data"). */
export function shown(
  loc: Locale,
  suppressed: boolean | undefined,
  value: number | null | undefined,
  field: string,
  kind: Parameters<typeof num>[3],
): string {
  return suppressed && (value === null || value === undefined)
    ? `<span class="nodata">${esc(loc.t('eq.withheld'))}</span>`
    : num(loc, value, field, kind);
}

/** A difference with its interval, "d (l to u)", or "withheld". */
export function withInterval(
  loc: Locale,
  r: { difference: number | null; lower: number | null; upper: number | null; suppressed?: boolean },
  base: string,
): string {
  const d = shown(loc, r.suppressed, r.difference, `${base}.difference`, 'pp');
  const ci = interval(loc, r.lower, r.upper, base, 'pp');
  return ci ? `${d} (${ci})` : d;
}

const areaName = (fips: string): string => {
  const name = countyShapes().counties.get(fips)?.properties.name;
  return name ? `${name} (${fips})` : fips;
};

/** An attribute's or facet's name (`eq.name.<id>` in the catalogue), else the id as a label. */
export function name(loc: Locale, id: string): string {
  const key = `eq.name.${id}`;
  const text = loc.t(key);
  return text === key ? loc.label(id) : esc(text);
}

/** "Unit (facet)" for a row split by department, site or clinician group. */
export const unitName = (loc: Locale, r: { facet?: string | undefined; unit?: string | undefined }): string =>
  `${loc.label(r.unit ?? '')} <small>(${name(loc, r.facet ?? '')})</small>`;

function comparisonRows(loc: Locale, file: CommunityFileLike, split: boolean): string[][] {
  return file.comparison.flatMap((r, i) => {
    if (Boolean(r.facet) !== split) return [];
    const base = `community.comparison.${i}`;
    const group = `${name(loc, r.attribute)}: ${loc.label(r.group)}`;
    return [
      [
        ...(split ? [unitName(loc, r)] : []),
        group,
        shown(loc, r.suppressed, r.patients_share, `${base}.patients_share`, 'pct'),
        num(loc, r.community_share, `${base}.community_share`, 'pct'),
        withInterval(loc, r, base),
      ],
    ];
  });
}

function inclusivityRows(loc: Locale, file: CommunityFileLike): string[][] {
  return file.inclusivity.map((x, i) => {
    const base = `community.inclusivity.${i}`;
    const ci = interval(loc, x.lower, x.upper, base, 'ratio');
    const ix = shown(loc, x.suppressed, x.index, `${base}.index`, 'ratio');
    return [
      x.facet ? unitName(loc, x) : esc(loc.t('eq.community.everyone')),
      name(loc, x.attribute),
      ci ? `${ix} (${ci})` : ix,
    ];
  });
}

/** The lead: the catchment, and the system's inclusivity score for each attribute. */
function lead(loc: Locale, file: CommunityFileLike): string {
  const areas = file.catchment.areas;
  const catchment = loc.tn('eq.community.catchment', areas.length, {
    n: num(loc, areas.length, 'community.catchment.areas.length', 'int'),
    share: num(loc, file.catchment.share, 'community.catchment.share', 'pct'),
  });
  const scores = file.inclusivity
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => !x.facet && x.index !== null)
    .map(({ x, i }) =>
      loc.t('eq.community.score', {
        attribute: name(loc, x.attribute),
        index: num(loc, x.index, `community.inclusivity.${i}.index`, 'ratio'),
        interval: interval(loc, x.lower, x.upper, `community.inclusivity.${i}`, 'ratio'),
      }),
    );
  const list = areas.map((a) => esc(areaName(a))).join(', ');
  return `<p>${catchment} ${scores.join(' ')}</p><details class="data"><summary>${esc(loc.t('eq.community.areas'))}</summary><p>${list}</p></details>`;
}

/** `extra`: more boxes for the row of tables (the county map). */
export function communitySection(loc: Locale, file: CommunityFileLike, extra = ''): string {
  const t = (k: string): string => esc(loc.t(k));
  const head = [t('eq.group'), t('eq.patientsShare'), t('eq.communityShare'), t('eq.difference')];
  const system = comparisonRows(loc, file, false);
  const split = comparisonRows(loc, file, true);
  const [text, areas] = lead(loc, file).split(/(?=<details)/);
  const tables = [
    areas,
    system.length
      ? dataTable(loc, t('eq.community.table'), head, system, 'equity', t('eq.community.show'), {
          base: 'community.comparison',
        })
      : '',
    split.length
      ? dataTable(
          loc,
          t('eq.community.units'),
          [t('eq.unit'), ...head],
          split,
          'equity',
          t('eq.community.showUnits'),
          {
            base: 'community.comparison',
          },
        )
      : '',
    file.inclusivity.length
      ? dataTable(
          loc,
          t('eq.community.inclusivity'),
          [t('eq.unit'), t('eq.attribute'), t('eq.community.index')],
          inclusivityRows(loc, file),
          'equity',
          t('eq.community.showInclusivity'),
          { base: 'community.inclusivity' },
        )
      : '',
    extra,
  ].join('');
  return `<section id="community" class="equity"><h2>${t('eq.community.title')}</h2>${text}<div class="tables">${tables}</div></section>`;
}
