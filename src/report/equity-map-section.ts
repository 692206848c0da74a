/**
 * A county map of one measure's rate by area (map-chart.ts), for the "Who we serve" section: the measure of
 * the first key finding (else the first with a county breakdown), its unfaceted county stratum, suppressed
 * areas hatched (public edition), areas that stand out outlined, and the table beside it — all in one
 * closed box. When community.json carries the areas' SVI (an SVI community source), the CDC/ATSDR Social
 * Vulnerability Index is drawn beside it on the same areas, with its own legend and table. The maps are
 * drawn at their own width and scroll sideways in their box on a phone rather than shrinking their text.
 */
import type { ResultsFile } from '../model/results.js';
import type { CommunityFileLike } from './community-section.js';
import { countyShapes } from './county-shapes.js';
import { dataTable, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';
import { mapAreas } from './map-areas.js';
import { countyMapSvg, type MapArea, type MapWords } from './map-chart.js';

function pickMeasure(results: ResultsFile): number {
  const has = (mi: number) =>
    results.measures[mi]?.strata.some((s) => s.stratifier === 'county' && !s.facet) ?? false;
  const first = results.measures.findIndex((m) => m.id === results.findings[0]?.measure);
  return first >= 0 && has(first) ? first : results.measures.findIndex((_, mi) => has(mi));
}

/** The SVI's steps are fixed fifths of its national percentile, so a colour means the same in any report. */
export const SVI_BREAKS = [0.2, 0.4, 0.6, 0.8] as const;

/** The words drawn in the maps, in the report's language. */
export function mapWords(loc: Locale): MapWords {
  return {
    suppressed: loc.t('eq.map.suppressed'),
    noData: loc.t('noData'),
    standsOut: loc.t('eq.map.standsOut'),
    suppressedKey: loc.t('eq.map.suppressedKey'),
  };
}

const countyName = (fips: string): string => {
  const name = countyShapes().counties.get(fips)?.properties.name;
  return name ? `${name} (${fips})` : fips;
};

const box = (label: string, svg: string): string =>
  `<div class="scroll" tabindex="0" role="group" aria-label="${esc(label)}"><div style="min-width:560px;max-width:640px">${svg}</div></div>`;

/** The measure's map and its table; null when the results have no county breakdown to draw. */
function measureMap(
  loc: Locale,
  results: ResultsFile,
): { html: string; areas: MapArea[]; measure: string } | null {
  const mi = pickMeasure(results);
  const m = results.measures[mi];
  const si = m ? m.strata.findIndex((s) => s.stratifier === 'county' && !s.facet) : -1;
  const stratum = m?.strata[si];
  const areas = m ? mapAreas(results, m.id) : null;
  if (!m || !stratum || !areas || !areas.length) return null;
  const title = plain(loc.t('eq.map.title', { measure: m.title }));
  const svg = countyMapSvg(areas, { title, format: (v) => loc.format(v, 'pct'), words: mapWords(loc) });
  const rows = stratum.groups.map((g, gi) => {
    const base = `measures.${mi}.strata.${si}.groups.${gi}`;
    const rate = g.suppressed
      ? `<span class="nodata">${esc(loc.t('eq.map.suppressed'))}</span>`
      : num(loc, g.rate, `${base}.rate`, 'pct');
    return [esc(countyName(g.group)), rate, areas[gi]?.flagged ? esc(loc.t('eq.map.standsOut')) : ''];
  });
  const t = (k: string): string => esc(loc.t(k));
  const head = [t('eq.map.county'), t('eq.map.rate'), t('eq.map.note')];
  const table = dataTable(loc, esc(title), head, rows, 'equity');
  const html = `${box(title, svg)}<p><small>${t('eq.map.caption')}</small></p>${table}`;
  return { html, areas, measure: m.title };
}

/** The SVI of the same areas (else of the catchment's), with its own legend and table; '' without SVI. */
export function sviMap(
  loc: Locale,
  community: CommunityFileLike | undefined,
  ids: readonly string[],
): string {
  const known = community?.areas?.filter((a) => a.svi !== null) ?? [];
  if (!community?.areas || !known.length) return '';
  const index = new Map(community.areas.map((a, i) => [a.area, i]));
  const list = ids.length ? ids : community.areas.map((a) => a.area);
  const areas: MapArea[] = list.map((fips) => ({
    fips,
    value: community.areas?.[index.get(fips) ?? -1]?.svi ?? null,
    suppressed: false,
    flagged: false,
  }));
  const title = plain(loc.t('eq.map.sviTitle'));
  const svg = countyMapSvg(areas, {
    title,
    format: (v) => loc.format(v, 'ratio'),
    words: mapWords(loc),
    id: 'svi-map',
    keys: false,
    breaks: SVI_BREAKS,
    // Its counties only: the measure's map beside it draws the state's counties for context.
    context: false,
  });
  const rows = list.map((fips) => {
    const i = index.get(fips);
    const svi = i === undefined ? null : (community.areas?.[i]?.svi ?? null);
    return [esc(countyName(fips)), num(loc, svi, `community.areas.${i ?? ''}.svi`, 'ratio')];
  });
  const head = [esc(loc.t('eq.map.county')), esc(loc.t('eq.map.svi'))];
  const table = dataTable(loc, esc(title), head, rows, 'equity');
  return `${box(title, svg)}<p><small>${esc(loc.t('eq.map.sviCaption'))}</small></p>${table}`;
}

export function equityMapBlock(loc: Locale, results: ResultsFile, community?: CommunityFileLike): string {
  const measure = measureMap(loc, results);
  const svi = sviMap(loc, community, measure?.areas.map((a) => a.fips) ?? []);
  if (!measure && !svi) return '';
  const summary = measure
    ? loc.t(svi ? 'eq.map.showSvi' : 'eq.map.show', { measure: measure.measure })
    : loc.t('eq.map.showSviOnly');
  return `<details class="data equity-map"><summary>${esc(summary)}</summary>${measure?.html ?? ''}${svi}</details>`;
}
