import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word` (Levenshtein, case-insensitive), if it is close enough to be a likely
 * misspelling: at most 2 edits, or a third of the word's length for long words.
 * @example closest('races', ['race', 'ethnicity']) // 'race'
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= limit && best !== word ? best : undefined;
}

/** ` Did you mean "race"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? ` Did you mean "${c}"?` : '';
}
