/** Moved to src/ingest/aggregate/read-table.ts (the server reads aggregate files too); kept for imports. */
export * from '../ingest/aggregate/read-table.js';
