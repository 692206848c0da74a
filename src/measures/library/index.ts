/**
 * The measure library: every definition by id. `measures: [{ id, library: <id>, period }]` in
 * equilens.yaml computes one from the clinical event tables.
 */
import type { MeasureDefinition } from '../types.js';
import { bmiScreening } from './bmi-screening.js';
import { breastCancerScreening } from './breast-cancer-screening.js';
import { cbp } from './cbp.js';
import { colorectalCancerScreening } from './colorectal-cancer-screening.js';
import { depressionScreening } from './depression-screening.js';
import { edVisits } from './ed-visits.js';
import { hba1cPoorControl } from './hba1c-poor-control.js';
import { hba1cTesting } from './hba1c-testing.js';
import { readmission30d } from './readmission-30d.js';
import { SDOH_POSITIVE_MEASURES } from './sdoh-positive.js';
import { sdohScreening } from './sdoh-screening.js';
import { tobaccoScreening } from './tobacco-screening.js';

export const LIBRARY: readonly MeasureDefinition[] = [
  cbp,
  hba1cPoorControl,
  hba1cTesting,
  sdohScreening,
  ...SDOH_POSITIVE_MEASURES,
  depressionScreening,
  tobaccoScreening,
  bmiScreening,
  edVisits,
  readmission30d,
  breastCancerScreening,
  colorectalCancerScreening,
];

const BY_ID = new Map(LIBRARY.map((m) => [m.id, m]));

/** A library measure by id, or undefined. */
export const libraryMeasure = (id: string): MeasureDefinition | undefined => BY_ID.get(id);

/** Every library id, for messages. */
export const libraryIds = (): string[] => LIBRARY.map((m) => m.id);
