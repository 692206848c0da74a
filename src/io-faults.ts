/**
 * Faults of the machine rather than of Equilens: a full disk, a read-only file system, a permission denied.
 * They are named (what and where) and are the user's to fix (exit 1), never reported as a bug. Recognised
 * from Node's `errno` codes and from the SQL engine's messages, which carry the operating system's text.
 * Pure: it reads the error only.
 */

export type IoFaultKind = 'disk_full' | 'read_only' | 'permission' | 'quota';

export interface IoFault {
  kind: IoFaultKind;
  /** The file or folder named by the error, when it names one. */
  path?: string;
  /** The operating system's words, e.g. "No space left on device". */
  reason: string;
}

const BY_ERRNO: Readonly<Record<string, IoFaultKind>> = {
  ENOSPC: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'permission',
  EPERM: 'permission',
  EDQUOT: 'quota',
};

const REASON: Readonly<Record<IoFaultKind, string>> = {
  disk_full: 'No space left on device',
  read_only: 'Read-only file system',
  permission: 'Permission denied',
  quota: 'Disk quota exceeded',
};

const BY_TEXT: readonly [RegExp, IoFaultKind][] = [
  [/no space left on device/i, 'disk_full'],
  [/read-only file system/i, 'read_only'],
  // A file's permission (not, say, a database role's).
  [/(?:file|directory)\b.*(?:permission denied|operation not permitted)/i, 'permission'],
  [/disk quota exceeded/i, 'quota'],
];

/** The I/O fault `err` (or its cause) reports, or undefined when it is not one. */
export function ioFault(err: unknown, depth = 0): IoFault | undefined {
  if (!(err instanceof Error) || depth > 3) return undefined;
  const e = err as Error & { code?: unknown; path?: unknown; dest?: unknown };
  const byCode = typeof e.code === 'string' ? BY_ERRNO[e.code] : undefined;
  const byText = BY_TEXT.find(([re]) => re.test(e.message))?.[1];
  const kind = byCode ?? byText;
  if (!kind) return ioFault(e.cause, depth + 1);
  const named =
    typeof e.path === 'string' ? e.path : /(?:file|directory|database)\s+"([^"]+)"/i.exec(e.message)?.[1];
  return { kind, reason: REASON[kind], ...(named ? { path: named } : {}) };
}

/**
 * What failed, in one sentence that reads after the `file: ` prefix the CLI prints (the path is in
 * `details.file`), and how to fix it. E.g. `/ws/equilens.duckdb: No space left on device while writing it.`
 */
export function describeIoFault(f: IoFault): { message: string; fix: string } {
  const it = f.path ? 'it' : 'to disk';
  switch (f.kind) {
    case 'disk_full':
    case 'quota':
      return {
        message: `${f.reason} while writing ${it}.`,
        fix: 'Free space on that disk, or put the workspace (--workspace) or the outputs (--out) on a disk with room, and run the command again.',
      };
    case 'read_only':
      return {
        message: `${f.reason}: cannot write ${f.path ? 'there' : 'to that folder'}.`,
        fix: 'Use a writable folder (--workspace, --out). datasets and quality only read the workspace, and so does analyze once its public edition is recorded there.',
      };
    case 'permission':
      return {
        message: `${f.reason}: this user may not ${f.path ? 'read or write it' : 'read or write there'}.`,
        fix: 'Check the permissions of the file and its folder (ls -l), or use a folder you own (--workspace, --out).',
      };
  }
}
