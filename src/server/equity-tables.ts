/**
 * The tables of the equity results, one list of columns each: the pages show them, and the CSV and JSON
 * downloads and the API give the same rows (always the edition the viewer may see).
 */
import { invalidInput } from '../errors.js';
import type { EquityKind } from '../store/index.js';
import type { CommunityFile, EquityDocument, PayerMixFile, WorkforceFile } from './equity-schemas.js';

export const TABLES = {
  comparison: [
    'facet',
    'unit',
    'attribute',
    'group',
    'patients',
    'patients_total',
    'patients_share',
    'community_share',
    'difference',
    'lower',
    'upper',
    'suppressed',
  ],
  inclusivity: ['facet', 'unit', 'attribute', 'index', 'lower', 'upper', 'suppressed'],
  /** Each catchment area's SVI overall percentile, when the community source was an SVI file. */
  areas: ['area', 'name', 'svi'],
  system: [
    'patients',
    'patients_total',
    'patients_share',
    'community_share',
    'difference',
    'lower',
    'upper',
    'community_groups',
    'suppressed',
  ],
  units: [
    'facet',
    'unit',
    'patients',
    'count',
    'share',
    'expected',
    'lower_limit',
    'upper_limit',
    'q_value',
    'flag',
    'suppressed',
  ],
  representation: [
    'level',
    'attribute',
    'group',
    'employees',
    'total',
    'share',
    'lower',
    'upper',
    'patients_share',
    'community_share',
    'suppressed',
  ],
  rates: [
    'event',
    'attribute',
    'group',
    'reference',
    'employees',
    'events',
    'rate',
    'lower',
    'upper',
    'difference',
    'difference_lower',
    'difference_upper',
    'q_value',
    'suppressed',
  ],
  pay_gap: [
    'attribute',
    'group',
    'reference',
    'employees',
    'unadjusted',
    'unadjusted_lower',
    'unadjusted_upper',
    'adjusted',
    'lower',
    'upper',
    'q_value',
    'reason',
    'suppressed',
  ],
} as const;
export type TableName = keyof typeof TABLES;
export type Row = Record<string, unknown>;
export type ColumnOf<T extends TableName> = (typeof TABLES)[T][number];

/**
 * The columns a page shows of `table`: the table's own, in its order, less `omit` (those the page's
 * choices fix, such as the unit or attribute, and those it leaves to the download).
 */
export function shownColumns<T extends TableName>(table: T, omit: readonly ColumnOf<T>[]): ColumnOf<T>[] {
  const left = new Set<string>(omit);
  return (TABLES[table] as readonly ColumnOf<T>[]).filter((k) => !left.has(k));
}

export const KIND_TABLES: Record<EquityKind, TableName[]> = {
  community: ['comparison', 'inclusivity', 'areas'],
  payer_mix: ['system', 'units'],
  workforce: ['representation', 'rates', 'pay_gap'],
};

function rawRows(kind: EquityKind, doc: EquityDocument, table: TableName): Row[] {
  if (kind === 'community') {
    const d = doc as CommunityFile;
    if (table === 'areas') return d.areas ?? [];
    return table === 'comparison' ? d.comparison : d.inclusivity;
  }
  if (kind === 'payer_mix') {
    const d = doc as PayerMixFile;
    return table === 'system'
      ? [{ ...d.system, community_groups: d.system.community_groups.join(' + ') }]
      : d.units;
  }
  const d = doc as WorkforceFile;
  return table === 'representation' ? d.representation : table === 'rates' ? d.rates : d.pay_gap;
}

/** The rows of one table, with exactly its columns (absent values as null). */
export function tableRows(kind: EquityKind, doc: EquityDocument, table: string): Row[] {
  if (!(KIND_TABLES[kind] as string[]).includes(table))
    throw invalidInput(`A ${kind.replace('_', ' ')} result has no table "${table}".`, {
      path: 'table',
      fix: `Ask for one of: ${KIND_TABLES[kind].join(', ')}.`,
    });
  const columns = TABLES[table as TableName];
  return rawRows(kind, doc, table as TableName).map((r) =>
    Object.fromEntries(columns.map((k) => [k, r[k] ?? (k === 'suppressed' ? false : null)])),
  );
}
