/**
 * The county map (issue #16 item 3, in the workspace): a measure's rate by county from an analysis with a
 * county breakdown, drawn by the report's map (src/report/map-chart.ts) with its table beside it and the
 * dashboard's CSV/JSON download of the same slice. The analysis is read as the viewer may see it (small
 * areas suppressed for everyone but staff), so suppressed counties are hatched and have no value.
 */
import { html, raw } from 'hono/html';
import { countyMapSvg } from '../../report/map-chart.js';
import { mapAreas } from '../../report/map-areas.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import { dataTable, fmt, picker, type Choice } from '../pages/equity-view.js';
import { page } from '../pages/layout.js';
import { can } from '../permissions.js';
import { scopeKey, scopeOf } from '../scope.js';
import { analysesList, loadVisible } from './analyses.js';

const maps = new Memo<string>();

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
    countyMapSvg(areas, { title, format: (v) => fmt(lang, v, 'pct') }),
  );
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
        </p>`,
    ),
  );
}
