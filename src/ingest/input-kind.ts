/**
 * What kind of bytes an input holds, judged from its first bytes only, so that a file that is not the
 * expected kind is refused with a description and never has its content echoed: the compression (magic
 * numbers), UTF-16 text, binary content, and whether a first line looks like a header or like data.
 * Pure: bytes and strings in, a kind out.
 */

export type Compression = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'zip';

/** The compression format `head` (a file's first bytes) starts with, if any. */
export function compressionOf(head: Uint8Array): Compression | undefined {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, j) => head[i + j] === b);
  if (at(0, 0x1f, 0x8b)) return 'gzip';
  if (at(0, 0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  if (at(0, 0x42, 0x5a, 0x68)) return 'bzip2'; // "BZh"
  if (at(0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  return undefined;
}

export type TextKind = 'text' | 'utf-16le' | 'utf-16be' | 'binary';

/**
 * UTF-16 (a byte-order mark, or ASCII text with every other byte zero), binary (zero bytes elsewhere, or
 * mostly control bytes), else text. UTF-8 and Latin-1 are both "text".
 */
export function textKind(head: Uint8Array): TextKind {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 4096) & ~1;
  if (n === 0) return 'text';
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  const half = n / 2;
  if (zeroOdd > 0.9 * half && zeroEven < 0.05 * half) return 'utf-16le';
  if (zeroEven > 0.9 * half && zeroOdd < 0.05 * half) return 'utf-16be';
  if (zeroEven + zeroOdd > 0 || control > 0.1 * n) return 'binary';
  return 'text';
}

const DATE = /^(\d{4}-\d{1,2}-\d{1,2}([ T].*)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A value no header names a column with: a date or a number. */
const dataLike = (field: string): boolean => {
  const f = field.trim();
  return DATE.test(f) || NUMBER.test(f);
};

/**
 * Does the first line (split into fields) look like a data row rather than a header? A date anywhere, or
 * numbers in at least two fields and a quarter of them (a header may name a column "2024", not many).
 */
export function looksLikeData(fields: readonly string[]): boolean {
  if (fields.some((f) => DATE.test(f.trim()))) return true;
  const numbers = fields.filter(dataLike).length;
  return numbers >= 2 && numbers >= fields.length / 4;
}

/** A control character or the replacement character (bytes that were not text in the encoding). */
const hasControl = (s: string): boolean =>
  [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\ufffd');

/** Column-separating characters: a name with several of them is a line read with the wrong delimiter. */
const SEPARATORS = /[:;|,\t/\\]/g;

/**
 * Whether `header` (column names as read) can be shown in a message as column names: no data-like field,
 * and every name short and free of control characters and of runs of separators (such as a system file's
 * `root:x:0:0:root:/root:/bin/bash`, read as one column).
 */
export function looksLikeHeader(header: readonly string[]): boolean {
  if (!header.length || looksLikeData(header)) return false;
  return header.every(
    (h) => h.length <= 64 && !hasControl(h) && (h.match(SEPARATORS)?.length ?? 0) < 2 && !dataLike(h),
  );
}

/** The fields of the first line of `text` (a CSV/TSV head), quotes removed; undefined when there is no line. */
export function firstLineFields(text: string, delimiter: string): string[] | undefined {
  const end = text.search(/\r?\n/);
  const line = (end < 0 ? text : text.slice(0, end)).replace(/^\ufeff/, '');
  if (!line.trim()) return undefined;
  return line.split(delimiter).map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .replace(/""/g, '"'),
  );
}
