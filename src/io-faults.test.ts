import { describe, expect, it } from 'vitest';
import { EquilensError, normalizeError } from './errors.js';
import { ioFault } from './io-faults.js';
import { exitCodeFor } from './cli/exit-codes.js';
import { toHttp } from './server/errors.js';

const errno = (code: string, path: string): Error =>
  Object.assign(new Error(`${code}: failed, open '${path}'`), { code, path });

describe('I/O faults are named, not bugs', () => {
  it('recognises Node errno codes with their path', () => {
    expect(ioFault(errno('ENOSPC', '/out/results.json'))).toEqual({
      kind: 'disk_full',
      path: '/out/results.json',
      reason: 'No space left on device',
    });
    expect(ioFault(errno('EROFS', '/ws'))?.kind).toBe('read_only');
    expect(ioFault(errno('EACCES', '/ws'))?.kind).toBe('permission');
  });

  it("recognises the engine's messages and the file they name", () => {
    const duck = new Error(
      'IO Error: Could not write file "/ws/equilens.duckdb.wal": No space left on device',
    );
    expect(ioFault(duck)).toEqual({
      kind: 'disk_full',
      path: '/ws/equilens.duckdb.wal',
      reason: 'No space left on device',
    });
    const ro = new Error('IO Error: Cannot open file "/ws/equilens.duckdb": Read-only file system');
    expect(ioFault(ro)?.kind).toBe('read_only');
  });

  it('leaves other errors alone (a database role is not a file permission)', () => {
    expect(ioFault(new Error('permission denied for table patients'))).toBeUndefined();
    expect(ioFault(new Error('Binder Error: column x not found'))).toBeUndefined();
    expect(ioFault('No space left on device')).toBeUndefined();
  });

  it('normalizeError turns one (also wrapped as an engine failure) into io_failure: exit 1, HTTP 503', () => {
    const cause = new Error('IO Error: Could not write file "/ws/x.wal": No space left on device');
    const wrapped = new EquilensError('engine_failure', 'Could not open', { file: '/ws' }, { cause });
    for (const e of [cause, wrapped]) {
      const n = normalizeError(e);
      expect(n.code).toBe('io_failure');
      expect(n.details.file).toBe('/ws/x.wal');
      expect(n.describe()).toMatch(/^\/ws\/x\.wal: No space left on device while writing it\. Free space/);
      expect(exitCodeFor(n.code)).toBe(1);
    }
    expect(toHttp(cause).status).toBe(503);
    // An input error that mentions a permission stays the input error it is.
    const input = new EquilensError('invalid_input', 'Could not read x.csv: Permission denied');
    expect(normalizeError(input)).toBe(input);
  });
});
