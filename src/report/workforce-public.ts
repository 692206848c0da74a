/**
 * The workforce section's public view, from workforce.public.json only (never workforce.json). That file
 * withholds groups of fewer employees than its threshold; the report also withholds an event count (hires,
 * promotions, exits) of 1 to threshold − 1, since those are employees too, with the rate and comparison
 * worked from it (and the differences from a withheld reference), and complementary withholding in every published sum of events: an event's groups of an
 * attribute (they add up to all events, which the other attributes' groups also give), and an intersection's
 * cells against their race and sex margins.
 */
import { withholdSmall } from './community-public.js';
import type { RateLike, WorkforceFileLike } from './workforce-section.js';

const small = (n: number | null, t: number) => n !== null && n > 0 && n < t;

function relations(rows: readonly RateLike[]): string[][] {
  const out = new Map<string, string[]>();
  const add = (rel: string, i: number) => out.set(rel, [...(out.get(rel) ?? []), String(i)]);
  rows.forEach((r, i) => {
    add(`${r.event}\t${r.attribute}`, i);
    if (r.attribute === 'race_ethnicity*sex') {
      const [race, sex] = r.group.split(' × ');
      add(`${r.event}\trace\t${race}`, i);
      add(`${r.event}\tsex\t${sex}`, i);
    }
    if (r.attribute === 'race_ethnicity') add(`${r.event}\trace\t${r.group}`, i);
    if (r.attribute === 'sex') add(`${r.event}\tsex\t${r.group}`, i);
  });
  return [...out.values()];
}

export function publicWorkforce(file: WorkforceFileLike): WorkforceFileLike {
  const t = file.threshold;
  const counts = new Map(file.rates.map((r, i) => [String(i), r.events]));
  const hidden = withholdSmall(counts, relations(file.rates), (_, n) => small(n, t));
  // A group's difference from a withheld reference would give the reference's rate back.
  const refHidden = new Set(
    file.rates
      .filter((r, i) => hidden.has(String(i)) && r.group === r.reference)
      .map((r) => `${r.event}\t${r.attribute}`),
  );
  const noDiff = {
    difference: null,
    difference_lower: null,
    difference_upper: null,
    p_value: null,
    q_value: null,
  };
  const rates = file.rates.map((r, i) =>
    !hidden.has(String(i)) && refHidden.has(`${r.event}\t${r.attribute}`)
      ? { ...r, ...noDiff }
      : hidden.has(String(i))
        ? {
            ...r,
            events: null,
            rate: null,
            lower: null,
            upper: null,
            difference: null,
            difference_lower: null,
            difference_upper: null,
            p_value: null,
            q_value: null,
            suppressed: true,
          }
        : r,
  );
  return { ...file, rates };
}
