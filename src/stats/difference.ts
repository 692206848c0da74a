/**
 * Difference of two independent proportions p1 − p2 with the Newcombe hybrid score interval.
 *
 * With Wilson limits (l1, u1) for p1 and (l2, u2) for p2:
 *   lower = D − √((p1 − l1)² + (u2 − p2)²),  upper = D + √((u1 − p1)² + (p2 − l2)²).
 * Source: Newcombe RG (1998) "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Stat Med 17:873–890, method 10.
 */
import { wilson } from './proportion.js';
import type { Comparison } from './types.js';

export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95,
): Comparison | null {
  const w1 = wilson(x1, n1, level);
  const w2 = wilson(x2, n2, level);
  if (!w1 || !w2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2);
  const upper = d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2);
  return { estimate: d, lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}
