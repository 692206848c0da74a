/**
 * "Payer mix": the system's share of Medicaid and uninsured patients against the community's (the AMA
 * toolkit's measure), and each unit of one kind (GET `facet=`) against its peers: its share with the
 * funnel's control limits for its size and the expected (pooled) share, units flagged low or high after
 * false-discovery control — the report's funnel plot (src/report/funnel-chart.ts) and the table, with
 * downloads.
 */
import { html, raw } from 'hono/html';
import type { PayerMixFile } from '../equity-schemas.js';
import { shownColumns } from '../equity-tables.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import type { VisibleEquity } from '../routes/equity.js';
import type { EquityResultSummary } from '../../store/index.js';
import { funnelChartSvg } from '../../report/funnel-chart.js';
import { dataTable, downloads, editionNote, fmt, picker } from './equity-view.js';
import type { Html } from './layout.js';

const charts = new Memo<string>();
// The facet is chosen above the table; the numerator is in the download.
const UNITS = shownColumns('units', ['facet', 'count']);

function systemFigure(c: Ctx, doc: PayerMixFile): Html {
  const lang = c.get('lang');
  const s = doc.system;
  const withheld = t(lang, 'equity.withheld');
  const show = (v: number | null, f: 'pct' | 'pp') =>
    v === null && s.suppressed ? withheld : fmt(lang, f === 'pp' && v !== null ? v * 100 : v, f);
  return html`<dl class="figure">
    <dt>${t(lang, 'payer.patients')}</dt>
    <dd>${show(s.patients_share, 'pct')}</dd>
    <dt>${t(lang, 'payer.community', { groups: s.community_groups.join(' + ') || '—' })}</dt>
    <dd>${show(s.community_share, 'pct')}</dd>
    <dt>${t(lang, 'payer.difference')}</dt>
    <dd>
      ${show(s.difference, 'pp')}
      ${
        s.lower !== null && s.upper !== null
          ? t(lang, 'equity.interval', {
              lower: fmt(lang, s.lower * 100, 'pp'),
              upper: fmt(lang, s.upper * 100, 'pp'),
            })
          : ''
      }
    </dd>
  </dl>`;
}

export async function payerView(c: Ctx, list: EquityResultSummary[], v: VisibleEquity): Promise<Html> {
  const lang = c.get('lang');
  const doc = v.document as PayerMixFile;
  const facets = [...new Set(doc.units.map((u) => u.facet))].sort();
  const facet = facets.includes(c.req.query('facet') ?? '') ? c.req.query('facet')! : facets[0];
  const units = doc.units.filter((u) => u.facet === facet);
  const flagged = units
    .filter((u) => u.flag !== null)
    .map((u) => `${u.unit} (${t(lang, `equity.flag.${u.flag}`)})`);
  const title = t(lang, 'payer.chart', { facet: facet ? t(lang, `org.kind.${facet}`) : '' });
  const target = units.find((u) => u.expected !== null)?.expected ?? null;
  const svg =
    target === null
      ? ''
      : await charts.get(`${v.summary.id}:${v.audience}:${lang}:${facet}:${units.length}`, () =>
          funnelChartSvg(
            units,
            target,
            {
              title,
              desc: t(lang, 'payer.chartDesc', {
                flagged: flagged.join(', ') || t(lang, 'payer.noneFlagged'),
              }),
              x: t(lang, 'payer.size'),
              y: t(lang, 'payer.share'),
              within: t(lang, 'payer.within'),
              low: t(lang, 'equity.flag.low'),
              high: t(lang, 'equity.flag.high'),
            },
            { id: 'payer-funnel', lang },
          ),
        );
  const choices = [
    {
      name: 'facet',
      label: t(lang, 'equity.facet'),
      options: facets.map((f) => ({ value: f, label: t(lang, `org.kind.${f}`) })),
      chosen: facet ?? '',
    },
  ];
  return html`${picker(c, '/payer-mix', list, v.summary.id, choices)}
    ${editionNote(c, v.audience, v.summary.threshold)}
    <h2>${t(lang, 'payer.system')}</h2>
    <p>${t(lang, 'payer.lead')}</p>
    ${systemFigure(c, doc)} ${downloads(c, v.summary.id, 'system')}
    <h2>${title}</h2>
    <p>
      ${flagged.length ? t(lang, 'payer.flagged', { units: flagged.join(', ') }) : t(lang, 'payer.noneFlagged')}
    </p>
    ${svg ? html`<figure class="report">${raw(svg)}</figure>` : ''} ${dataTable(c, title, UNITS, units)}
    ${downloads(c, v.summary.id, 'units')}
    <h2>${t(lang, 'equity.method')}</h2>
    <p>${doc.method}</p>`;
}
