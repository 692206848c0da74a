/** A buffered file writer: appends strings and writes ~1 MB chunks synchronously (fast, no back-pressure). */
import { closeSync, openSync, writeSync } from 'node:fs';

export interface CsvSink {
  write(text: string): void;
  close(): void;
}

export function openCsvSink(path: string, chunkChars = 1 << 20): CsvSink {
  const fd = openSync(path, 'w');
  let buf = '';
  return {
    write(text) {
      buf += text;
      if (buf.length >= chunkChars) {
        writeSync(fd, buf);
        buf = '';
      }
    },
    close() {
      if (buf) writeSync(fd, buf);
      buf = '';
      closeSync(fd);
    },
  };
}
