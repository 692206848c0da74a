/**
 * The demo organisation (`equilens demo --serve`): the units the demo analysis breaks down by (its facets),
 * one person in every role with a generated password and an API token, the department champion placed in
 * one unit, and the demo analysis imported. Demo only: real workspaces start from the set-up link.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsFile } from '../model/results.js';
import {
  addMembership,
  createApiToken,
  createUnit,
  createUser,
  saveAnalysis,
  saveEquityResult,
  UNIT_KINDS,
  type EquityKind,
  type Store,
  type UnitKind,
} from '../store/index.js';
import { hashPassword } from './auth/passwords.js';
import { editions } from './equity-import.js';
import { ROLES, type Role } from './permissions.js';

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
  token: string;
}

export interface DemoOrganisation {
  accounts: DemoAccount[];
  analysisId: string;
  /** The units made, as `kind:name`; the champion's are listed in `championUnits`. */
  units: string[];
  championUnits: string[];
}

const NAMES: Record<Role, string> = {
  administrator: 'Avery Admin',
  analyst: 'Ana Analyst',
  council_member: 'Carmen Council',
  department_champion: 'Dev Champion',
  community_member: 'Rosa Community',
};
const DAY = 86_400_000;
const isKind = (k: string): k is UnitKind => (UNIT_KINDS as readonly string[]).includes(k);

/** The facet values of the results that name a unit kind, as `[kind, name]`, sorted. */
export function facetUnits(results: ResultsFile): [UnitKind, string][] {
  const seen = new Set<string>();
  for (const m of results.measures)
    for (const s of m.strata)
      if (s.facet && isKind(s.facet.name)) seen.add(`${s.facet.name}:${s.facet.value}`);
  return [...seen].sort().map((k) => {
    const i = k.indexOf(':');
    return [k.slice(0, i) as UnitKind, k.slice(i + 1)];
  });
}

export async function seedDemoOrganisation(store: Store, results: ResultsFile): Promise<DemoOrganisation> {
  const db = store.db;
  const actor = 'demo';
  const units = [];
  for (const [kind, name] of facetUnits(results)) units.push(await createUnit(db, actor, kind, name));
  const accounts: DemoAccount[] = [];
  const ids = new Map<Role, string>();
  for (const role of ROLES) {
    const password = randomBytes(12).toString('base64url');
    const username = role.replace(/_/g, '-');
    const user = await createUser(db, actor, {
      username,
      displayName: NAMES[role],
      role,
      passwordHash: await hashPassword(password),
    });
    ids.set(role, user.id);
    const { token } = await createApiToken(db, actor, user.id, 'demo', 30 * DAY);
    accounts.push({ role, username, password, token });
  }
  const champion = units.slice(0, 1);
  for (const u of champion) await addMembership(db, actor, ids.get('department_champion')!, u.id);
  const analysis = await saveAnalysis(db, actor, 'Demo health system', results);
  return {
    accounts,
    analysisId: analysis.id,
    units: units.map((u) => `${u.kind}:${u.name}`),
    championUnits: champion.map((u) => `${u.kind}:${u.name}`),
  };
}

/** The equity results the demo writes beside results.json, by kind: the internal file and the public one. */
const DEMO_EQUITY: [EquityKind, string, string, string | null][] = [
  ['community', 'Who we serve (demo)', 'community.json', null],
  ['payer_mix', 'Payer mix (demo)', 'payer-mix.json', null],
  ['workforce', 'Workforce (demo)', 'workforce.json', 'workforce.public.json'],
];

/**
 * Import the demo's community.json, payer-mix.json, workforce.json and workforce.public.json from its
 * output folder (those present), tied to the demo analysis; returns the ids made.
 */
export async function seedDemoEquity(store: Store, out: string, analysisId: string): Promise<string[]> {
  const read = (file: string | null) =>
    file && existsSync(join(out, file))
      ? (JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown)
      : undefined;
  const ids: string[] = [];
  for (const [kind, title, file, publicFile] of DEMO_EQUITY) {
    const internal = read(file);
    if (internal === undefined) continue;
    const e = editions(kind, { internal, public: read(publicFile) });
    const saved = await saveEquityResult(store.db, 'demo', {
      kind,
      title,
      threshold: e.threshold,
      analysisId,
      internal: e.internal,
      public: e.public,
    });
    ids.push(saved.id);
  }
  return ids;
}
