/**
 * Phases ("baseline / PDSA 1 / PDSA 2"): consecutive points with the same phase label form one phase;
 * a change of label starts a new one (as qicharts2's `part`). Centre, limits and every rule are computed
 * within a phase and never across a phase boundary. A label that comes back later starts a new phase.
 */
export interface Phase {
  label: string | null;
  /** Index of the phase's first point in the series. */
  start: number;
  /** Number of points in the phase. */
  length: number;
}

export function splitPhases(labels: readonly (string | null | undefined)[]): Phase[] {
  const phases: Phase[] = [];
  labels.forEach((raw, i) => {
    const label = raw === undefined || raw === '' ? null : raw;
    const last = phases[phases.length - 1];
    if (last && last.label === label) last.length++;
    else phases.push({ label, start: i, length: 1 });
  });
  return phases;
}

/** Number of baseline points of a phase: the first `baselinePeriods` (all when not frozen). */
export const baselineLength = (phase: Phase, baselinePeriods?: number): number =>
  baselinePeriods === undefined ? phase.length : Math.min(baselinePeriods, phase.length);
