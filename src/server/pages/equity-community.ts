/**
 * "Who we serve": the patients' mix against the community's in the catchment, for the whole system or one
 * department, site or clinician group (GET `unit=facet:unit`) and one attribute (GET `attribute=`): the
 * difference in percentage points with its interval, the table beside it, and the inclusivity index.
 */
import { html, raw } from 'hono/html';
import type { CommunityFile } from '../equity-schemas.js';
import { shownColumns } from '../equity-tables.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import type { VisibleEquity } from '../routes/equity.js';
import type { EquityResultSummary } from '../../store/index.js';
import { intervalChartSvg } from './equity-charts.js';
import { dataTable, downloads, editionNote, fmt, picker } from './equity-view.js';
import type { Html } from './layout.js';

const charts = new Memo<string>();
// The unit and attribute are chosen above the table; the counts are in the download.
const COMPARISON = shownColumns('comparison', ['facet', 'unit', 'attribute', 'patients', 'patients_total']);
const INCLUSIVITY = shownColumns('inclusivity', ['facet', 'unit']);
const unitOf = (r: { facet?: string | undefined; unit?: string | undefined }) =>
  r.facet ? `${r.facet}:${r.unit ?? ''}` : '';

export async function communityView(c: Ctx, list: EquityResultSummary[], v: VisibleEquity): Promise<Html> {
  const lang = c.get('lang');
  const doc = v.document as CommunityFile;
  const units = [...new Set(doc.comparison.map(unitOf))].filter(Boolean).sort();
  const unit = units.includes(c.req.query('unit') ?? '') ? c.req.query('unit')! : '';
  const here = doc.comparison.filter((r) => unitOf(r) === unit);
  const attributes = [...new Set(here.map((r) => r.attribute))];
  const attribute = attributes.includes(c.req.query('attribute') ?? '')
    ? c.req.query('attribute')!
    : attributes[0];
  const rows = here.filter((r) => r.attribute === attribute);
  const unitLabel = unit ? unit.replace(':', ': ') : t(lang, 'equity.system');
  const title = t(lang, 'community.chart', { attribute: attribute ?? '', unit: unitLabel });
  const svg = await charts.get(
    `${v.summary.id}:${v.audience}:${lang}:${unit}:${attribute}:${rows.length}`,
    () =>
      intervalChartSvg({
        id: 'community-chart',
        title,
        desc: t(lang, 'community.chartDesc'),
        lang,
        zero: true,
        axis: t(lang, 'equity.axis.pp'),
        rows: rows.map((r) => ({
          label: r.group,
          value: r.difference,
          lower: r.lower,
          upper: r.upper,
        })),
      }),
  );
  const inclusivity = doc.inclusivity.filter((x) => unitOf(x) === unit);
  const choices = [
    {
      name: 'unit',
      label: t(lang, 'equity.unit'),
      options: [
        { value: '', label: t(lang, 'equity.system') },
        ...units.map((u) => ({ value: u, label: u.replace(':', ': ') })),
      ],
      chosen: unit,
    },
    {
      name: 'attribute',
      label: t(lang, 'equity.attribute'),
      options: attributes.map((a) => ({ value: a, label: a })),
      chosen: attribute ?? '',
    },
  ];
  return html`${picker(c, '/community', list, v.summary.id, choices)}
    ${editionNote(c, v.audience, v.summary.threshold)}
    <p>
      ${t(lang, 'community.catchment', {
        areas: String(doc.catchment.areas.length),
        share: fmt(lang, doc.catchment.share, 'pct'),
      })}
    </p>
    <p>${t(lang, 'community.lead')}</p>
    <h2>${title}</h2>
    <figure class="report">${raw(svg)}</figure>
    ${dataTable(c, title, COMPARISON, rows)} ${downloads(c, v.summary.id, 'comparison')}
    <h2>${t(lang, 'community.inclusivity')}</h2>
    <p>${t(lang, 'community.inclusivityLead')}</p>
    ${dataTable(c, t(lang, 'community.inclusivity'), INCLUSIVITY, inclusivity, { index: 'num', lower: 'num', upper: 'num' })}
    ${downloads(c, v.summary.id, 'inclusivity')}`;
}
