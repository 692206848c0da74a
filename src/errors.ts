/**
 * Errors are data. Every error Equilens raises on purpose is an {@link EquilensError} with a stable `code`,
 * a message that says what was wrong and how to fix it, and structured `details` (file, line, column, key
 * path…). The CLI maps codes to exit codes in one place (`cli/exit-codes.ts`), the server to HTTP status.
 *
 * Never put patient-level values in a message: name the file, line and column instead.
 */
import { describeIoFault, ioFault } from './io-faults.js';
import type { WarningCode } from './warnings.js';

export type ErrorCode =
  /** The user's input (a file, a row, an option) is wrong. */
  | 'invalid_input'
  /** The project config (equilens.yaml) is wrong. */
  | 'invalid_config'
  /** A command-line usage error: unknown option, missing argument. */
  | 'usage'
  /** Something the user named does not exist (file, dataset version, measure). */
  | 'not_found'
  /** An operation would expose a small cell (e.g. a public report from unsuppressed data). */
  | 'small_cell'
  /** A statistic does not apply to this input (usually a warning, not an error). */
  | 'not_applicable'
  /** The machine refused a read or write: disk full, read-only file system, permission denied (see io-faults.ts). */
  | 'io_failure'
  /** The SQL engine failed. */
  | 'engine_failure'
  /** A bug: anything we did not anticipate. */
  | 'internal';

/** Where in a file the problem is. Lines and columns are 1-based; `column` may be a name. */
export interface Location {
  file?: string;
  line?: number;
  column?: string | number;
  /** A config key path such as `mapping.race.values.B`. */
  path?: string;
}

/**
 * The step that fixes an error, for a front end to word its own way (the CLI names a command and its
 * options, src/cli/hints.ts; a web page a button). Library messages and `fix` stay free of CLI wording.
 */
export type NextStep =
  /** Create a project config (CLI: `equilens init`, or --config PATH). */
  | 'create_config'
  /** Load data into the workspace (CLI: `equilens ingest`). */
  | 'ingest'
  /** Load the HR extract of the config's workforce: section (CLI: `equilens ingest --workforce`). */
  | 'ingest_workforce'
  /** Run the analysis (CLI: `equilens analyze`, or --results PATH). */
  | 'analyze'
  /** Build the public edition from suppressed results (CLI: --results out/results.public.json --audience public). */
  | 'analyze_public'
  /** No workspace where one was looked for (CLI: `equilens ingest`, or --workspace DIR). */
  | 'workspace_missing'
  /** Another process holds the workspace (CLI: another --workspace). */
  | 'workspace_busy'
  /** Name the input file (CLI: --data FILE). */
  | 'input_path'
  /** Start the server (CLI: `equilens serve`). */
  | 'serve'
  /** Audit the model first (CLI: `equilens audit-model --out DIR`). */
  | 'audit_model'
  /** Audit the model for a public audience (CLI: `equilens audit-model --audience public`). */
  | 'audit_model_public'
  /** See which dataset versions the workspace holds (CLI: `equilens datasets`). */
  | 'list_datasets'
  /** The analysis output is incomplete: run it again (CLI: `equilens analyze`). */
  | 'rerun_analysis'
  /** Start from the default synthetic-data spec (CLI: `equilens synth --print-spec`). */
  | 'synth_spec';

export interface ErrorDetails extends Location {
  /** How to fix it, in one sentence. Also appended to the message. */
  fix?: string;
  /** The step that fixes it, for a front end to word (see {@link NextStep}). */
  next?: NextStep;
  [key: string]: unknown;
}

export class EquilensError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EquilensError';
    this.code = code;
    this.details = details;
  }

  /** `file:line:column: message. fix` — the one-line form printed to a terminal. */
  describe(): string {
    const { file, line, column, path, fix } = this.details;
    const where = [file, line, column].filter((x) => x !== undefined && x !== '').join(':');
    const at = path ? ` (at ${path})` : '';
    const prefix = where ? `${where}: ` : '';
    const suffix = fix && !this.message.includes(fix) ? ` ${fix}` : '';
    return `${prefix}${this.message}${at}${suffix}`;
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * An error the SQL engine raised, wrapped by its driver (src/engine/duckdb, src/engine/postgres) so that it
 * is recognised by type, not by matching the engine's name in a stack. The engine's own error is `cause`.
 */
export class EngineError extends EquilensError {
  /** The engine's name (`duckdb`, `postgres`, `pglite`). */
  readonly engine: string;

  constructor(engine: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const sqlState = (cause as { code?: unknown } | null)?.code;
    super('engine_failure', message, typeof sqlState === 'string' ? { sqlState } : {}, { cause });
    this.name = 'EngineError';
    this.engine = engine;
  }
}

/** Codes an I/O fault refines: a full disk reported by the engine is the machine's fault, not a bug. */
const REFINED: ReadonlySet<ErrorCode> = new Set(['engine_failure', 'internal']);

/** Shorthand constructors, so call sites read as sentences. */
export const invalidInput = (message: string, details?: ErrorDetails): EquilensError =>
  new EquilensError('invalid_input', message, details);
export const invalidConfig = (message: string, details?: ErrorDetails): EquilensError =>
  new EquilensError('invalid_config', message, details);
export const notFound = (message: string, details?: ErrorDetails): EquilensError =>
  new EquilensError('not_found', message, details);
export const usageError = (message: string, details?: ErrorDetails): EquilensError =>
  new EquilensError('usage', message, details);

/**
 * Turn anything thrown into an EquilensError: ours (EngineError included: the drivers wrap what the engine
 * throws) stay as they are, and anything else is `internal`, a bug — except that a full disk, a read-only
 * file system or a denied permission (also one wrapped as an engine failure) becomes `io_failure`, which
 * names what failed and where.
 */
export function normalizeError(err: unknown): EquilensError {
  const fault = err instanceof EquilensError && !REFINED.has(err.code) ? undefined : ioFault(err);
  if (fault) {
    const { message, fix } = describeIoFault(fault);
    const prior = err instanceof EquilensError ? err.details : {};
    return new EquilensError(
      'io_failure',
      message,
      { ...prior, ...(fault.path ? { file: fault.path } : {}), fix, fault: fault.kind },
      { cause: err },
    );
  }
  if (err instanceof EquilensError) return err;
  if (err instanceof Error) return new EquilensError('internal', err.message, {}, { cause: err });
  return new EquilensError('internal', String(err));
}

/** An error as plain data that survives structured cloning (a worker thread's postMessage) and JSON. */
export interface ErrorData {
  name: string;
  message: string;
  /** An EquilensError's code, or a Node.js error's (e.g. Z_DATA_ERROR). */
  code?: string;
  /** Present for an EquilensError only. */
  details?: ErrorDetails;
  /** Present for an EngineError only. */
  engine?: string;
  stack?: string;
}

/** `err` as {@link ErrorData}: an EquilensError keeps its code and details, a Node.js error its code. */
export function errorData(err: unknown): ErrorData {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const base: ErrorData = {
    name: err.name,
    message: err.message,
    ...(err.stack ? { stack: err.stack } : {}),
  };
  if (!(err instanceof EquilensError)) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? { ...base, code } : base;
  }
  // Details are plain values by convention; a copy through JSON drops anything that would not clone.
  const details = JSON.parse(JSON.stringify(err.details)) as ErrorDetails;
  return { ...base, code: err.code, details, ...(err instanceof EngineError ? { engine: err.engine } : {}) };
}

/** The error {@link errorData} describes, rebuilt: an EquilensError (or EngineError) with its code and details. */
export function fromErrorData(data: ErrorData): Error {
  let err: Error;
  if (data.engine !== undefined) {
    err = new EngineError(data.engine, new Error(data.message));
    Object.assign((err as EngineError).details, data.details);
  } else if (data.details !== undefined)
    err = new EquilensError((data.code ?? 'internal') as ErrorCode, data.message, data.details);
  else {
    err = Object.assign(new Error(data.message), data.code ? { code: data.code } : {});
    err.name = data.name;
  }
  if (data.stack) err.stack = data.stack;
  return err;
}

/**
 * A non-fatal problem attached to a result (warnings are data, not console noise).
 * `code` is stable and machine-readable; `message` is for people.
 */
export interface Warning {
  /** A code from the warning catalogue (src/warnings.ts). */
  code: WarningCode;
  message: string;
  [key: string]: unknown;
}
