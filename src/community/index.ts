/** Who we serve: catchment, community comparison and payer mix. Pure: counts in, results out. */
export { sviAreas, longAreas, type AreaTable, type CommunityCount, type Records } from './areas.js';
export { readPatientCounts, type PatientCount } from './patient-counts.js';
export { patientsByArea, selectCatchment, DEFAULT_CATCHMENT_SHARE, type Catchment } from './catchment.js';
export { communityShares, type CommunityShare } from './community-share.js';
export { compareMix, patientGroups, type ComparisonRow, type PatientGroupCounts } from './compare.js';
export { inclusivityIndex, type InclusivityIndex } from './inclusivity.js';
export {
  catchmentAreas,
  communityReport,
  type CommunityArea,
  type CommunityReport,
} from './community-report.js';
export {
  binomialTwoSided,
  DEFAULT_PAYER_GROUPS,
  PAYER_ATTRIBUTE,
  PAYER_MIX_METHOD,
  payerMixReport,
  payerMixSystem,
  payerMixUnits,
  type PayerMixReport,
  type PayerMixSystem,
  type PayerMixUnit,
} from './payer-mix.js';
