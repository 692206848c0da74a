/**
 * A county map of one measure's rate by area (map-chart.ts), for the "Who we serve" section: the measure of
 * the first key finding (else the first with a county breakdown), its unfaceted county stratum, suppressed
 * areas hatched (public edition), areas that stand out outlined, and the table beside it — all in one
 * closed box. The map is drawn at its own width and scrolls sideways in its box on a phone rather than
 * shrinking its text.
 */
import type { ResultsFile } from '../model/results.js';
import { countyShapes } from './county-shapes.js';
import { dataTable, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';
import { mapAreas } from './map-areas.js';
import { countyMapSvg } from './map-chart.js';

function pickMeasure(results: ResultsFile): number {
  const has = (mi: number) =>
    results.measures[mi]?.strata.some((s) => s.stratifier === 'county' && !s.facet) ?? false;
  const first = results.measures.findIndex((m) => m.id === results.findings[0]?.measure);
  return first >= 0 && has(first) ? first : results.measures.findIndex((_, mi) => has(mi));
}

export function equityMapBlock(loc: Locale, results: ResultsFile): string {
  const mi = pickMeasure(results);
  if (mi < 0) return '';
  const m = results.measures[mi]!;
  const areas = mapAreas(results, m.id);
  const si = m.strata.findIndex((s) => s.stratifier === 'county' && !s.facet);
  if (!areas || !areas.length) return '';
  const title = plain(loc.t('eq.map.title', { measure: m.title }));
  const svg = countyMapSvg(areas, { title, format: (v) => loc.format(v, 'pct') });
  const { counties } = countyShapes();
  const rows = m.strata[si]!.groups.map((g, gi) => {
    const name = counties.get(g.group)?.properties.name;
    const base = `measures.${mi}.strata.${si}.groups.${gi}`;
    const rate = g.suppressed
      ? `<span class="nodata">${esc(loc.t('eq.map.suppressed'))}</span>`
      : num(loc, g.rate, `${base}.rate`, 'pct');
    return [
      esc(name ? `${name} (${g.group})` : g.group),
      rate,
      areas[gi]?.flagged ? esc(loc.t('eq.map.standsOut')) : '',
    ];
  });
  const t = (k: string): string => esc(loc.t(k));
  const table = dataTable(
    loc,
    esc(title),
    [t('eq.map.county'), t('eq.map.rate'), t('eq.map.note')],
    rows,
    'equity',
  );
  return `<details class="data equity-map"><summary>${esc(loc.t('eq.map.show', { measure: m.title }))}</summary><div class="scroll" tabindex="0" role="group" aria-label="${esc(title)}"><div style="min-width:560px;max-width:640px">${svg}</div></div><p><small>${t('eq.map.caption')}</small></p>${table}</details>`;
}
