/**
 * The model audit in the report (issue #15): rendered from audit.json (`equilens audit-model --out`).
 * The guidance first (which metrics matter for which use, and the label-as-proxy question), then per
 * stratifier the calibration and discrimination table, a reliability chart (Vega-Lite → SVG, with its data
 * table beside it), and the error rates at each threshold with their differences from the reference.
 * Withheld (suppressed) cells show as "withheld"; undefined rates as "—" with the reason in a title.
 * English only for now (the section's words are not yet in the i18n catalogues).
 */
import type { TopLevelSpec } from 'vega-lite';
import { esc } from './i18n.js';
import { baseConfig, CHART_WIDTH, PALETTE, renderSvg } from './render-svg.js';

type Value = string | number | boolean | null | Record<string, string> | undefined;
type AuditRowLike = Record<string, Value>;

export interface AuditFileLike {
  groups: AuditRowLike[];
  calibration: AuditRowLike[];
  reliability?: {
    stratifier: string;
    group: string;
    bin: number;
    n: number;
    mean_predicted: number;
    observed: number;
  }[];
  method?: Record<string, string>;
  guidance?: Record<string, string>;
}

const fmt = (row: AuditRowLike, key: string, digits = 3): string => {
  const v = row[key];
  if (typeof v === 'number') return v.toFixed(digits);
  if (row.suppressed) return '<span class="withheld">withheld</span>';
  const reason = (row.null_reasons as Record<string, string> | undefined)?.[key];
  return reason ? `<span title="${esc(reason)}">—</span>` : '—';
};

const withCi = (row: AuditRowLike, key: string, lower = `${key}_lower`, upper = `${key}_upper`): string =>
  typeof row[key] === 'number' && typeof row[lower] === 'number'
    ? `${fmt(row, key)} <small>(${fmt(row, lower)}–${fmt(row, upper)})</small>`
    : fmt(row, key);

function table(head: string[], rows: string[][], caption: string): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="audit"><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A direction for the O/E value, in words, so the table is read the same way by everyone. */
export function calibrationWord(oe: unknown): string {
  if (typeof oe !== 'number') return '';
  if (oe > 1.1) return 'under-predicts';
  if (oe < 0.9) return 'over-predicts';
  return 'about right';
}

async function reliabilityChart(audit: AuditFileLike, stratifier: string, id: string): Promise<string> {
  const data = (audit.reliability ?? []).filter((b) => b.stratifier === stratifier);
  if (!data.length) return '';
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_WIDTH,
    height: CHART_WIDTH * 0.75,
    config: baseConfig('en'),
    layer: [
      {
        data: {
          values: [
            { p: 0, o: 0 },
            { p: 1, o: 1 },
          ],
        },
        mark: { type: 'line', color: PALETTE.muted, strokeDash: [4, 4] },
        encoding: {
          x: { field: 'p', type: 'quantitative' },
          y: { field: 'o', type: 'quantitative' },
        },
      },
      {
        data: { values: data },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'mean_predicted',
            type: 'quantitative',
            title: 'Mean predicted risk (bin)',
            scale: { domain: [0, 1] },
          },
          y: { field: 'observed', type: 'quantitative', title: 'Observed rate', scale: { domain: [0, 1] } },
          color: { field: 'group', type: 'nominal', title: null },
          shape: { field: 'group', type: 'nominal', title: null },
        },
      },
    ],
  };
  const groups = [...new Set(data.map((d) => d.group))];
  const svg = await renderSvg(spec, {
    id,
    title: `Reliability by ${stratifier}`,
    desc: `Observed rate against mean predicted risk in each score bin for ${groups.join(', ')}; points above the dashed diagonal mean the score under-predicts for that group, below it over-predicts.`,
  });
  return `<figure class="chart">${svg}<figcaption>Reliability by ${esc(stratifier)}: above the diagonal the score under-predicts, below it over-predicts.</figcaption></figure>`;
}

export async function auditSection(audit: AuditFileLike): Promise<string> {
  const g = audit.guidance ?? {};
  const guidance = ['flag_rule', 'assistive', 'punitive', 'label_question', 'statuses']
    .filter((k) => g[k])
    .map((k) => `<p>${esc(g[k]!)}</p>`)
    .join('');
  const stratifiers = [...new Set(audit.calibration.map((r) => String(r.stratifier)))];
  const parts: string[] = [];
  for (const [si, s] of stratifiers.entries()) {
    const cal = audit.calibration.filter((r) => r.stratifier === s);
    const calTable = table(
      [
        'Group',
        'n',
        'Observed / expected',
        'Calibration intercept',
        'Calibration slope',
        'Brier',
        'ECE',
        'AUC (95% CI)',
        'AUC vs reference (q)',
      ],
      cal.map((r) => [
        esc(String(r.group)),
        fmt(r, 'n', 0),
        `${fmt(r, 'observed_expected')} <small>${calibrationWord(r.observed_expected)}</small>`,
        fmt(r, 'calibration_intercept'),
        fmt(r, 'calibration_slope'),
        fmt(r, 'brier'),
        fmt(r, 'ece'),
        withCi(r, 'auc'),
        typeof r.auc_difference === 'number'
          ? `${fmt(r, 'auc_difference')} <small>(q ${fmt(r, 'auc_q_value')})</small>`
          : fmt(r, 'auc_difference'),
      ]),
      `Calibration and discrimination by ${s}`,
    );
    const rates = audit.groups.filter((r) => r.stratifier === s);
    const rateTable = rates.length
      ? table(
          [
            'Group',
            'Threshold',
            'n',
            'Selection rate',
            'FNR (95% CI)',
            'FNR − ref (q)',
            'FPR (95% CI)',
            'FPR − ref (q)',
            'FOR',
            'FDR',
          ],
          rates.map((r) => [
            esc(String(r.group)),
            fmt(r, 'threshold'),
            fmt(r, 'n', 0),
            fmt(r, 'selection_rate'),
            withCi(r, 'fnr'),
            typeof r.fnr_difference === 'number'
              ? `${fmt(r, 'fnr_difference')} <small>(q ${fmt(r, 'fnr_q_value')})</small>`
              : fmt(r, 'fnr_difference'),
            withCi(r, 'fpr'),
            typeof r.fpr_difference === 'number'
              ? `${fmt(r, 'fpr_difference')} <small>(q ${fmt(r, 'fpr_q_value')})</small>`
              : fmt(r, 'fpr_difference'),
            withCi(r, 'for'),
            withCi(r, 'fdr'),
          ]),
          `Error rates by ${s}`,
        )
      : '';
    const chart = s === 'overall' ? '' : await reliabilityChart(audit, s, `audit-rel-${si}`);
    parts.push(
      `<section class="audit-stratum"><h3>${esc(s === 'overall' ? 'Everyone' : s)}</h3>${calTable}${chart}${rateTable}</section>`,
    );
  }
  const method = audit.method
    ? `<details><summary>Methods</summary><dl>${Object.entries(audit.method)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
        .join('')}</dl></details>`
    : '';
  return `<section id="model-audit"><h2>Model audit</h2>${guidance}${parts.join('\n')}${method}</section>`;
}
