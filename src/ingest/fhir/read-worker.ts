/**
 * A reader worker thread (started by parallel-read.ts): runs the tasks it is sent one after another and
 * answers each with its result (and its chunk's buffer, given back), or with the error that stopped it. A `patients` message adds ids known
 * read (Patient files are read first), so references to them need no check in SQL.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorData, type ErrorData } from '../../errors.js';
import { runTask, type ReadTask, type TaskResult } from './read-task.js';

export type ToWorker = { type: 'task'; task: ReadTask } | { type: 'patients'; ids: string[] };
export type FromWorker =
  | { type: 'done'; result: TaskResult; buffer?: ArrayBuffer }
  | { type: 'error'; idx: number; error: ErrorData };

const port = parentPort;
const { dir } = workerData as { dir: string };
const patients = new Set<string>();
let queue: Promise<void> = Promise.resolve();

port?.on('message', (m: ToWorker) => {
  queue = queue.then(async () => {
    if (m.type === 'patients') {
      for (const id of m.ids) patients.add(id);
      return;
    }
    try {
      const result = await runTask(m.task, dir, patients);
      // A chunk's buffer goes back to the main thread, to be filled again.
      const buffer = 'bytes' in m.task ? (m.task.bytes.buffer as ArrayBuffer) : undefined;
      port.postMessage({ type: 'done', result, buffer } satisfies FromWorker, buffer ? [buffer] : []);
    } catch (err) {
      // Code, details (file, line, column, fix) and stack survive the thread boundary.
      port.postMessage({ type: 'error', idx: m.task.idx, error: errorData(err) } satisfies FromWorker);
    }
  });
});
