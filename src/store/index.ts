/** The application store: accounts, sessions, organisation, analyses (aggregates) and the audit log. */
export { openStore, type Store, type StoreOptions } from './open.js';
export { migrate, MIGRATION_TABLE } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export { audit, listAudit, type Change } from './audit.js';
export * from './users.js';
export * from './sessions.js';
export * from './login-failures.js';
export * from './analyses.js';
export * from './units.js';
export * from './api-tokens.js';
export * from './invites.js';
export * from './jobs.js';
export * from './memberships.js';
export type * from './schema.js';
export * from './sign-in-links.js';
export * from './algorithms.js';
export * from './equity-results.js';
