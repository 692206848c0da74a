/**
 * Line up a dataset's age bands with a standard population's bands. Bands are merged into the smallest blocks
 * on which both sides agree: a data band may span several standard bands (data "0-4" over US 2000's "0" and
 * "1-4") and several data bands may share one standard band (data "85-89" and "90+" under US 2000's "85+").
 * A block where the two sides do not end at the same age is an input error naming the band (`strict`), or, with
 * `split`, each standard band is shared among the data bands it overlaps in proportion to the years of overlap
 * (ages assumed uniform within a band) and a `standard_band_split` warning says so. An open-ended standard band
 * (e.g. 90+) cannot be split.
 */
import { invalidInput, type Warning } from '../errors.js';
import { formatAgeBand, parseAgeBand, type AgeRange } from './age-band.js';
import type { StandardBand } from './standard-populations.js';

export interface AlignedBand {
  ageBand: string;
  range: AgeRange;
  weight: number;
  events: number;
  population: number;
}

const parseOrThrow = (label: string, what: string): AgeRange => {
  const r = parseAgeBand(label);
  if (!r) {
    throw invalidInput(`The ${what} age band "${label}" is not recognised.`, {
      column: 'age_band',
      ageBand: label,
      fix: 'Write age bands as "0-4", "5-9", …, "85+" (or "0" / "<1" for under one).',
    });
  }
  return r;
};

interface Piece {
  range: AgeRange;
  label: string;
  data: boolean;
  events: number;
  population: number;
}

/** True when the sorted ranges follow each other without gaps. */
const contiguous = (pieces: readonly Piece[]): boolean =>
  pieces.every((p, i) => i === 0 || p.range.lo === pieces[i - 1]!.range.hi + 1);

export type Alignment = 'strict' | 'split';

const years = (r: AgeRange): number => r.hi - r.lo + 1;

/** Share each standard band among the data bands it overlaps, by years of overlap; null if impossible. */
function splitBlock(
  d: readonly Piece[],
  s: readonly Piece[],
): { bands: AlignedBand[]; split: Set<string> } | null {
  const out: AlignedBand[] = [];
  const split = new Set<string>();
  for (const p of d) {
    let weight = 0;
    let covered = 0;
    for (const q of s) {
      const lo = Math.max(p.range.lo, q.range.lo);
      const hi = Math.min(p.range.hi, q.range.hi);
      if (hi < lo) continue;
      if (q.range.hi === Infinity) {
        if (p.range.hi !== Infinity || p.range.lo > q.range.lo) return null;
        weight += q.population;
        covered = Infinity;
      } else {
        weight += (q.population * (hi - lo + 1)) / years(q.range);
        covered += hi - lo + 1;
        if (hi - lo + 1 < years(q.range)) split.add(q.label);
      }
    }
    if (covered !== years(p.range)) return null; // some ages of the data band have no standard weight
    out.push({
      ageBand: formatAgeBand(p.range),
      range: p.range,
      weight,
      events: p.events,
      population: p.population,
    });
  }
  return { bands: out, split };
}

export function alignBands(
  rows: readonly { ageBand: string; events: number; population: number }[],
  standard: readonly StandardBand[],
  alignment: Alignment = 'strict',
): { bands: AlignedBand[]; warnings: Warning[] } {
  const data = new Map<string, Piece>();
  for (const row of rows) {
    const range = parseOrThrow(row.ageBand, 'data');
    const key = formatAgeBand(range);
    const piece = data.get(key);
    if (piece) {
      piece.events += row.events;
      piece.population += row.population;
    } else
      data.set(key, {
        range,
        label: row.ageBand,
        data: true,
        events: row.events,
        population: row.population,
      });
  }
  const dataPieces = [...data.values()].sort((a, b) => a.range.lo - b.range.lo);
  dataPieces.forEach((p, i) => {
    const next = dataPieces[i + 1];
    if (next && next.range.lo <= p.range.hi) {
      throw invalidInput(`The age bands "${p.label}" and "${next.label}" overlap.`, {
        column: 'age_band',
        ageBand: next.label,
        fix: 'Give each age once, in bands that do not overlap.',
      });
    }
  });
  const stdPieces: Piece[] = standard.map((s) => ({
    range: parseOrThrow(s.ageBand, 'standard'),
    label: s.ageBand,
    data: false,
    events: 0,
    population: s.population,
  }));
  const all = [...dataPieces, ...stdPieces].sort(
    (a, b) => a.range.lo - b.range.lo || a.range.hi - b.range.hi,
  );
  const blocks: Piece[][] = [];
  let hi = -Infinity;
  for (const p of all) {
    if (p.range.lo > hi) blocks.push([]);
    blocks.at(-1)!.push(p);
    hi = Math.max(hi, p.range.hi);
  }
  const stdNames = standard.map((b) => b.ageBand).join(', ');
  const bands: AlignedBand[] = [];
  const unused: string[] = [];
  const split: string[] = [];
  for (const block of blocks) {
    const d = block.filter((p) => p.data);
    const s = block.filter((p) => !p.data);
    if (d.length === 0) {
      unused.push(...s.map((p) => p.label));
      continue;
    }
    const lo = block[0]!.range.lo;
    const top = Math.max(...block.map((p) => p.range.hi));
    const covers = (ps: Piece[]) =>
      ps.length > 0 &&
      contiguous(ps) &&
      ps[0]!.range.lo === lo &&
      Math.max(...ps.map((p) => p.range.hi)) === top;
    // A block lines up when both sides span the same ages and one side is a single band (else merging would
    // throw away the age structure, e.g. data 0-17 / 18+ against 5-year bands).
    const aligned = covers(s) && covers(d) && (d.length === 1 || s.length === 1);
    if (s.length > 0 && !aligned && alignment === 'split') {
      const shared = splitBlock(d, s);
      if (shared) {
        bands.push(...shared.bands);
        split.push(...shared.split);
        continue;
      }
    }
    if (s.length === 0 || !aligned) {
      const culprit = d.find((p) => !s.some((q) => q.range.lo === p.range.lo)) ?? d[0]!;
      throw invalidInput(
        s.length === 0
          ? `The data age band "${culprit.label}" is not covered by the standard population.`
          : `The data age band "${culprit.label}" does not line up with the standard's bands.`,
        {
          column: 'age_band',
          ageBand: culprit.label,
          fix: `Use the standard's bands (${stdNames}) or unions of them, or supply a standard with your bands.`,
        },
      );
    }
    const range = { lo, hi: top };
    bands.push({
      ageBand: formatAgeBand(range),
      range,
      weight: s.reduce((t, p) => t + p.population, 0),
      events: d.reduce((t, p) => t + p.events, 0),
      population: d.reduce((t, p) => t + p.population, 0),
    });
  }
  const warnings: Warning[] = [];
  if (split.length > 0) {
    warnings.push({
      code: 'standard_band_split',
      message: `The data's age bands do not line up with the standard's bands ${split.join(', ')}; their weights were shared by years of overlap (ages assumed uniform within a band).`,
      bands: split,
    });
  }
  if (unused.length > 0 && bands.length > 0) {
    warnings.push({
      code: 'standard_bands_not_covered',
      message: `The data has no rows for the standard's age bands ${unused.join(', ')}; the rate is standardised over the ages present.`,
      bands: unused,
    });
  }
  return { bands, warnings };
}
