/**
 * A registry, as data, of clinical calculators that adjust for race, with their source and the codes by
 * which their use can be found in data. Pure. Codes are LOINC unless the system says otherwise.
 * Source list: Vyas DA, Eisenstein LG, Jones DS. Hidden in plain sight. N Engl J Med 2020;383:874–882.
 */
export interface RaceAdjustedCalculator {
  id: string;
  name: string;
  race_term: string;
  source: string;
  replacement: string | null;
  codes: { system: string; code: string; display: string }[];
}

export const RACE_ADJUSTED_CALCULATORS: readonly RaceAdjustedCalculator[] = [
  {
    id: 'egfr_ckd_epi_2009',
    name: 'eGFR, CKD-EPI 2009 creatinine',
    race_term: '× 1.159 if Black',
    source: 'Levey AS et al. Ann Intern Med 2009;150:604',
    replacement: 'CKD-EPI 2021 race-free (Inker LA et al. N Engl J Med 2021;385:1737)',
    codes: [
      {
        system: 'http://loinc.org',
        code: '48643-1',
        display: 'eGFR/1.73 sq M among black population (MDRD/CKD-EPI)',
      },
      { system: 'http://loinc.org', code: '48642-3', display: 'eGFR/1.73 sq M among non-black population' },
      { system: 'http://loinc.org', code: '88293-6', display: 'eGFR/1.73 sq M (CKD-EPI) Black' },
      { system: 'http://loinc.org', code: '88294-4', display: 'eGFR/1.73 sq M (CKD-EPI) non-Black' },
    ],
  },
  {
    id: 'vbac_mfmu_2007',
    name: 'VBAC calculator (MFMU 2007)',
    race_term: 'African American or Hispanic lowers the predicted success',
    source: 'Grobman WA et al. Obstet Gynecol 2007;109:806',
    replacement: 'MFMU 2021 calculator without race (Grobman WA et al. Am J Obstet Gynecol 2021;225:664.e1)',
    // Codes not yet verified against the terminology release: none listed rather than a guessed one.
    codes: [],
  },
  {
    id: 'spirometry_gli_2012',
    name: 'Spirometry reference equations, GLI-2012 race-specific',
    race_term: 'separate equations by ethnicity',
    source: 'Quanjer PH et al. Eur Respir J 2012;40:1324',
    replacement: 'GLI Global 2022 race-neutral (Bowerman C et al. Am J Respir Crit Care Med 2023;207:768)',
    // Codes not yet verified against the terminology release: none listed rather than a guessed one.
    codes: [],
  },
  {
    id: 'kdri_2009',
    name: 'Kidney Donor Risk Index',
    race_term: 'donor African American race raises the risk index',
    source: 'Rao PS et al. Transplantation 2009;88:231',
    replacement: 'OPTN refit KDRI without race (2024)',
    codes: [{ system: 'http://snomed.info/sct', code: '70536003', display: 'Transplantation of kidney' }],
  },
];

/** Which calculators' codes appear among the given codes, with the count of uses. */
export function findRaceAdjustedUse(
  used: ReadonlyMap<string, number>,
): { id: string; name: string; code: string; count: number }[] {
  return RACE_ADJUSTED_CALCULATORS.flatMap((c) =>
    c.codes
      .filter((k) => (used.get(k.code) ?? 0) > 0)
      .map((k) => ({ id: c.id, name: c.name, code: k.code, count: used.get(k.code) ?? 0 })),
  );
}
