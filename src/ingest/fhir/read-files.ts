/**
 * Streaming readers. NDJSON is read chunk by chunk and split into lines (through a gunzip stream when
 * `.gz`), so a bulk export is never held in memory at once. A `.json` file is one Bundle (or one resource) per file and is
 * parsed whole; each Bundle entry is one item, numbered from 1 (its "line" in the reconciliation).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { gunzipSync, createGunzip } from 'node:zlib';
import type { FhirInput } from './inputs.js';
import { isObject, str, type Json } from './fhir-json.js';

/** One item read: a parsed resource, or the reason it could not be read. */
export interface ReadItem {
  /** NDJSON line (1-based) or Bundle entry number (1-based). */
  line: number;
  resource?: Json;
  /** A JSON path for messages, e.g. `entry[3].resource`. */
  path?: string;
  error?: string;
  /** Bundle fullUrl of the entry, when any. */
  fullUrl?: string;
  /**
   * An NDJSON line not parsed yet: `parsed(item)` parses it just before extraction, so each parsed resource
   * dies young (a whole batch of parsed resources would outlive scavenges and cost garbage collection).
   */
  text?: string;
}

/**
 * Lines of an NDJSON file (gunzipped on the fly when `.gz`), in batches (parsed later, see `parsed`): each 256 KiB chunk is split
 * on newlines (faster than a line-at-a-time iterator on big exports); a line spanning two chunks is carried
 * over. Line numbers count `\n`-separated lines; blank lines are skipped (not counted as read).
 */
export async function* readNdjsonBatches(input: FhirInput): AsyncGenerator<ReadItem[]> {
  const raw = createReadStream(input.path, { highWaterMark: 1 << 18 });
  const stream = input.gzip ? raw.pipe(createGunzip()) : raw;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const itemsOf = (lines: string[]): ReadItem[] => {
    const out = lineItems(lines, line + 1);
    line += lines.length;
    return out;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = carry + decoder.write(chunk);
    const cut = text.lastIndexOf('\n');
    if (cut < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(cut + 1);
    yield itemsOf(text.slice(0, cut).split('\n'));
  }
  const rest = carry + decoder.end();
  if (rest) yield itemsOf([rest]);
}

/**
 * Items of consecutive NDJSON lines (split on `\n`, without the newlines), the first numbered `firstLine`:
 * a trailing `\r` is dropped; blank lines are skipped (their numbers are not reused).
 */
export function lineItems(lines: readonly string[], firstLine: number): ReadItem[] {
  const out: ReadItem[] = [];
  let line = firstLine - 1;
  for (const l of lines) {
    line++;
    const text = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (text.trim()) out.push({ line, text });
  }
  return out;
}

/** The item with its NDJSON line parsed (items read from a Bundle are already parsed). */
export const parsed = (item: ReadItem): ReadItem =>
  item.text === undefined ? item : parseLine(item.text, item.line);

function parseLine(text: string, line: number): ReadItem {
  try {
    const v: unknown = JSON.parse(text);
    if (!isObject(v))
      return { line, error: 'The line is valid JSON but not a JSON object (a FHIR resource).' };
    return { line, resource: v };
  } catch {
    return {
      line,
      error: 'The line is not valid JSON (each NDJSON line must be one complete FHIR resource).',
    };
  }
}

/** Entries of a Bundle file (or the single resource a `.json` file holds). */
export async function* readBundle(input: FhirInput): AsyncGenerator<ReadItem> {
  const buf = await readFile(input.path);
  const text = (input.gzip ? gunzipSync(buf) : buf).toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    yield { line: 1, error: 'The file is not valid JSON (expected a FHIR Bundle or resource).' };
    return;
  }
  if (!isObject(doc)) {
    yield { line: 1, error: 'The file is valid JSON but not a FHIR resource (a JSON object).' };
    return;
  }
  if (doc.resourceType !== 'Bundle') {
    yield { line: 1, resource: doc };
    return;
  }
  const entries = Array.isArray(doc.entry) ? doc.entry : [];
  for (let i = 0; i < entries.length; i++) {
    const e: unknown = entries[i];
    const path = `entry[${i}].resource`;
    if (!isObject(e) || !isObject(e.resource)) {
      yield { line: i + 1, path, error: 'The Bundle entry has no resource.' };
      continue;
    }
    const fullUrl = str(e.fullUrl);
    yield { line: i + 1, path, resource: e.resource, ...(fullUrl ? { fullUrl } : {}) };
  }
}

/** Items of any input, in batches (a Bundle is one batch). */
export async function* readInputBatches(input: FhirInput): AsyncGenerator<ReadItem[]> {
  if (input.kind === 'ndjson') {
    yield* readNdjsonBatches(input);
    return;
  }
  const all: ReadItem[] = [];
  for await (const it of readBundle(input)) all.push(it);
  yield all;
}
