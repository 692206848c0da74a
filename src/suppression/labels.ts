/**
 * Labels that are safe to publish (issue #10 item 3).
 *
 * - Identifying attributes — identifiers, names, birth dates, addresses, free text, and any stratifier with
 *   about one person per value (at least {@link MANY} groups, half of them with fewer than 3 units) — are
 *   never stratifiers or facets of a public edition: their strata, intersections and findings are left out,
 *   with a warning naming the config key and the fix.
 * - In area stratifiers (tract, ZIP, block…, or any with more than {@link MANY} groups) the groups hidden
 *   for a small denominator lose their label ("Other area 1", "Other area 2"…): printing a tract's label
 *   says that someone from it is in the denominator.
 */
import type { Warning } from '../errors.js';
import type { ResultsFile, StratumResult } from '../model/index.js';

/** The label of an area group too small to be named: `Other area 1`, `Other area 2`… */
export const OTHER_AREA = 'Other area ';
const MANY = 20;
const IDENTIFYING =
  /^(patient|person|member|subject|encounter|visit|unit)_?id$|^(mrn|ssn|nhs_?number|medical_record(_number)?|social_security(_number)?)$|^(birth_?date|date_?of_?birth|dob|death_?date|date_?of_?death)$|(^|_)(first|last|given|family|full|middle|sur)_?name$|^name$|^(address|street|phone|telephone|email|e_?mail)(_|$)|^(notes?|free_?text|comments?|narrative|description)$/i;
const AREA = /(^|_)(tract|zip|zcta|postal|postcode|post_code|block|census)(_|$)/i;

/** An identifier, name, date, address or free-text attribute, by its name. */
export const isIdentifyingName = (attr: string): boolean => IDENTIFYING.test(attr);

const wholeSystem = (r: ResultsFile, attr: string): StratumResult[] =>
  r.measures.flatMap((m) => m.strata.filter((s) => s.stratifier === attr && !s.facet));

/** About one person per value: many groups, most of them with fewer than 3 units. */
function onePerValue(r: ResultsFile, attr: string): boolean {
  return wholeSystem(r, attr).some((s) => {
    if (s.groups.length < MANY) return false;
    const tiny = s.groups.filter((g) => g.denominator !== null && g.denominator < 3).length;
    return tiny * 2 >= s.groups.length;
  });
}

/** Stratifiers and facets that identify people, with the config key that names them. */
export function identifyingLabels(r: ResultsFile): { attr: string; key: string }[] {
  const strat = new Set(r.measures.flatMap((m) => m.strata.map((s) => s.stratifier)));
  const facets = new Set(r.measures.flatMap((m) => m.strata.flatMap((s) => (s.facet ? [s.facet.name] : []))));
  const out: { attr: string; key: string }[] = [];
  for (const attr of strat) {
    if (IDENTIFYING.test(attr) || onePerValue(r, attr)) out.push({ attr, key: 'analysis.stratifiers' });
  }
  for (const attr of facets) if (IDENTIFYING.test(attr)) out.push({ attr, key: 'analysis.facets' });
  return out;
}

/** Leave identifying stratifiers and facets out of `out` (in place); the warnings that say so. */
export function withholdIdentifying(out: ResultsFile): Warning[] {
  const found = identifyingLabels(out);
  if (!found.length) return [];
  const bad = new Set(found.map((f) => f.attr));
  const touches = (values: Record<string, string>): boolean => Object.keys(values).some((k) => bad.has(k));
  for (const m of out.measures) {
    m.strata = m.strata.filter((s) => !bad.has(s.stratifier) && !(s.facet && bad.has(s.facet.name)));
  }
  out.intersections = out.intersections.filter((ix) => !ix.stratifiers.some((s) => bad.has(s)));
  out.findings = out.findings.filter(
    (f) =>
      !touches(f.values) &&
      !(f.facet && bad.has(f.facet.name)) &&
      !(f.parents ?? []).some((p) => bad.has(p.stratifier)),
  );
  return found.map((f) => ({
    code: 'identifying_label_withheld',
    message: `${f.key}: "${f.attr}" identifies people (an identifier, a name, a date, an address, free text, or about one person per value), so the public edition leaves it out. Remove it from ${f.key} (and from analysis.intersections), or map a coarser attribute (an age band instead of a birth date, a county instead of an address).`,
    key: f.key,
    attribute: f.attr,
  }));
}

const isArea = (r: ResultsFile, attr: string): boolean =>
  AREA.test(attr) || wholeSystem(r, attr).some((s) => s.groups.length > MANY);

/**
 * Replace the labels of small hidden groups (`isSmall`: hidden for a small denominator; the public file
 * itself only says "suppressed") of area stratifiers by "Other area 1", "Other area 2"… (in
 * place, the same pseudonym everywhere in the file, so every additive relation still holds and an audit run
 * again on the file sees the same table); returns how many groups lost their label.
 */
export function foldSmallAreas(
  out: ResultsFile,
  isSmall: (
    measure: string,
    stratum: ResultsFile['measures'][number]['strata'][number],
    group: string,
  ) => boolean,
): number {
  const small = new Map<string, Set<string>>();
  for (const m of out.measures) {
    for (const s of m.strata) {
      if (!isArea(out, s.stratifier)) continue;
      for (const g of s.groups) {
        if (!g.suppressed || !isSmall(m.id, s, g.group) || g.group.startsWith(OTHER_AREA)) continue;
        const set = small.get(s.stratifier) ?? new Set<string>();
        small.set(s.stratifier, set.add(g.group));
      }
    }
  }
  const names = new Map<string, Map<string, string>>();
  for (const [attr, set] of small) {
    names.set(attr, new Map([...set].sort().map((v, i) => [v, `${OTHER_AREA}${i + 1}`])));
  }
  const rename = (attr: string, v: string): string => names.get(attr)?.get(v) ?? v;
  const renameAll = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, rename(k, v)]));
  let folded = 0;
  for (const m of out.measures) {
    for (const s of m.strata) {
      if (!names.has(s.stratifier)) continue;
      for (const g of s.groups) {
        const to = rename(s.stratifier, g.group);
        if (to !== g.group && g.suppressed) folded++;
        g.group = to;
      }
      if (s.reference !== null) s.reference = rename(s.stratifier, s.reference);
      for (const t of s.trend?.groups ?? []) t.group = rename(s.stratifier, t.group);
      if (s.trend?.gap) s.trend.gap.group = rename(s.stratifier, s.trend.gap.group);
    }
  }
  for (const ix of out.intersections) {
    for (const g of ix.groups) {
      const values = renameAll(g.values);
      if (JSON.stringify(values) !== JSON.stringify(g.values))
        g.group = ix.stratifiers.map((s) => values[s] ?? '').join(' × ');
      g.values = values;
      for (const p of g.parents) p.group = rename(p.stratifier, p.group);
    }
  }
  const renameAny = (v: string): string => {
    for (const attr of names.keys()) if (rename(attr, v) !== v) return rename(attr, v);
    return v;
  };
  for (const f of out.findings) {
    f.values = renameAll(f.values);
    f.comparison = f.comparison.split(' × ').map(renameAny).join(' × ');
    for (const p of f.parents ?? []) p.group = rename(p.stratifier, p.group);
  }
  return folded;
}
