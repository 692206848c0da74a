/**
 * How a source is read: on one thread (read-source.ts), or — from 32 MiB of input on a machine with two
 * cores or more — on a reader thread per core (parallel-read.ts), which gives the same staged rows.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { FhirInput } from './inputs.js';
import { canStartWorkers, readParallel, type ParallelOptions } from './parallel-read.js';
import { readSource, type ReadSummary } from './read-source.js';
import type { StageLoader } from './stage-loader.js';
import { StageWriter } from './stage-writer.js';

export interface ReadOptions extends ParallelOptions {
  /** Sources smaller than this (bytes on disk) are read on the main thread: starting workers costs more. */
  parallelFrom: number;
}

/** A reader thread per core (up to 8); chunks of 8 MiB; from 32 MiB of input. */
export const DEFAULT_READ_OPTIONS: ReadOptions = {
  threads: Math.min(availableParallelism(), 8),
  chunkBytes: 8 << 20,
  parallelFrom: 32 << 20,
};

/** The reader threads a source gets: 1, or `options.threads` for a large enough source. */
export function readerThreads(inputs: readonly FhirInput[], options: ReadOptions): number {
  if (options.threads < 2 || !canStartWorkers()) return 1;
  const bytes = inputs.reduce((a, f) => a + statSync(f.path).size, 0);
  return bytes >= options.parallelFrom ? options.threads : 1;
}

/** Read every input into staged files queued on `loader`, on `threads` reader threads. */
export async function readAll(
  inputs: readonly FhirInput[],
  loader: StageLoader,
  threads: number,
  options: ReadOptions,
  progress: (done: number) => void,
): Promise<ReadSummary> {
  if (threads > 1) return readParallel(inputs, loader, { ...options, threads }, progress);
  const stage = new StageWriter(loader.dir, (f) => loader.add(f));
  try {
    const summary = await readSource(inputs, stage, progress);
    stage.finish();
    return summary;
  } catch (err) {
    stage.abort();
    throw err;
  }
}
