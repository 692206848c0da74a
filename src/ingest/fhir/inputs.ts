/**
 * Which files a FHIR source reads: every `.ndjson`/`.jsonl` (bulk export, one resource a line) and `.json`
 * (a Bundle or one resource) file, optionally gzip-compressed, in the given files and folders (recursively,
 * in name order, Patient files first).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { invalidInput, notFound } from '../../errors.js';

export type InputKind = 'ndjson' | 'json';

export interface FhirInput {
  path: string;
  kind: InputKind;
  gzip: boolean;
}

const KIND = /\.(ndjson|jsonl|json)(\.gz)?$/i;

export function inputKind(path: string): FhirInput | null {
  const m = KIND.exec(path);
  if (!m) return null;
  return { path, kind: m[1]!.toLowerCase() === 'json' ? 'json' : 'ndjson', gzip: !!m[2] };
}

/** A bulk export's Patient file (Patient.ndjson, Patient.000.ndjson, …). */
export const isPatientFile = (path: string): boolean => /^patient[._-]/i.test(basename(path));

function walk(dir: string, out: FhirInput[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else {
      const input = inputKind(p);
      if (input) out.push(input);
    }
  }
}

/** The FHIR files under `paths`; throws when a path is missing or holds no FHIR file. */
export function listInputs(paths: readonly string[]): FhirInput[] {
  const out: FhirInput[] = [];
  for (const p of paths) {
    if (!existsSync(p))
      throw notFound(`The FHIR source path ${p} does not exist.`, {
        file: p,
        fix: 'Check `sources[].path` in the config, or the input named.',
        next: 'input_path',
      });
    if (statSync(p).isDirectory()) walk(p, out);
    else {
      const input = inputKind(p);
      if (!input)
        throw invalidInput(`${p} is not a FHIR file: expected .ndjson, .jsonl or .json (optionally .gz).`, {
          file: p,
          fix: 'Point the source at a bulk-export folder, an NDJSON file or a Bundle JSON file.',
        });
      out.push(input);
    }
  }
  // Patient files first (bulk exports name them Patient.ndjson, Patient.000.ndjson …): references to
  // patients already read need no check later.
  out.sort((a, b) => Number(isPatientFile(b.path)) - Number(isPatientFile(a.path)));
  if (!out.length)
    throw invalidInput(
      `No FHIR files (.ndjson, .jsonl, .json, optionally .gz) were found in ${paths.join(', ')}.`,
      {
        file: paths[0],
        fix: 'Point the source at a folder holding a FHIR bulk export or Bundle files.',
      },
    );
  return out;
}
