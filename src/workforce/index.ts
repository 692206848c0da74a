/** Workforce equity: representation by level, hiring/promotion/exit rates, the pay gap. Pure: rows in, results out. */
export {
  readEmployees,
  readEmployeeRows,
  fileReading,
  EMPLOYEE_COLUMNS,
  EMPLOYEE_FIELDS,
  type Cell,
  type Employee,
  type EmployeeField,
  type EmployeeReading,
  type Labels,
  type EmployeeRecords,
  type ReadEmployees,
  type Rejection,
} from './employees.js';
export { WORKFORCE_ATTRIBUTES, type WorkforceAttribute } from './groups.js';
export { representation, type RepresentationRow, type Shares } from './representation.js';
export { rates, WORKFORCE_EVENTS, type RateRow, type WorkforceEvent } from './rates.js';
export { payGap, PAY_GAP_METHOD, type PayGapRow } from './pay-gap.js';
export { suppressedCells, WORKFORCE_MINIMUM, WORKFORCE_THRESHOLD, type Public } from './suppress.js';
export { workforceReport, type WorkforceReport } from './workforce-report.js';
