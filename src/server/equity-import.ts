/**
 * Reading an uploaded equity result: JSON text (or an already-parsed body) checked against the kind's
 * schema, errors naming the file and the key; the public edition is the uploaded public file (workforce)
 * or derived from the internal one, so everyone but staff only ever sees suppressed figures.
 */
import { invalidInput } from '../errors.js';
import type { EquityKind } from '../store/index.js';
import { DEFAULT_THRESHOLD } from '../suppression/index.js';
import { WORKFORCE_MINIMUM, WORKFORCE_THRESHOLD } from '../workforce/index.js';
import { publicEquity, type EquityFiles } from '../report/community-files.js';
import { assertPublicEquity } from '../report/public-guard.js';
import { publicCommunity, publicPayerMix, publicWorkforce } from './equity-public.js';
import {
  FILE_SCHEMAS,
  type CommunityFile,
  type EquityDocument,
  type WorkforceFile,
} from './equity-schemas.js';

export const FILE_NAMES: Record<EquityKind, string> = {
  community: 'community.json',
  payer_mix: 'payer-mix.json',
  workforce: 'workforce.json',
};

/** Parse JSON text, naming the file and line of a syntax error. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const at = /position (\d+)/.exec(String(err))?.[1];
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
    throw invalidInput(`${file} is not valid JSON${line ? ` (line ${line})` : ''}.`, {
      file,
      ...(line ? { line } : {}),
      fix: 'Upload the file as the command wrote it.',
    });
  }
}

/** Check a parsed document against the kind's schema; the error names the first wrong key. */
export function validDocument(kind: EquityKind, json: unknown, file: string): EquityDocument {
  const r = FILE_SCHEMAS[kind].safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = issue.path.join('.') || '(top level)';
  throw invalidInput(`${file} is not a ${FILE_NAMES[kind]} result: the key "${key}" ${issue.message}.`, {
    file,
    path: key,
    fix: `Upload the ${FILE_NAMES[kind]} the ${kind.replace('_', '-')} command wrote, unchanged.`,
  });
}

export interface Editions {
  internal: EquityDocument | null;
  public: EquityDocument;
  threshold: number;
}

function workforceEditions(
  internal: WorkforceFile | null,
  pub: WorkforceFile | null,
  threshold: number | undefined,
): Editions {
  if (internal && internal.audience !== 'internal')
    throw invalidInput('The internal workforce file is a public edition.', {
      path: 'internal',
      fix: 'Upload workforce.json as the internal file and workforce.public.json as the public one.',
    });
  if (pub && pub.audience !== 'public')
    throw invalidInput('The public workforce file is an internal edition (audience "internal").', {
      path: 'public',
      fix: 'Upload workforce.public.json as the public file, or leave it out to derive it.',
    });
  if (pub && pub.threshold < WORKFORCE_MINIMUM)
    throw invalidInput(`The public workforce file was suppressed below ${WORKFORCE_MINIMUM} employees.`, {
      path: 'public.threshold',
      fix: `Write it again with a threshold of at least ${WORKFORCE_MINIMUM}.`,
    });
  const t = Math.max(threshold ?? pub?.threshold ?? WORKFORCE_THRESHOLD, WORKFORCE_MINIMUM);
  return {
    internal,
    public: pub ?? publicWorkforce(internal!, t),
    threshold: pub?.threshold ?? t,
  };
}

/**
 * The public edition as the public report shows it: the report's public view (the same rules again, so an
 * uploaded public file is not taken on trust), then the report's public guard, which refuses a workforce
 * file that still prints a small count.
 */
function guarded(kind: EquityKind, doc: EquityDocument, threshold: number): EquityDocument {
  const key = ({ community: 'community', payer_mix: 'payerMix', workforce: 'workforce' } as const)[kind];
  const files = publicEquity({ [key]: doc } as EquityFiles, threshold);
  assertPublicEquity(files, threshold, FILE_NAMES[kind]);
  return validDocument(kind, files[key], `public (${FILE_NAMES[kind]})`);
}

/** Both editions of an import; `internal` and `public` are the parsed uploads (either may be absent). */
export function editions(
  kind: EquityKind,
  uploads: { internal?: unknown; public?: unknown },
  threshold?: number,
): Editions {
  const e = rawEditions(kind, uploads, threshold);
  return { ...e, public: guarded(kind, e.public, e.threshold) };
}

function rawEditions(
  kind: EquityKind,
  uploads: { internal?: unknown; public?: unknown },
  threshold?: number,
): Editions {
  const read = (v: unknown, key: 'internal' | 'public') =>
    v === undefined || v === null || v === '' ? null : validDocument(kind, v, `${key} (${FILE_NAMES[kind]})`);
  const internal = read(uploads.internal, 'internal');
  const pub = kind === 'workforce' ? read(uploads.public, 'public') : null;
  if (!internal && !pub)
    throw invalidInput(`The import needs the ${FILE_NAMES[kind]} file.`, {
      path: 'internal',
      fix: `Choose the ${FILE_NAMES[kind]} file to upload.`,
    });
  if (kind === 'workforce')
    return workforceEditions(internal as WorkforceFile | null, pub as WorkforceFile | null, threshold);
  const t = threshold ?? DEFAULT_THRESHOLD;
  const derived =
    kind === 'community'
      ? publicCommunity(internal as CommunityFile, t) // keeps `areas` (public area data)
      : publicPayerMix(internal as Parameters<typeof publicPayerMix>[0], t);
  return { internal, public: derived, threshold: Math.max(t, DEFAULT_THRESHOLD) };
}
