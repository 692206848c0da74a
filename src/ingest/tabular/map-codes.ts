/**
 * Local code → canonical label, in JS, once per DISTINCT source value (the per-row work is a join in SQL).
 * Rules (config/mapping.ts): a listed code maps to its canonical code; an unlisted one to `default:` when
 * given; else a status key (`?`, `UNK`, `declined`, empty) keeps its status; anything else is Unknown AND
 * reported as unmapped. Without a value map the source value is read as a canonical code itself.
 */
import type { AttributeMapping } from '../../config/index.js';
import {
  canonicalLabel,
  deriveRaceEthnicity,
  statusOf,
  type RaceEthnicity,
} from '../../model/vocab/index.js';
import { normKey } from '../../model/vocab/status-keys.js';
import { DECLINED, MISSING, UNKNOWN, isStatus } from '../../model/status.js';

export interface MappedCode {
  label: string;
  known: boolean;
  /** 2 Declined, 1 Unknown, 0 Missing; null when known. */
  statusRank: number | null;
  /** True when the code is not understood (reported in `unmapped`). */
  unmapped: boolean;
}

export const statusRank = (label: string): number | null =>
  label === DECLINED ? 2 : label === UNKNOWN ? 1 : label === MISSING ? 0 : null;

/** The canonical code(s) a raw value stands for, or a status / unmapped marker. */
export function canonicalCode(
  mapping: AttributeMapping,
  raw: string | null,
): { code: string | null; unmapped: boolean } {
  const values = mapping.values;
  const key = raw ?? '';
  if (values) {
    if (Object.hasOwn(values, key)) return { code: values[key]!, unmapped: false };
    const nk = normKey(key);
    const hit = Object.keys(values).find((k) => normKey(k) === nk);
    if (hit !== undefined) return { code: values[hit]!, unmapped: false };
  }
  if (key === '') return { code: null, unmapped: false };
  if (values) {
    if (mapping.default !== undefined) return { code: mapping.default, unmapped: false };
    if (statusOf(key)) return { code: key, unmapped: false };
    return { code: UNKNOWN, unmapped: true };
  }
  return { code: key, unmapped: false };
}

const finish = (label: string, unmapped: boolean): MappedCode => ({
  label,
  known: !isStatus(label),
  statusRank: statusRank(label),
  unmapped,
});

/**
 * Map one raw value of a simple attribute. `custom` attributes have no vocabulary: the canonical code is
 * the label (status keys still mean their status).
 */
export function mapCode(
  attribute: string,
  mapping: AttributeMapping,
  raw: string | null,
  custom = false,
): MappedCode {
  const { code, unmapped } = canonicalCode(mapping, raw);
  if (code === null) return finish(MISSING, false);
  if (unmapped) return finish(UNKNOWN, true);
  const status = statusOf(code);
  if (custom) return finish(status ?? code, false);
  const label =
    attribute === 'interpreter_needed' ? canonicalLabel('disability', code) : canonicalLabel(attribute, code);
  return label === null ? finish(UNKNOWN, true) : finish(label, false);
}

const SPLIT = /[;|,]/;

/** Race and ethnicity codes of one row (a pair of raw values) → both OMB bases. */
export function mapRaceEthnicity(
  race: { mapping?: AttributeMapping; raw: string | null },
  ethnicity: { mapping?: AttributeMapping; raw: string | null },
): RaceEthnicity & {
  raceCodes: string[];
  ethnicityCodes: string[];
  raceUnmapped: boolean;
  ethnicityUnmapped: boolean;
} {
  const codes = (m: AttributeMapping | undefined, raw: string | null) => {
    if (!m) return { codes: [] as string[], unmapped: false };
    const c = canonicalCode(m, raw);
    if (c.code === null) return { codes: [], unmapped: false };
    if (c.unmapped) return { codes: ['UNK'], unmapped: true };
    return {
      codes: c.code
        .split(SPLIT)
        .map((s) => s.trim())
        .filter(Boolean),
      unmapped: false,
    };
  };
  const r = codes(race.mapping, race.raw);
  const e = codes(ethnicity.mapping, ethnicity.raw);
  const derived = deriveRaceEthnicity({ raceCodes: r.codes, ethnicityCodes: e.codes });
  const isCode = (c: string) => /^\d{4}-\d$/.test(c);
  return {
    ...derived,
    raceCodes: r.codes.filter(isCode),
    ethnicityCodes: e.codes.filter(isCode),
    raceUnmapped: r.unmapped || derived.unmapped.some((u) => r.codes.includes(u)),
    ethnicityUnmapped: e.unmapped || derived.unmapped.some((u) => e.codes.includes(u)),
  };
}
