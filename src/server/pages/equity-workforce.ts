/**
 * "Workforce": representation by level against the patients and the community, hiring, promotion and exit
 * rates, and the pay gap (unadjusted and adjusted, with intervals) for one attribute (GET `attribute=`)
 * and level (GET `level=`). Everyone but staff sees the public edition (groups under the workforce
 * threshold withheld).
 */
import { html, raw } from 'hono/html';
import type { WorkforceFile } from '../equity-schemas.js';
import { shownColumns } from '../equity-tables.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import type { VisibleEquity } from '../routes/equity.js';
import type { EquityResultSummary } from '../../store/index.js';
import { intervalChartSvg, type ChartRow } from './equity-charts.js';
import { dataTable, downloads, editionNote, picker } from './equity-view.js';
import type { Html } from './layout.js';

const charts = new Memo<string>();
const FDR = 0.05;
// The attribute and level are chosen above the tables; the intervals of differences are in the downloads.
const COLUMNS = {
  representation: shownColumns('representation', ['level', 'attribute']),
  rates: shownColumns('rates', ['attribute', 'difference_lower', 'difference_upper']),
  pay_gap: shownColumns('pay_gap', ['attribute', 'unadjusted_lower', 'unadjusted_upper']),
};

interface Section {
  key: string;
  title: string;
  desc: string;
  axis: string;
  zero?: boolean;
  rows: ChartRow[];
}

async function chart(c: Ctx, v: VisibleEquity, sel: string, s: Section): Promise<Html> {
  const lang = c.get('lang');
  if (!s.rows.some((r) => r.value !== null)) return html``;
  const svg = await charts.get(`${v.summary.id}:${v.audience}:${lang}:${sel}:${s.key}`, () =>
    intervalChartSvg({
      id: `workforce-${s.key}`,
      title: s.title,
      desc: s.desc,
      lang,
      axis: s.axis,
      rows: s.rows,
      ...(s.zero ? { zero: true } : {}),
    }),
  );
  return html`<figure class="report">${raw(svg)}</figure>`;
}

export async function workforceView(c: Ctx, list: EquityResultSummary[], v: VisibleEquity): Promise<Html> {
  const lang = c.get('lang');
  const doc = v.document as WorkforceFile;
  const attributes = [...new Set(doc.representation.map((r) => r.attribute))];
  const q = c.req.query();
  const attribute = attributes.includes(q.attribute ?? '') ? q.attribute! : (attributes[0] ?? '');
  const levels = [...new Set(doc.representation.map((r) => r.level))];
  const level = levels.includes(q.level ?? '') ? q.level! : (levels[0] ?? 'all');
  const sel = `${attribute}:${level}`;
  const rep = doc.representation.filter((r) => r.attribute === attribute && r.level === level);
  const rates = doc.rates.filter((r) => r.attribute === attribute);
  const gaps = doc.pay_gap.filter((r) => r.attribute === attribute);
  const repTitle = t(lang, 'workforce.repChart', { attribute, level });
  const rateTitle = t(lang, 'workforce.rateChart', { attribute });
  const gapTitle = t(lang, 'workforce.gapChart', { attribute });
  const choices = [
    {
      name: 'attribute',
      label: t(lang, 'equity.attribute'),
      options: attributes.map((a) => ({ value: a, label: a })),
      chosen: attribute,
    },
    {
      name: 'level',
      label: t(lang, 'workforce.level'),
      options: levels.map((l) => ({ value: l, label: l })),
      chosen: level,
    },
  ];
  return html`${picker(c, '/workforce', list, v.summary.id, choices)}
    ${editionNote(c, v.audience, v.summary.threshold)}
    <h2>${repTitle}</h2>
    <p>${t(lang, 'workforce.repLead')}</p>
    ${await chart(c, v, sel, {
      key: 'rep',
      title: repTitle,
      desc: t(lang, 'workforce.repDesc'),
      axis: t(lang, 'equity.axis.pct'),
      rows: rep.map((r) => ({
        label: r.group,
        value: r.share,
        lower: r.lower,
        upper: r.upper,
        reference: r.community_share ?? r.patients_share,
      })),
    })}
    ${dataTable(c, repTitle, COLUMNS.representation, rep, { lower: 'pct', upper: 'pct' })}
    ${downloads(c, v.summary.id, 'representation')}
    <h2>${rateTitle}</h2>
    ${await chart(c, v, sel, {
      key: 'rates',
      title: rateTitle,
      desc: t(lang, 'workforce.rateDesc'),
      axis: t(lang, 'equity.axis.pct'),
      rows: rates.map((r) => ({
        label: `${t(lang, `workforce.event.${r.event}`)}: ${r.group}`,
        value: r.rate,
        lower: r.lower,
        upper: r.upper,
        flagged: r.q_value !== null && r.q_value < FDR,
      })),
    })}
    ${dataTable(
      c,
      rateTitle,
      COLUMNS.rates,
      rates.map((r) => ({ ...r, event: t(lang, `workforce.event.${r.event}`) })),
      { lower: 'pct', upper: 'pct' },
    )}
    ${downloads(c, v.summary.id, 'rates')}
    <h2>${gapTitle}</h2>
    <p>${t(lang, 'workforce.gapLead')}</p>
    ${await chart(c, v, sel, {
      key: 'gap',
      title: gapTitle,
      desc: t(lang, 'workforce.gapDesc'),
      axis: t(lang, 'equity.axis.gap'),
      zero: true,
      rows: gaps.map((r) => ({
        label: r.group,
        value: r.adjusted,
        lower: r.lower,
        upper: r.upper,
        flagged: r.q_value !== null && r.q_value < FDR,
      })),
    })}
    ${dataTable(c, gapTitle, COLUMNS.pay_gap, gaps, {
      unadjusted: 'gap',
      adjusted: 'gap',
      lower: 'gap',
      upper: 'gap',
    })}
    ${downloads(c, v.summary.id, 'pay_gap')}
    <h2>${t(lang, 'equity.method')}</h2>
    <ul>
      ${Object.values(doc.methods).map((m) => html`<li>${m}</li>`)}
    </ul>`;
}
