/** Quarters of the study window: start days and labels such as 2024-Q1. */

/** Quarter starts (day numbers since 1970-01-01 UTC) from `start`, periods + 1 entries. */
export function quarterStarts(start: string, periods: number): number[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: periods + 1 }, (_, i) =>
    Math.round(Date.UTC(y, m - 1 + 3 * i, 1) / 86_400_000),
  );
}

/** `2024-Q1` for period 0 of a window starting 2024-01-01. */
export function periodLabel(start: string, period: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const q = (m - 1) / 3 + period;
  return `${y + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}
