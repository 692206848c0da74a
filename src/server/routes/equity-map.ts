/**
 * The county map (issue #16 item 3, in the workspace): a measure's rate by county from an analysis with a
 * county breakdown, drawn by the report's map (src/report/map-chart.ts) with its table beside it and the
 * dashboard's CSV/JSON download of the same slice. The analysis is read as the viewer may see it (small
 * areas suppressed for everyone but staff), so suppressed counties are hatched and have no value. Beside
 * it, when the newest community result carries the areas' SVI (an SVI community source), the CDC/ATSDR
 * Social Vulnerability Index of the same counties, with its own table and download. The maps' words (legend,
 * area titles) are in the page's language.
 */
import { html, raw } from 'hono/html';
import { countyMapSvg, type MapArea, type MapWords } from '../../report/map-chart.js';
import { SVI_BREAKS } from '../../report/equity-map-section.js';
import { mapAreas } from '../../report/map-areas.js';
import { listEquityResults } from '../../store/index.js';
import type { CommunityFile } from '../equity-schemas.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import { dataTable, downloads, fmt, picker, type Choice } from '../pages/equity-view.js';
import { page, type Html } from '../pages/layout.js';
import { can } from '../permissions.js';
import { scopeKey, scopeOf } from '../scope.js';
import { analysesList, loadVisible } from './analyses.js';
import { loadVisibleEquity } from './equity.js';

const maps = new Memo<string>();

const words = (lang: 'en' | 'es'): MapWords => ({
  suppressed: t(lang, 'map.suppressed'),
  noData: t(lang, 'map.noData'),
  standsOut: t(lang, 'map.standsOut'),
  suppressedKey: t(lang, 'map.suppressedKey'),
});

/**
 * The SVI map of the same counties from the newest community result (as the viewer may see it), its table
 * and its download; nothing when the viewer may not see equity results or no result carries SVI.
 */
async function sviBlock(c: Ctx, areas: readonly MapArea[]): Promise<Html | ''> {
  if (!can(c.get('viewer'), 'equity.view')) return '';
  const newest = (await listEquityResults(c.get('store').db, 'community'))[0];
  if (!newest) return '';
  const v = await loadVisibleEquity(c, newest.id);
  const svi = new Map(((v.document as CommunityFile).areas ?? []).map((a) => [a.area, a.svi]));
  if (![...svi.values()].some((x) => x !== null)) return '';
  const lang = c.get('lang');
  const shown: MapArea[] = areas.map((a) => ({
    fips: a.fips,
    value: svi.get(a.fips) ?? null,
    suppressed: false,
    flagged: false,
  }));
  const title = t(lang, 'map.sviTitle');
  const key = `svi:${newest.id}:${lang}:${shown.map((a) => a.fips).join(',')}`;
  const svg = await maps.get(key, async () =>
    countyMapSvg(shown, {
      title,
      format: (x) => fmt(lang, x, 'num'),
      words: words(lang),
      id: 'svi-map',
      breaks: SVI_BREAKS,
      // Its counties only: the measure's map beside it draws the state's counties for context.
      context: false,
      keys: false,
    }),
  );
  const rows = shown.map((a) => ({ area: a.fips, svi: a.value }));
  return html`<h2>${title}</h2>
    <p>${t(lang, 'map.sviLead', { title: newest.title })}</p>
    <figure class="report">${raw(svg)}</figure>
    ${dataTable(c, title, ['area', 'svi'], rows, { svi: 'num' })} ${downloads(c, newest.id, 'areas')}`;
}

export async function mapPage(c: Ctx) {
  const lang = c.get('lang');
  const analyses = await analysesList(c);
  const id = c.req.query('analysis') || analyses[0]?.id;
  if (!id) return c.html(page(c, t(lang, 'nav.map'), html`<p>${t(lang, 'dashboard.none')}</p>`));
  const { results } = await loadVisible(c, id);
  const mapped = results.measures.filter((m) => mapAreas(results, m.id) !== null);
  const measure = mapped.find((m) => m.id === c.req.query('measure')) ?? mapped[0];
  const choices: Choice[] = [
    {
      name: 'measure',
      label: t(lang, 'dashboard.measure'),
      options: mapped.map((m) => ({ value: m.id, label: m.title })),
      chosen: measure?.id ?? '',
    },
  ];
  const list = analyses.map((a) => ({
    ...a,
    kind: 'analysis',
    threshold: 0,
    analysis_id: null,
    has_internal: true,
  }));
  const form = picker(c, '/map', list, id, choices, 'analysis');
  if (!measure)
    return c.html(
      page(
        c,
        t(lang, 'nav.map'),
        html`${form}
          <p>${t(lang, 'map.none')}</p>`,
      ),
    );
  const areas = mapAreas(results, measure.id)!;
  const title = t(lang, 'map.title', { measure: measure.title });
  const staff = can(c.get('viewer'), 'analysis.view_unsuppressed');
  const key = `${id}:${staff}:${scopeKey(await scopeOf(c))}:${lang}:${measure.id}`;
  const svg = await maps.get(key, async () =>
    countyMapSvg(areas, { title, format: (v) => fmt(lang, v, 'pct'), words: words(lang) }),
  );
  const svi = await sviBlock(c, areas);
  const rows = areas.map((a) => ({
    area: a.label ?? a.fips,
    rate: a.value,
    flag: a.flagged ? 'stands_out' : null,
    suppressed: a.suppressed,
  }));
  const qs = `measure=${encodeURIComponent(measure.id)}&stratifier=county`;
  const base = `/api/v1/analyses/${encodeURIComponent(id)}/groups`;
  return c.html(
    page(
      c,
      t(lang, 'nav.map'),
      html`${form} ${staff ? '' : html`<p class="note">${t(lang, 'dashboard.suppressed')}</p>`}
        <p>${t(lang, 'map.lead')}</p>
        <h2>${title}</h2>
        <figure class="report">${raw(svg)}</figure>
        ${dataTable(c, title, ['area', 'rate', 'flag', 'suppressed'], rows)}
        <p>
          ${t(lang, 'dashboard.download')}: <a href="${base}.csv?${qs}" download>CSV</a> ·
          <a href="${base}.json?${qs}" download>JSON</a>
        </p>
        ${svi}`,
    ),
  );
}
