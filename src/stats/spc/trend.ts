/**
 * NHS "Making Data Count" trend rule: 7 or more consecutive points all increasing or all decreasing.
 * Equal neighbours neither add to nor break a trend (NHSRplotthedots#24); missing periods are skipped.
 * Every point of such a trend is flagged. A trend of k points has k − 1 rising (or falling) steps.
 * Source: NHSE "Making Data Count" (2019), special cause rule 3.
 */
export const TREND_LENGTH = 7;

export function trendPoints(values: readonly (number | null)[], length = TREND_LENGTH): boolean[] {
  const flags = values.map(() => false);
  const idx = values.flatMap((v, i) => (v === null ? [] : [i]));
  let start = 0; // position in idx where the current trend starts
  let dir = 0;
  let steps = 0;
  const close = (end: number) => {
    if (steps + 1 >= length) for (let k = start; k <= end; k++) flags[idx[k]!] = true;
  };
  for (let k = 1; k < idx.length; k++) {
    const d = Math.sign(values[idx[k]!]! - values[idx[k - 1]!]!);
    if (d === 0) continue;
    if (d !== dir) {
      close(k - 1);
      // the new trend starts at the last point of the old one (skipping back over equal neighbours)
      let s = k - 1;
      while (s > 0 && values[idx[s - 1]!] === values[idx[k - 1]!]) s--;
      start = s;
      dir = d;
      steps = 0;
    }
    steps++;
  }
  close(idx.length - 1);
  return flags;
}
