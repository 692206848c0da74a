/**
 * "Payer mix" (issue #16, the AMA toolkit's measure): from payer-mix.json (`equilens payer-mix --out`). The
 * system figure — the share of Medicaid and uninsured patients minus the community's, with its interval —
 * and the units that stand out in the lead; per facet (department, site, clinician group) a funnel plot of
 * each unit's share against its size with control limits (funnel-chart.ts) and its data table, in a closed
 * box. Numbers are marked with their path in the file (`payerMix.…`).
 */
import { name as nameOf, shown, unitName, withInterval } from './community-section.js';
import { funnelChartSvg } from './funnel-chart.js';
import { dataTable, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';

export interface PayerUnitLike {
  facet: string;
  unit: string;
  patients: number | null;
  count?: number | null;
  share: number | null;
  /** The facet's pooled share and the unit's control limits; null when withheld (public edition). */
  expected: number | null;
  lower_limit: number | null;
  upper_limit: number | null;
  p_value?: number | null;
  q_value?: number | null;
  flag: 'low' | 'high' | null;
  suppressed?: boolean;
}

export interface PayerMixFileLike {
  system: {
    patients: number | null;
    patients_total: number | null;
    patients_share: number | null;
    community_share: number | null;
    difference: number | null;
    lower: number | null;
    upper: number | null;
    community_groups?: string[];
    suppressed?: boolean;
  };
  units: PayerUnitLike[];
  method?: string;
}

function lead(loc: Locale, file: PayerMixFileLike): string {
  const s = file.system;
  const groups = (s.community_groups ?? []).map((g) => loc.label(g)).join(loc.t('eq.and'));
  const system = loc.t('eq.payer.system', {
    groups: groups || loc.label('medicaid') + loc.t('eq.and') + loc.label('uninsured'),
    patients: shown(loc, s.suppressed, s.patients_share, 'payerMix.system.patients_share', 'pct'),
    community: num(loc, s.community_share, 'payerMix.system.community_share', 'pct'),
    difference: withInterval(loc, s, 'payerMix.system'),
  });
  const flagged = file.units.filter((u) => u.flag !== null);
  const names = (flag: 'low' | 'high') =>
    flagged
      .filter((u) => u.flag === flag)
      .map((u) => unitName(loc, u))
      .join(', ');
  const low = names('low');
  const high = names('high');
  const units = flagged.length
    ? [
        low ? loc.t('eq.payer.low', { units: low }) : '',
        high ? loc.t('eq.payer.high', { units: high }) : '',
      ].join(' ')
    : file.units.length
      ? loc.t('eq.payer.none')
      : '';
  return `<p>${system} ${units}</p>`;
}

const flagWord = (loc: Locale, u: PayerUnitLike): string =>
  u.suppressed && u.share === null
    ? ''
    : u.flag === 'low'
      ? `<strong>${esc(loc.t('eq.payer.flag.low'))}</strong>`
      : u.flag === 'high'
        ? `<strong>${esc(loc.t('eq.payer.flag.high'))}</strong>`
        : esc(loc.t('eq.payer.flag.within'));

function unitRow(loc: Locale, u: PayerUnitLike, i: number): string[] {
  const base = `payerMix.units.${i}`;
  return [
    loc.label(u.unit),
    shown(loc, u.suppressed, u.patients, `${base}.patients`, 'int'),
    shown(loc, u.suppressed, u.share, `${base}.share`, 'pct'),
    num(loc, u.expected, `${base}.expected`, 'pct'),
    u.lower_limit === null || u.upper_limit === null
      ? num(loc, null, `${base}.lower_limit`, 'pct')
      : `${num(loc, u.lower_limit, `${base}.lower_limit`, 'pct')} ${esc(loc.t('table.to'))} ${num(loc, u.upper_limit, `${base}.upper_limit`, 'pct')}`,
    flagWord(loc, u),
  ];
}

async function facetBlock(loc: Locale, file: PayerMixFileLike, facet: string, fi: number): Promise<string> {
  const t = (k: string, v: Record<string, string> = {}): string => esc(plain(loc.t(k, v)));
  const rows = file.units.map((u, i) => ({ u, i })).filter(({ u }) => u.facet === facet);
  const target = rows[0]!.u.expected;
  const name = plain(nameOf(loc, facet));
  const svg =
    target === null
      ? ''
      : await funnelChartSvg(
          rows.map(({ u }) => u),
          target,
          {
            title: plain(loc.t('eq.payer.funnel', { facet: name })),
            desc: plain(loc.t('eq.payer.funnel.desc', { facet: name })),
            x: plain(loc.t('eq.payer.size')),
            y: plain(loc.t('eq.payer.share')),
            within: plain(loc.t('eq.payer.flag.within')),
            low: plain(loc.t('eq.payer.flag.low')),
            high: plain(loc.t('eq.payer.flag.high')),
          },
          { id: `funnel-${fi}`, lang: loc.lang },
        );
  const head = [
    esc(name),
    t('eq.payer.size'),
    t('eq.payer.share'),
    t('eq.payer.expected'),
    t('eq.payer.limits'),
    t('eq.payer.flag'),
  ];
  const table = dataTable(
    loc,
    t('eq.payer.funnel', { facet: name }),
    head,
    rows.map(({ u, i }) => unitRow(loc, u, i)),
    'equity',
    esc(loc.t('showData')),
    { base: 'payerMix.units' },
  );
  const figure = svg
    ? `<figure class="chart">${svg}<figcaption>${t('eq.payer.funnel.caption')}</figcaption></figure>`
    : '';
  return `<details class="data equity-chart"><summary>${t('eq.payer.showFunnel', { facet: name })}</summary>${figure}${table}</details>`;
}

export async function payerMixSection(loc: Locale, file: PayerMixFileLike): Promise<string> {
  const facets = [...new Set(file.units.map((u) => u.facet))];
  const blocks: string[] = [];
  for (const [fi, f] of facets.entries()) blocks.push(await facetBlock(loc, file, f, fi));
  return `<section id="payer-mix" class="equity"><h2>${esc(loc.t('eq.payer.title'))}</h2>${lead(loc, file)}<div class="tables">${blocks.join('')}</div></section>`;
}
