/**
 * One unit of parallel reading (parallel-read.ts): a chunk of an NDJSON file (whole lines, with the number of
 * its first line), or a whole file (gzip NDJSON, a Bundle). A reader worker extracts it into its own staged
 * files and sends back what the main thread merges in task order: the file's counts, ignored types,
 * unmapped codes, flags, the staged files and the Patient ids read.
 */
import type { FhirInput } from './inputs.js';
import { lineItems, readInputBatches, type ReadItem } from './read-files.js';
import { extractBatch, extractContext, startInput, type Tally } from './read-source.js';
import type { StagedFile, StagedTable } from './stage.js';
import { StageWriter } from './stage-writer.js';

/** What a task reads: a chunk of an NDJSON file, or a whole file. */
export type TaskSource = { fileIdx: number } & (
  | {
      /** UTF-8 bytes of whole lines (the last one may lack its newline at the end of a file). */
      bytes: Uint8Array;
      firstLine: number;
    }
  | { input: FhirInput }
);

/** A task: its source and its place in reading order. */
export type ReadTask = TaskSource & { idx: number };

export interface TaskResult {
  idx: number;
  fileIdx: number;
  read: number;
  rejected: number;
  ignored: [string, number][];
  unmapped: [string, number][];
  flags: string[];
  staged: Partial<Record<StagedTable, number>>;
  files: StagedFile[];
  /** Every Patient id read, in order (duplicates are counted by the main thread). */
  patientIds: string[];
}

/**
 * A chunk is decoded a slice of about this many bytes at a time (cut at a newline): small strings die young
 * (a whole chunk as one string would live in the large-object space and cost full garbage collections).
 */
const SLICE_BYTES = 1 << 15;
const NEWLINE = 10;

/** Items of a chunk, a slice at a time: its lines split on newlines (a final newline ends the last line). */
function* chunkBatches(bytes: Uint8Array, firstLine: number): Generator<ReadItem[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.length) return;
  const end = buf[buf.length - 1] === NEWLINE ? buf.length - 1 : buf.length;
  let line = firstLine;
  for (let pos = 0; pos <= end;) {
    let stop = pos + SLICE_BYTES >= end ? end : buf.indexOf(NEWLINE, pos + SLICE_BYTES);
    if (stop < 0 || stop > end) stop = end;
    const lines = buf.toString('utf8', pos, stop).split('\n');
    yield lineItems(lines, line);
    line += lines.length;
    pos = stop + 1;
  }
}

/**
 * Extract a task into staged files under `dir` (named after the task). `patients` are ids known read,
 * and grows with the Patients the task reads; `pause` (when given) is awaited between batches.
 */
export async function runTask(
  task: ReadTask,
  dir: string,
  patients: Set<string>,
  pause?: () => Promise<void>,
): Promise<TaskResult> {
  const tally: Tally = { ignored: new Map(), unmapped: new Map() };
  const files: StagedFile[] = [];
  const stage = new StageWriter(dir, (f) => files.push(f), `t${task.idx}.`);
  const ctx = extractContext(stage, tally, patients);
  const patientIds: string[] = [];
  ctx.patientIds = patientIds;
  startInput(ctx, task.fileIdx);
  let read = 0;
  let rejected = 0;
  try {
    if ('bytes' in task)
      for (const batch of chunkBatches(task.bytes, task.firstLine)) {
        read += batch.length;
        rejected += extractBatch(batch, 'ndjson', ctx, tally);
        await pause?.();
      }
    else
      for await (const batch of readInputBatches(task.input)) {
        read += batch.length;
        rejected += extractBatch(batch, task.input.kind, ctx, tally);
      }
    stage.finish();
  } catch (err) {
    stage.abort();
    throw err;
  }
  return {
    idx: task.idx,
    fileIdx: task.fileIdx,
    read,
    rejected,
    ignored: [...tally.ignored],
    unmapped: [...tally.unmapped],
    flags: [...stage.flags],
    staged: stage.counts(),
    files,
    patientIds,
  };
}
