/**
 * Reading a large FHIR source on several threads. JSON.parse and extraction are the bulk of the work and run
 * on one thread at a time in JavaScript, so the source is cut into tasks (read-task.ts) — chunks of whole
 * lines of each NDJSON file (read here, numbered by counting newlines, and handed over without a copy), and
 * whole gzip or Bundle files — which reader workers (read-worker.ts) and the main thread extract into their
 * own staged files. Results are merged in task order, so the staged rows, rejections, counts and warnings
 * are those reading on one thread gives: each file's account, the ignored types and unmapped codes in
 * first-seen order, the staged files queued for loading in reading order, duplicate Patients counted across
 * tasks in order. Once every Patient file is read, its ids are sent to the readers, so later references to
 * them are not staged for the missing-patient check (a reference staged anyway is checked in SQL with the
 * same outcome).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { EquilensError, fromErrorData } from '../../errors.js';
import { isPatientFile, type FhirInput } from './inputs.js';
import { runTask, type TaskResult, type TaskSource } from './read-task.js';
import type { ReadSummary } from './read-source.js';
import type { FromWorker, ToWorker } from './read-worker.js';
import type { StagedTable } from './stage.js';
import type { StageLoader } from './stage-loader.js';

export interface ParallelOptions {
  /** Reader threads: the main thread and `threads - 1` workers. */
  threads: number;
  /** NDJSON files are cut into tasks of about this many bytes (whole lines). */
  chunkBytes: number;
}

/** The worker's module, and (from TypeScript sources: tests, benches) the tsx loader it needs; null if none. */
function workerEntry(): { url: URL; tsx?: string } | null {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('./read-worker.js', here) };
  try {
    return { url: new URL('./read-worker.ts', here), tsx: import.meta.resolve('tsx/esm/api') };
  } catch {
    return null; // TypeScript sources run without tsx at hand: read on one thread
  }
}

/** Whether reader workers can be started here. */
export const canStartWorkers = (): boolean => workerEntry() !== null;

function startWorker(dir: string): Worker {
  const entry = workerEntry();
  if (!entry)
    throw new EquilensError(
      'internal',
      'FHIR reader workers cannot start: the TypeScript sources run without tsx (read on one thread instead).',
    );
  if (!entry.tsx) return new Worker(entry.url, { workerData: { dir } });
  const code = `import(${JSON.stringify(entry.tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(code, { eval: true, workerData: { dir } });
}

const NEWLINE = 10;

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE, 0); i >= 0 && i < end; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * Chunk buffers, used again once their task is done: allocating 8 MiB outside the JavaScript heap for every
 * chunk would make V8 run full garbage collections (external memory pressure) on every thread they visit.
 */
class ChunkBuffers {
  private readonly free: ArrayBuffer[] = [];

  /** A buffer of at least `size` bytes. */
  take(size: number): ArrayBuffer {
    const i = this.free.findIndex((b) => b.byteLength >= size);
    return i >= 0 ? this.free.splice(i, 1)[0]! : new ArrayBuffer(size);
  }

  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && this.free.length < 6) this.free.push(buffer);
  }
}

/**
 * Chunks of whole lines of an NDJSON file, each in its own buffer (transferred to a worker, then given
 * back), with the number of its first line. A line longer than `size` makes a larger chunk.
 */
function* ndjsonChunks(
  path: string,
  fileIdx: number,
  size: number,
  buffers: ChunkBuffers,
): Generator<TaskSource> {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.from(buffers.take(size));
    let filled = 0; // bytes in buf: the carried-over start of a line, then what was read
    let firstLine = 1;
    for (let eof = false; !eof;) {
      while (filled < buf.length) {
        const n = readSync(fd, buf, filled, buf.length - filled, null);
        if (n === 0) {
          eof = true;
          break;
        }
        filled += n;
      }
      const cut = eof ? filled : buf.lastIndexOf(NEWLINE, filled - 1) + 1;
      // The next buffer starts with the line this one cuts (grown when no line ends in this one).
      const carry = filled - cut;
      const next = Buffer.from(buffers.take(cut === 0 ? buf.length * 2 : Math.max(size, carry * 2)));
      buf.copy(next, 0, cut, filled);
      filled = carry;
      if (cut > 0) {
        const lines = countNewlines(buf, cut); // before the buffer is handed over (and detached)
        yield { fileIdx, bytes: buf.subarray(0, cut), firstLine };
        firstLine += lines;
      } else buffers.give(buf.buffer as ArrayBuffer);
      buf = next;
    }
    buffers.give(buf.buffer as ArrayBuffer);
  } finally {
    closeSync(fd);
  }
}

function* tasksOf(
  inputs: readonly FhirInput[],
  chunkBytes: number,
  buffers: ChunkBuffers,
): Generator<TaskSource> {
  for (let fileIdx = 0; fileIdx < inputs.length; fileIdx++) {
    const input = inputs[fileIdx]!;
    if (input.kind === 'ndjson' && !input.gzip) yield* ndjsonChunks(input.path, fileIdx, chunkBytes, buffers);
    else yield { fileIdx, input };
  }
}

/** The error a worker reported, rebuilt on this thread (an EquilensError stays one, with code and details). */
const workerError = (m: Extract<FromWorker, { type: 'error' }>): Error => fromErrorData(m.error);

/** Tasks a worker holds at once (the one it runs and the next), so it never waits for the main thread. */
const DEPTH = 2;

/**
 * Read every input on `options.threads` threads: the main thread takes a task itself whenever every worker
 * has enough queued (pausing between batches, so results are merged and loads start meanwhile). Staged
 * files are queued on `loader` in reading order.
 */
export async function readParallel(
  inputs: readonly FhirInput[],
  loader: StageLoader,
  options: ParallelOptions,
  progress?: (done: number) => void,
): Promise<ReadSummary> {
  const summary: ReadSummary = {
    files: inputs.map((i) => ({ file: i.path, read: 0, loaded: 0, rejected: 0 })),
    ignored: new Map(),
    unmapped: new Map(),
    resources: 0,
    duplicatePatients: 0,
    flags: new Set(),
    staged: {},
  };
  const patients = new Set<string>();
  const merge = (r: TaskResult): void => {
    const account = summary.files[r.fileIdx]!;
    account.read += r.read;
    account.rejected += r.rejected;
    for (const [k, n] of r.ignored) summary.ignored.set(k, (summary.ignored.get(k) ?? 0) + n);
    for (const [k, n] of r.unmapped) summary.unmapped.set(k, (summary.unmapped.get(k) ?? 0) + n);
    for (const f of r.flags) summary.flags.add(f);
    for (const [t, n] of Object.entries(r.staged) as [StagedTable, number][])
      summary.staged[t] = (summary.staged[t] ?? 0) + n;
    for (const id of r.patientIds) {
      if (patients.has(id)) summary.duplicatePatients++;
      else patients.add(id);
    }
    for (const f of r.files) loader.add(f);
    summary.resources += r.read;
    progress?.(summary.resources);
  };

  const pool = Array.from({ length: Math.max(1, options.threads - 1) }, () => ({
    worker: startWorker(loader.dir),
    inflight: 0,
  }));
  const results = new Map<number, TaskResult>();
  const buffers = new ChunkBuffers();
  let failure: Error | undefined;
  let wake: () => void = () => undefined;
  for (const slot of pool) {
    slot.worker.on('message', (m: FromWorker) => {
      if (m.type === 'done') {
        if (m.buffer) buffers.give(m.buffer);
        results.set(m.result.idx, m.result);
        slot.inflight--;
      } else failure ??= workerError(m);
      wake();
    });
    slot.worker.on('error', (err) => {
      failure ??= err;
      wake();
    });
    slot.worker.on('exit', (code) => {
      failure ??= new EquilensError(
        'internal',
        `A FHIR reader worker stopped (exit code ${code}) before finishing its tasks.`,
      );
      wake();
    });
  }

  let posted = 0;
  let merged = 0;
  /** Tasks before this index are of Patient files; their ids are sent once all are merged. */
  let patientTasks = -1;
  let patientsSent = false;
  const mergeReady = (): void => {
    for (let r = results.get(merged); r; r = results.get(merged)) {
      results.delete(merged);
      merge(r);
      merged++;
    }
    if (!patientsSent && patientTasks > 0 && merged >= patientTasks) {
      patientsSent = true;
      const msg: ToWorker = { type: 'patients', ids: [...patients] };
      for (const slot of pool) slot.worker.postMessage(msg);
      for (const id of patients) known.add(id);
    }
  };
  const until = async (done: () => boolean): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      mergeReady();
      if (done()) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  /** Patient ids the main thread's own tasks treat as read (as a worker's: see read-worker.ts). */
  const known = new Set<string>();
  const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  try {
    for (const t of tasksOf(inputs, options.chunkBytes, buffers)) {
      const idx = posted++;
      if (patientTasks < 0 && !isPatientFile(inputs[t.fileIdx]!.path)) patientTasks = idx;
      await until(() => true);
      const slot = pool.reduce((a, b) => (b.inflight < a.inflight ? b : a));
      if (slot.inflight < DEPTH) {
        slot.inflight++;
        const msg: ToWorker = { type: 'task', task: { ...t, idx } };
        slot.worker.postMessage(msg, 'bytes' in t ? [t.bytes.buffer as ArrayBuffer] : []);
      } else {
        results.set(idx, await runTask({ ...t, idx }, loader.dir, known, pause));
        if ('bytes' in t) buffers.give(t.bytes.buffer as ArrayBuffer);
      }
    }
    await until(() => merged === posted);
  } finally {
    await Promise.all(
      pool.map(async (s) => {
        s.worker.removeAllListeners();
        s.worker.on('error', () => undefined);
        await s.worker.terminate();
      }),
    );
  }
  for (const f of summary.files) f.loaded = f.read - f.rejected;
  return summary;
}
