/**
 * Where an OMOP source's tables are: a folder of CSV files, or a PostgreSQL schema given as
 * `path: postgres://user@host/db#schema` (or `path: postgres://…` plus `schema:`; default schema `public`).
 */
import type { SourceConfig } from '../../config/index.js';

export type OmopInput =
  { kind: 'csv'; folder: string } | { kind: 'postgres'; url: string; schema: string; label: string };

const PG_URL = /(postgres(?:ql)?:\/\/.*)$/;

/** Resolve the input from the source config and the resolved paths (a URL may come through --data). */
export function resolveOmopInput(source: SourceConfig, paths: readonly string[]): OmopInput {
  const raw = [source.path, ...paths].find((p) => p !== undefined && PG_URL.test(p));
  if (raw) {
    const full = (PG_URL.exec(raw) as RegExpExecArray)[1] as string;
    const hash = full.indexOf('#');
    const url = hash >= 0 ? full.slice(0, hash) : full;
    const schema = source.schema ?? (hash >= 0 ? decodeURIComponent(full.slice(hash + 1)) : 'public');
    return { kind: 'postgres', url, schema, label: redact(url) };
  }
  return { kind: 'csv', folder: paths[0] ?? source.path ?? '.' };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
