/**
 * "Workforce" (issue #16): from workforce.json, or in a public report workforce.public.json only (see
 * src/workforce/suppress.ts). The adjusted pay gaps that stand out in the lead; representation by level against
 * the patients and the community, hiring, promotion and exit rates with their gaps, and the pay gap
 * unadjusted and adjusted with intervals, each in a table one click away. Numbers are marked with their
 * path in the file (`workforce.…`).
 */
import { shown } from './community-section.js';
import { dataTable, interval, num } from './html.js';
import { esc, type Locale } from './i18n.js';

type N = number | null;

export interface RepresentationLike {
  level: string;
  attribute: string;
  group: string;
  employees: N;
  total: N;
  share: N;
  lower: N;
  upper: N;
  patients_share?: N;
  community_share?: N;
  suppressed?: boolean;
}

export interface RateLike {
  event: string;
  attribute: string;
  group: string;
  reference: string | null;
  employees: N;
  events: N;
  rate: N;
  lower: N;
  upper: N;
  difference: N;
  difference_lower: N;
  difference_upper: N;
  p_value?: N;
  q_value: N;
  suppressed?: boolean;
}

export interface PayGapLike {
  attribute: string;
  group: string;
  reference: string;
  employees: N;
  unadjusted: N;
  unadjusted_lower: N;
  unadjusted_upper: N;
  adjusted: N;
  lower: N;
  upper: N;
  p_value?: N;
  q_value: N;
  reason?: string | null;
  suppressed?: boolean;
}

export interface WorkforceFileLike {
  audience: 'internal' | 'public';
  threshold: number;
  employees: N;
  representation: RepresentationLike[];
  rates: RateLike[];
  pay_gap: PayGapLike[];
  methods?: Record<string, string>;
}

/** An estimate with its interval, "e (l to u)", or "withheld". */
function est(
  loc: Locale,
  row: { suppressed?: boolean },
  value: N,
  lower: N,
  upper: N,
  base: string,
  keys: [string, string, string],
  kind: 'pct' | 'pp',
): string {
  const e = shown(loc, row.suppressed, value, `${base}.${keys[0]}`, kind);
  const ci = interval(loc, lower, upper, base, kind, keys[1], keys[2]);
  return ci ? `${e} (${ci})` : e;
}

const group = (loc: Locale, r: { attribute: string; group: string }): string =>
  r.group
    .split(' × ')
    .map((g) => loc.label(g))
    .join(' × ');

function representationTable(loc: Locale, file: WorkforceFileLike): string {
  const t = (k: string): string => esc(loc.t(k));
  // The patients' and community's shares only when the file has them (workforce with a project config).
  const beside = (['patients_share', 'community_share'] as const).filter((k) =>
    file.representation.some((r) => typeof r[k] === 'number'),
  );
  const rows = file.representation.map((r, i) => {
    const base = `workforce.representation.${i}`;
    return [
      r.level === 'all' ? t('eq.workforce.allLevels') : loc.label(r.level),
      group(loc, r),
      shown(loc, r.suppressed, r.employees, `${base}.employees`, 'int'),
      est(loc, r, r.share, r.lower, r.upper, base, ['share', 'lower', 'upper'], 'pct'),
      ...beside.map((k) => num(loc, r[k], `${base}.${k}`, 'pct')),
    ];
  });
  const head = ['eq.workforce.level', 'eq.group', 'eq.workforce.employees', 'eq.workforce.share'];
  return dataTable(
    loc,
    t('eq.workforce.representation'),
    [
      ...head.map(t),
      ...beside.map((k) => t(k === 'patients_share' ? 'eq.patientsShare' : 'eq.communityShare')),
    ],
    rows,
    'equity',
    t('eq.workforce.showRepresentation'),
    { base: 'workforce.representation' },
  );
}

function ratesTable(loc: Locale, file: WorkforceFileLike): string {
  const t = (k: string): string => esc(loc.t(k));
  const rows = file.rates.map((r, i) => {
    const base = `workforce.rates.${i}`;
    return [
      `${t(`eq.event.${r.event}`)}: ${group(loc, r)}`,
      shown(loc, r.suppressed, r.employees, `${base}.employees`, 'int'),
      shown(loc, r.suppressed, r.events, `${base}.events`, 'int'),
      est(loc, r, r.rate, r.lower, r.upper, base, ['rate', 'lower', 'upper'], 'pct'),
      r.group === r.reference
        ? `<em>${t('eq.reference')}</em>`
        : est(
            loc,
            r,
            r.difference,
            r.difference_lower,
            r.difference_upper,
            base,
            ['difference', 'difference_lower', 'difference_upper'],
            'pp',
          ),
      r.group === r.reference ? '' : shown(loc, r.suppressed, r.q_value, `${base}.q_value`, 'q'),
    ];
  });
  const head = ['eq.group', 'eq.workforce.employees', 'eq.workforce.events', 'eq.workforce.rate'];
  return dataTable(
    loc,
    t('eq.workforce.rates'),
    [...head.map(t), t('eq.difference'), 'q'],
    rows,
    'equity',
    t('eq.workforce.showRates'),
    { base: 'workforce.rates' },
  );
}

function payGapTable(loc: Locale, file: WorkforceFileLike): string {
  const t = (k: string): string => esc(loc.t(k));
  const rows = file.pay_gap.map((r, i) => {
    const base = `workforce.pay_gap.${i}`;
    const keys = ['unadjusted', 'unadjusted_lower', 'unadjusted_upper'] as [string, string, string];
    return [
      group(loc, r),
      loc.label(r.reference),
      shown(loc, r.suppressed, r.employees, `${base}.employees`, 'int'),
      est(loc, r, r.unadjusted, r.unadjusted_lower, r.unadjusted_upper, base, keys, 'pct'),
      est(loc, r, r.adjusted, r.lower, r.upper, base, ['adjusted', 'lower', 'upper'], 'pct'),
      shown(loc, r.suppressed, r.q_value, `${base}.q_value`, 'q'),
    ];
  });
  const head = ['eq.group', 'eq.reference', 'eq.workforce.employees', 'eq.workforce.unadjusted'];
  return dataTable(
    loc,
    t('eq.workforce.payGap'),
    [...head.map(t), t('eq.workforce.adjusted'), 'q'],
    rows,
    'equity',
    t('eq.workforce.showPayGap'),
    { base: 'workforce.pay_gap' },
  );
}

/** The lead: how many employees, and each adjusted pay gap that stands out (q ≤ 0.05). */
function lead(loc: Locale, file: WorkforceFileLike): string {
  const employees =
    file.employees === null
      ? ''
      : loc.tn('eq.workforce.lead', file.employees, {
          n: num(loc, file.employees, 'workforce.employees', 'int'),
        });
  const gaps = file.pay_gap
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.adjusted !== null && r.q_value !== null && r.q_value <= 0.05)
    .map(({ r, i }) =>
      loc.t('eq.workforce.gap', {
        group: group(loc, r),
        reference: loc.label(r.reference),
        gap: num(loc, r.adjusted, `workforce.pay_gap.${i}.adjusted`, 'pct'),
        interval: interval(loc, r.lower, r.upper, `workforce.pay_gap.${i}`, 'pct'),
      }),
    );
  const none = file.pay_gap.length ? loc.t('eq.workforce.noGap') : '';
  return `<p>${employees} ${gaps.length ? gaps.join(' ') : none}</p>`;
}

export function workforceSection(loc: Locale, file: WorkforceFileLike): string {
  const tables = [representationTable, ratesTable, payGapTable].map((f) => f(loc, file)).join('');
  return `<section id="workforce" class="equity"><h2>${esc(loc.t('eq.workforce.title'))}</h2>${lead(loc, file)}<div class="tables">${tables}</div></section>`;
}
