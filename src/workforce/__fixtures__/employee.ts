import type { Employee } from '../employees.js';

/** An employee for tests: a full-time White female nurse at L1, no events, unless `over` says otherwise. */
export const emp = (over: Partial<Employee>): Employee => ({
  line: 2,
  id: 'E',
  period: '',
  race_ethnicity: 'White',
  sex: 'Female',
  job_family: 'Nursing',
  level: 'L1',
  department: 'Medicine',
  tenure_years: 1,
  fte: 1,
  pay: 50000,
  hired: false,
  promoted: false,
  exited: false,
  ...over,
});
