/** The equity report: results.json → one self-contained report.html (see build-report.ts). */
export { buildReport, type Edition, type ReportOptions } from './build-report.js';
export { configuredDefinitions, type ConfiguredMeasure, type LocalisedDefinition } from './localise.js';
export type { Provenance } from './provenance.js';
export { writeReport, readResults, type WriteReportOptions } from './write-report.js';
export { assertPublic } from './public-guard.js';
export { createLocale, LANGS, type Lang, type Locale } from './i18n.js';
export { measureScale, perUnit, type MeasureScale } from './measure-scale.js';
export type { MeasureDefinition } from './methods-section.js';
