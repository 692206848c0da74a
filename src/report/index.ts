export { assertPublic, buildReport, writeReport, type Lang, type ReportOptions } from './build-report.js';
