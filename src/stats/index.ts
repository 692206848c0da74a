/**
 * The statistics core: pure functions, no I/O, no clock. Named exports only.
 */
export {};
