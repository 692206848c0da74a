/** The workforce tables of a workspace: versions apart from the patient datasets (tables.ts). */
export {
  createWorkforceVersion,
  getWorkforceVersion,
  listWorkforceVersions,
  type NewWorkforceVersion,
  type WorkforceVersion,
} from './catalog.js';
export { readWorkforceEmployees, readWorkforceRejections, readWorkforceUnmapped } from './read.js';
export { EMPLOYEE_COLUMNS, workforceSchema } from './tables.js';
