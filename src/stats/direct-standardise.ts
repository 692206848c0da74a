/**
 * Directly age-standardised rates with Dobson et al. (1991) confidence limits.
 *
 * DSR = Σ wᵢ·xᵢ/nᵢ / Σ wᵢ × multiplier; var(DSR) = Σ xᵢ·(wᵢ/nᵢ)² / (Σ wᵢ)²; with O = Σ xᵢ and Poisson limits
 * (L_O, U_O) on O the limits are DSR + √(var/O)·(L_O − O) and DSR + √(var/O)·(U_O − O).
 * Source: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991) Stat Med 10:457–462; PHEindicatormethods
 * `calculate_dsr` (v2.1.0). Limits on O are exact below 10 events and Byar's from 10 (as for crude rates);
 * PHEindicatormethods uses Byar's throughout but suppresses O < 10, so results agree wherever it gives one.
 * Below 10 events the result carries a `few_events` warning (Fingertips suppresses such DSRs); pass
 * `minEvents: 10` to get a null instead.
 */
import type { Warning } from '../errors.js';
import type { WarningCode } from '../warnings.js';
import { alignBands, type Alignment } from './band-alignment.js';
import { poissonCountLimits } from './rate.js';
import type { StandardBand } from './standard-populations.js';
import { isLevel, type Interval } from './types.js';

export interface DirectStandardiseOptions {
  /** The level for `lower`/`upper` (default: the first of `levels`, else 0.95). */
  level?: number;
  /** Levels for `ci` (default: [level]). */
  levels?: readonly number[];
  /** Rate per this many (default 100,000). */
  multiplier?: number;
  /** Return a null value when there are fewer events than this (PHE/Fingertips use 10). */
  minEvents?: number;
  /**
   * What to do when the data's age bands do not line up with the standard's: `split` (default) shares a
   * standard band by years of overlap and warns `standard_band_split`; `strict` throws an input error.
   */
  alignment?: Alignment;
}

export interface DirectStandardised {
  value: number | null;
  lower: number | null;
  upper: number | null;
  ci: Interval[];
  method: 'dobson';
  events: number;
  population: number;
  warnings: Warning[];
}

export function directStandardise(
  rows: readonly { ageBand: string; events: number; population: number }[],
  standard: readonly StandardBand[],
  opts: DirectStandardiseOptions = {},
): DirectStandardised {
  const m = opts.multiplier ?? 100_000;
  const level = opts.level ?? opts.levels?.[0] ?? 0.95;
  const levels = opts.levels ?? [level];
  const events = rows.reduce((s, r) => s + r.events, 0);
  const population = rows.reduce((s, r) => s + r.population, 0);
  const { bands, warnings } = alignBands(rows, standard, opts.alignment ?? 'split');
  const empty = (code: WarningCode, message: string): DirectStandardised => ({
    value: null,
    lower: null,
    upper: null,
    ci: [],
    method: 'dobson',
    events,
    population,
    warnings: [...warnings, { code, message }],
  });
  const bad = bands.filter((b) => b.population <= 0 && b.events > 0);
  if (bad.length > 0) {
    return empty(
      'events_without_population',
      `Age band ${bad.map((b) => b.ageBand).join(', ')} has events but no population, so no rate can be standardised.`,
    );
  }
  const used = bands.filter((b) => b.population > 0);
  const dropped = bands.filter((b) => b.population <= 0);
  if (dropped.length > 0) {
    warnings.push({
      code: 'zero_population_band',
      message: `Age band ${dropped.map((b) => b.ageBand).join(', ')} has no population and is left out of the standardisation.`,
    });
  }
  const W = used.reduce((s, b) => s + b.weight, 0);
  if (used.length === 0 || W <= 0) return empty('no_population', 'There is no population to standardise.');
  if (opts.minEvents !== undefined && events < opts.minEvents) {
    return empty('few_events', `Fewer than ${opts.minEvents} events: the standardised rate is suppressed.`);
  }
  const dsr = used.reduce((s, b) => s + (b.weight * b.events) / b.population, 0) / W;
  const variance = used.reduce((s, b) => s + b.events * (b.weight / b.population) ** 2, 0) / W ** 2;
  if (events < 10) {
    warnings.push({
      code: 'few_events',
      message: `Only ${events} events: the standardised rate is unreliable (Fingertips suppresses DSRs below 10 events).`,
    });
  }
  if (events === 0) {
    warnings.push({ code: 'no_events', message: 'No events: Dobson limits are undefined for zero events.' });
    return { value: 0, lower: null, upper: null, ci: [], method: 'dobson', events, population, warnings };
  }
  const scale = Math.sqrt(variance / events);
  const at = (lv: number): Interval => {
    const lim = poissonCountLimits(events, lv);
    return {
      level: lv,
      lower: Math.max(0, (dsr + scale * (lim.lower - events)) * m),
      upper: (dsr + scale * (lim.upper - events)) * m,
    };
  };
  const ci = levels.filter(isLevel).map(at);
  const main = isLevel(level) ? at(level) : null;
  return {
    value: dsr * m,
    lower: main?.lower ?? null,
    upper: main?.upper ?? null,
    ci,
    method: 'dobson',
    events,
    population,
    warnings,
  };
}
