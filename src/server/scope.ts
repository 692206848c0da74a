/**
 * A viewer's unit scope: every unit (`all`), only the units they belong to (a department champion), or none
 * (organisation-wide results only). Units match the data's facets by kind and name (`department:Cardiology`).
 * Pages, downloads and the API all read analyses through {@link scopeResults}, so a champion never sees,
 * nor acts on, another unit.
 */
import type { ResultsFile } from '../model/results.js';
import { unitsOf } from '../store/index.js';
import type { Ctx } from './env.js';
import { ServerError } from './errors.js';
import { can } from './permissions.js';

export type Scope = { all: true } | { all: false; units: ReadonlySet<string> };

const SCOPE = Symbol('scope');
type WithScope = { [SCOPE]?: Promise<Scope> };

/** The viewer's scope (looked up once per request). */
export function scopeOf(c: Ctx): Promise<Scope> {
  const req = c.req.raw as unknown as WithScope;
  req[SCOPE] ??= (async (): Promise<Scope> => {
    const v = c.get('viewer');
    if (can(v, 'analysis.view_all_units')) return { all: true };
    const user = c.get('user');
    if (!user || !can(v, 'analysis.view_own_units')) return { all: false, units: new Set() };
    const units = await unitsOf(c.get('store').db, user.id);
    return { all: false, units: new Set(units.map((u) => `${u.kind}:${u.name}`)) };
  })();
  return req[SCOPE];
}

/** A stable key for memo caches. */
export const scopeKey = (s: Scope): string => (s.all ? '*' : [...s.units].sort().join('|'));

export const inScope = (s: Scope, kind: string, name: string): boolean =>
  s.all || s.units.has(`${kind}:${name}`);

/** The results without the breakdowns (facet strata, facet findings) of units outside the scope. */
export function scopeResults(results: ResultsFile, s: Scope): ResultsFile {
  if (s.all) return results;
  const keep = (f: { name: string; value: string } | undefined) => !f || inScope(s, f.name, f.value);
  return {
    ...results,
    measures: results.measures.map((m) => ({ ...m, strata: m.strata.filter((x) => keep(x.facet)) })),
    findings: results.findings.filter((f) => keep(f.facet)),
  };
}

/** Refuse an action on a unit outside the viewer's scope. */
export async function requireInScope(c: Ctx, kind: string, name: string): Promise<void> {
  if (inScope(await scopeOf(c), kind, name)) return;
  throw new ServerError('forbidden', 'You can act only on the units you belong to.', {
    fix: 'Ask an administrator to add you to this unit.',
  });
}
