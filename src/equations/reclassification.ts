/**
 * Reclassification between the 2009 creatinine equation as it was applied (race coefficient for patients
 * recorded as Black) and the 2021 race-free equation, counted by race. Pure.
 * "Crosses the waitlisting threshold" = eGFR ≤ 20 mL/min/1.73 m² under 2021 but > 20 under 2009 as applied
 * (OPTN policy 3.7: waiting time may accrue from a GFR ≤ 20).
 */
import { ckdEpi2009Cr, ckdEpi2021Cr, kdigoG, type EgfrInput } from './egfr.js';

export const WAITLIST_THRESHOLD = 20;

export interface ReclassificationInput extends EgfrInput {
  race: string;
  /** Whether the 2009 race coefficient was applied (recorded race Black). */
  black: boolean;
}

export interface ReclassificationRow {
  race: string;
  n: number;
  stage_changed: number;
  less_severe_under_2021: number;
  more_severe_under_2021: number;
  cross_waitlist_only_2021: number;
}

const ORDER = ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5'];

export function reclassifyByRace(rows: readonly ReclassificationInput[]): ReclassificationRow[] {
  const out = new Map<string, ReclassificationRow>();
  for (const r of rows) {
    let g = out.get(r.race);
    if (!g) {
      g = {
        race: r.race,
        n: 0,
        stage_changed: 0,
        less_severe_under_2021: 0,
        more_severe_under_2021: 0,
        cross_waitlist_only_2021: 0,
      };
      out.set(r.race, g);
    }
    const old = ckdEpi2009Cr(r, r.black);
    const now = ckdEpi2021Cr(r);
    const a = ORDER.indexOf(kdigoG(old) ?? '');
    const b = ORDER.indexOf(kdigoG(now) ?? '');
    g.n++;
    if (a !== b) g.stage_changed++;
    if (b > a) g.more_severe_under_2021++;
    if (b < a) g.less_severe_under_2021++;
    if (now <= WAITLIST_THRESHOLD && old > WAITLIST_THRESHOLD) g.cross_waitlist_only_2021++;
  }
  return [...out.values()].sort((x, y) => (x.race < y.race ? -1 : x.race > y.race ? 1 : 0));
}
