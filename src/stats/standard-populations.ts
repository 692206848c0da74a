/**
 * Built-in standard populations for direct age standardisation.
 *
 * - ESP2013: European Standard Population 2013, 19 bands 0-4 … 85-89, 90+, summing to 100,000.
 *   Source: Eurostat (2013) "Revision of the European Standard Population — Report of Eurostat's task force",
 *   Table 1; the same weights ship as `esp2013` in PHEindicatormethods 2.1.0.
 * - US2000: the 2000 US standard population (Census P25-1130), the NCHS/SEER 19 age groups 0, 1-4, 5-9 …
 *   80-84, 85+, summing to 274,633,642. Source: NCI SEER "Standard Populations — 19 Age Groups"
 *   (seer.cancer.gov/stdpopulations/stdpop.19ages.html, standard 201); Klein & Schoenborn (2001) Healthy People
 *   Statistical Notes no. 20. The 18-group version (0-4 = 18,986,520) is derived by merging 0 and 1-4, which
 *   `directStandardise` does automatically when the data has a 0-4 band (US2000_18 is also exported).
 */

export interface StandardBand {
  ageBand: string;
  population: number;
}

export const ESP2013: readonly StandardBand[] = Object.freeze(
  (
    [
      ['0-4', 5000],
      ['5-9', 5500],
      ['10-14', 5500],
      ['15-19', 5500],
      ['20-24', 6000],
      ['25-29', 6000],
      ['30-34', 6500],
      ['35-39', 7000],
      ['40-44', 7000],
      ['45-49', 7000],
      ['50-54', 7000],
      ['55-59', 6500],
      ['60-64', 6000],
      ['65-69', 5500],
      ['70-74', 5000],
      ['75-79', 4000],
      ['80-84', 2500],
      ['85-89', 1500],
      ['90+', 1000],
    ] as const
  ).map(([ageBand, population]) => Object.freeze({ ageBand, population })),
);

export const US2000: readonly StandardBand[] = Object.freeze(
  (
    [
      ['0', 3_794_901],
      ['1-4', 15_191_619],
      ['5-9', 19_919_840],
      ['10-14', 20_056_779],
      ['15-19', 19_819_518],
      ['20-24', 18_257_225],
      ['25-29', 17_722_067],
      ['30-34', 19_511_370],
      ['35-39', 22_179_956],
      ['40-44', 22_479_229],
      ['45-49', 19_805_793],
      ['50-54', 17_224_359],
      ['55-59', 13_307_234],
      ['60-64', 10_654_272],
      ['65-69', 9_409_940],
      ['70-74', 8_725_574],
      ['75-79', 7_414_559],
      ['80-84', 4_900_234],
      ['85+', 4_259_173],
    ] as const
  ).map(([ageBand, population]) => Object.freeze({ ageBand, population })),
);

/** US 2000 standard in the 18-group layout (SEER standard 204): 0-4, 5-9, …, 80-84, 85+. */
export const US2000_18: readonly StandardBand[] = Object.freeze([
  Object.freeze({ ageBand: '0-4', population: 18_986_520 }),
  ...US2000.slice(2),
]);

/** Look up a built-in standard by name (`esp2013`, `us2000`, `us2000-18`); undefined when unknown. */
export function builtInStandard(name: string): readonly StandardBand[] | undefined {
  const key = name.trim().toLowerCase().replace(/[\s_]/g, '');
  if (key === 'esp2013') return ESP2013;
  if (key === 'us2000') return US2000;
  if (key === 'us2000-18' || key === 'us200018') return US2000_18;
  return undefined;
}
