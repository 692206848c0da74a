/**
 * The warning catalogue: every `Warning.code` Equilens emits, with a one-line meaning. Warnings are data
 * (src/errors.ts `Warning`); their codes are a public contract (results.json, CLI JSON output), added to,
 * never renamed. A new warning starts here: `Warning.code` is typed from this list, so an unlisted code
 * fails `tsc`, and results.json's schema accepts exactly these codes.
 */
export const WARNING_CODES = {
  // Statistics (src/stats)
  zero_denominator: 'The denominator (population) is 0, so there is no proportion or rate.',
  no_values: 'There are no values, so there is no mean.',
  single_value: 'There is one value, so no interval can be computed.',
  no_events: 'There are no events, so Dobson limits of a standardised rate are undefined.',
  few_events: 'Few events: the standardised rate is withheld, or its interval is unstable.',
  zero_population_band: 'An age band has no population, so it adds nothing to the standardised rate.',
  no_expected: 'No events are expected, so there is no observed/expected ratio.',
  standard_band_split: "A standard population's age band was split to match the data's bands.",
  standard_bands_not_covered: "Some of the standard population's age bands are not in the data.",
  events_without_population: 'An age band has events but no population, so no rate can be standardised.',
  // SPC (src/stats/spc)
  missing_value: 'A period has no value; it is skipped by the rules.',
  overdispersion: 'The counts vary more than a p-chart assumes; the Laney p′ chart was used.',
  baseline_longer_than_phase: 'The baseline asked for is longer than the phase; the whole phase was used.',
  too_few_points: 'Too few points for the rule or the limits to be meaningful.',
  no_data: 'There is nothing to compute from (no points, groups or rows).',
  // WHO HEAT summary measures (src/stats/inequality)
  no_estimates: 'No subgroup has an estimate.',
  needs_ordered_dimension: 'The measure applies only to ordered dimensions (such as wealth quintiles).',
  needs_non_ordered_dimension: 'The measure applies only to non-ordered dimensions (such as region).',
  too_few_subgroups: 'Too few subgroups have an estimate for the measure.',
  invalid_subgroup_order: 'An ordered dimension needs a distinct order for every subgroup.',
  missing_estimates: 'Some subgroups have no estimate (left out, or the measure is not computed).',
  needs_population: 'The measure is weighted by population, and populations are missing.',
  no_population: 'A population is missing: no interval (PAR, PAF), or nothing to standardise.',
  needs_reference_subgroup: 'The measure needs one reference subgroup with an estimate.',
  several_reference_subgroups: 'More than one subgroup is marked as the reference.',
  mean_zero: 'The average is 0, so a relative measure is undefined.',
  all_estimates_zero: 'Every estimate is 0, so the measure is undefined.',
  negative_estimates: 'An estimate is negative, which the measure cannot take.',
  division_by_zero: 'The measure divides by a subgroup estimate of 0.',
  ratio_not_positive: 'A ratio needs positive estimates; its log interval is undefined.',
  regression_failed: 'The regression behind SII or RII could not be fitted.',
  linear_model: "SII or RII used weighted least squares instead of WHO HEAT's logistic regression.",
  zero_estimate_replaced:
    'Estimates of 0 were replaced by 0.000001 (as WHO HEAT does); the value depends on it.',
  rates_out_of_range: 'A Healthy People measure needs rates within the indicator scale (or non-negative).',
  not_finite: 'The result is not a finite number, so it is reported as absent.',
  interval_not_finite: 'The interval is not finite, so only the estimate is given.',
  no_standard_errors: 'Some subgroups have no standard error, so there is no interval.',
  best_rate_zero: 'The best group rate is 0, so rates relative to it are undefined.',
  unknown_measure: 'The inequality measure code is not a WHO HEAT code.',
  assumed_favourable: 'favourable_indicator was absent: higher was taken as better (the WHO HEAT default).',
  // Analysis (src/analysis, src/engine/analysis)
  unknown_standard: 'The standard population named is unknown; rates were not standardised.',
  no_age_band: 'Standardisation needs an age_band column; rates were not standardised.',
  reference_not_found: 'The reference group named in the config is not in the data; the largest was used.',
  pin_not_found: 'A finding pinned in analysis.ranking.pin matches no finding of this run.',
  stratifier_skipped: 'A stratifier with too many groups is not analysed by default (list it to include it).',
  // Measures (src/engine/measures)
  library_no_clinical_events: 'Library measures need clinical events, and the dataset has none.',
  library_empty_denominator: 'A library measure has nobody in its denominator.',
  library_direction_differs: "The config's direction differs from the library measure's.",
  // Ingest (src/ingest)
  birth_date_invalid: 'Some birth dates are not dates: those people are loaded with age Unknown.',
  zip_padded: 'Some ZIP codes had lost their leading zero (4 digits): read with the zero put back.',
  duplicate_units: 'Some rows repeat the unit id of an earlier row: each unit is counted once.',
  literal_never_matches:
    'A mapping expression compares a column with a value no row has (check the spelling).',
  facet_ignored: 'A facet that is not supported yet was ignored.',
  patients_merged: 'Patient ids found in more than one source were merged into one person each.',
  fhir_ignored_types: 'FHIR resource types Equilens does not read were accepted and ignored.',
  fhir_age_reference: 'Age bands were computed at a date Equilens chose; set as_of to choose it.',
  omop_tables_absent: 'Some OMOP CDM tables are absent; what they hold is Missing.',
  omop_no_concept_table: 'There is no OMOP CONCEPT table, so concept names are not known.',
  omop_birth_date_partial: 'Some OMOP birth dates are partial (year only); month or day were assumed.',
  omop_visit_concepts_unmapped: 'Some OMOP visit concepts map to no encounter class.',
  omop_no_age_reference: 'No date to compute OMOP ages at was found.',
  omop_sdoh_unanswered: 'Some OMOP social-needs questions have no answer.',
  // Suppression (src/suppression)
  small_areas_folded: 'Areas with small populations were folded into one "other areas" group.',
  below_public_minimum: 'The suppression settings are below the public minimum: not a public edition.',
  small_cells_suppressed: 'Small cells (and their complements) were suppressed to protect privacy.',
  rates_rounded: 'Large groups are shown with rounded rates and withheld counts, to protect a small cell.',
  unstable_rates: 'Some shown rates have a relative standard error above the limit: flagged unstable.',
  quality_rows_suppressed: 'Data-quality rows with small counts were left out of the public edition.',
  overall_suppressed: "The measure's overall counts are below the threshold.",
  reference_suppressed: 'The reference group is suppressed, so comparisons with it are withheld.',
  summary_suppressed: 'Summary measures of a stratum with suppressed groups are withheld.',
  identifying_label_withheld: 'A group label that could identify a person was withheld.',
} as const satisfies Record<string, string>;

export type WarningCode = keyof typeof WARNING_CODES;

/** Every code, for the results.json schema. */
export const WARNING_CODE_LIST = Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]];

/** True for a code in the catalogue (for values read from outside, e.g. a results.json). */
export const isWarningCode = (code: string): code is WarningCode =>
  Object.prototype.hasOwnProperty.call(WARNING_CODES, code);
