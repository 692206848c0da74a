/**
 * Errors are data on the server too: handlers throw an {@link EquilensError} or a {@link ServerError}, and
 * {@link httpStatus} maps each code to an HTTP status in this one place. The body is always
 * `{error: {code, message, details}}`.
 */
import type { EquilensError } from '../errors.js';
import { normalizeError, type ErrorDetails } from '../errors.js';

export type ServerErrorCode =
  /** Not signed in (or the session/token expired). */
  | 'unauthenticated'
  /** Signed in, but the role may not do this. */
  | 'forbidden'
  /** A state-changing request without a valid CSRF token. */
  | 'csrf'
  /** Too many attempts (login): wait and retry. */
  | 'rate_limited'
  /** The record changed or already exists. */
  | 'conflict'
  /** A single-use link that expired or was already used. */
  | 'gone'
  /** The application store was written by a newer Equilens. */
  | 'store_too_new';

export class ServerError extends Error {
  readonly code: ServerErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ServerErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ServerError';
    this.code = code;
    this.details = details;
  }
}

const STATUS: Record<string, number> = {
  invalid_input: 400,
  invalid_config: 400,
  usage: 400,
  not_found: 404,
  small_cell: 403,
  not_applicable: 422,
  /** The server's disk or permissions: the operator's to fix, not the client's (message not leaked). */
  io_failure: 503,
  engine_failure: 500,
  internal: 500,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  rate_limited: 429,
  conflict: 409,
  gone: 410,
  store_too_new: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetails };
}

/** The HTTP status and JSON body of anything thrown. Internal errors do not leak their message. */
export function toHttp(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ServerError)
    return {
      status: STATUS[err.code]!,
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  const e: EquilensError = normalizeError(err);
  const status = STATUS[e.code] ?? 500;
  const message = status >= 500 ? 'Something went wrong on the server; the error was logged.' : e.message;
  return { status, body: { error: { code: e.code, message, details: status >= 500 ? {} : e.details } } };
}
