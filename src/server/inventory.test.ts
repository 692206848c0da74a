/**
 * The algorithm inventory: tools with their inputs (protected characteristics flagged, per 45 CFR 92.210),
 * owner, last audit and mitigation; audits imported from `equilens audit-model` JSON with a summary; every
 * change audited; department champions see organisation-wide and own-unit tools and manage only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createUnit, createUser, listAudit, openStore, type Store } from '../store/index.js';
import { detectProtected, summariseAudit } from './algorithm-audit.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { ROLES, type Role } from './permissions.js';
import { Client } from './test-client.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
const c = new Map<Role, Client>();
let cardio = '';
let onco = '';

/** An audit-model result with a planted miss-rate problem: FNR 0.40 for group B against 0.20 overall. */
const AUDIT = {
  groups: [
    { stratifier: 'overall', group: 'overall', threshold: 0.5, n: 1000, fnr: 0.2, fpr: 0.1 },
    { stratifier: 'race', group: 'A', threshold: 0.5, n: 600, fnr: 0.15, fpr: 0.12 },
    { stratifier: 'race', group: 'B', threshold: 0.5, n: 400, fnr: 0.4, fpr: 0.05 },
    { stratifier: 'sex', group: 'Female', threshold: 0.5, n: 500, fnr: null, fpr: 0.16 },
  ],
  calibration: [{ stratifier: 'race', group: 'B', observed_expected: 1.3 }],
};

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  const ids = new Map<Role, string>();
  for (const role of ROLES)
    ids.set(
      role,
      (await createUser(store.db, 't', { username: role, displayName: role, role, passwordHash: hash })).id,
    );
  cardio = (await createUnit(store.db, 't', 'department', 'Cardiology')).id;
  onco = (await createUnit(store.db, 't', 'department', 'Oncology')).id;
  await addMembership(store.db, 't', ids.get('department_champion')!, cardio);
  for (const role of ROLES) {
    const x = new Client((p, i) => Promise.resolve(eq.app.request(p, i)));
    expect((await x.post('/login', { username: role, password: PASSWORD })).status).toBe(303);
    c.set(role, x);
  }
});
afterAll(() => store.close());

const postJson = async (role: Role, path: string, body: unknown) => {
  const x = c.get(role)!;
  return x.send(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': decodeURIComponent(x.jar.get('eq_csrf')!),
    },
  });
};
const tool = (over: Record<string, unknown> = {}) => ({
  name: 'Care management risk score',
  vendor: 'Acme Analytics',
  purpose: 'Predicts next-year cost',
  decisions: 'Who is offered care management',
  inputs: ['prior_cost', 'age_years', 'diagnoses'],
  owner: 'Population health',
  ...over,
});

describe('protected inputs', () => {
  it('detects the characteristics 45 CFR 92.210 names from input names', () => {
    expect(detectProtected(['race_ethnicity', 'date_of_birth', 'prior_cost'])).toEqual([
      'race',
      'ethnicity',
      'age',
    ]);
    expect(detectProtected(['country_of_birth', 'gender', 'disability_status'])).toEqual([
      'national_origin',
      'sex',
      'disability',
    ]);
    expect(detectProtected(['prior_cost', 'storage'])).toEqual([]);
  });
});

describe('the inventory', () => {
  it('adds a tool from the page form, flagging ticked and detected characteristics, and audits it', async () => {
    const before = (await listAudit(store.db, 100_000)).length;
    const res = await c.get('analyst')!.post('/inventory', {
      name: 'Sepsis alert',
      vendor: 'EHR vendor',
      inputs: 'heart_rate, race_ethnicity, age_years',
      protected_disability: '1',
      owner: 'Quality',
    });
    expect(res.status).toBe(303);
    const page = await (await c.get('council_member')!.get(res.headers.get('location')!)).text();
    expect(page).toContain('Sepsis alert');
    for (const p of ['race', 'ethnicity', 'age', 'disability']) expect(page).toContain(`<li>${p}</li>`);
    expect(page).not.toContain('<li>sex</li>');
    const entries = await listAudit(store.db, 100_000);
    expect(entries.length).toBe(before + 1);
    expect(entries[0]!.action).toBe('algorithm.create');
  });

  it('imports an audit-model result, summarises it and makes it the last audit', async () => {
    const made = (await (await postJson('analyst', '/api/v1/algorithms', tool())).json()) as {
      algorithm: { id: string };
    };
    const id = made.algorithm.id;
    const res = await postJson('analyst', `/api/v1/algorithms/${id}/audits`, {
      title: 'Q3 audit',
      results: AUDIT,
    });
    expect(res.status).toBe(201);
    const { audit } = (await res.json()) as { audit: { id: string; summary: { result: string } } };
    // FNR: group B 0.40 − overall 0.20 = +20.0 pp, the largest; FPR: Female 0.16 − 0.10 = +6.0 pp.
    expect(audit.summary.result).toBe(
      'Largest FNR gap +20.0 pp (race: B, threshold 0.5); largest FPR gap +6.0 pp (sex: Female, threshold 0.5)',
    );
    const got = (await (await c.get('council_member')!.get(`/api/v1/algorithms/${id}`)).json()) as {
      algorithm: { last_audit_on: string; last_audit_result: string };
      audits: unknown[];
    };
    expect(got.algorithm.last_audit_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(got.algorithm.last_audit_result).toBe(audit.summary.result);
    expect(got.audits).toHaveLength(1);
    const file = (await (
      await c.get('council_member')!.get(`/api/v1/algorithms/${id}/audits/${audit.id}`)
    ).json()) as {
      results: unknown;
    };
    expect(file.results).toEqual(AUDIT);
    const actions = (await listAudit(store.db, 3)).map((e) => e.action).sort();
    expect(actions).toEqual(['algorithm.create', 'algorithm.last_audit', 'algorithm_audit.import']);
    expect(summariseAudit({ groups: [], calibration: [] }).result).toMatch(/no overall row/);
  });

  it('refuses a file that is not an audit-model result, naming the key', async () => {
    const made = (await (await postJson('analyst', '/api/v1/algorithms', tool({ name: 'X' }))).json()) as {
      algorithm: { id: string };
    };
    const res = await postJson('analyst', `/api/v1/algorithms/${made.algorithm.id}/audits`, {
      title: 'Bad',
      results: { groups: [{ stratifier: 'race' }], calibration: [] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string } } }).error.details.path).toMatch(
      /groups\.0/,
    );
  });

  it('lets a champion manage only their unit’s tools and see only those and organisation-wide ones', async () => {
    expect(
      (
        await postJson(
          'department_champion',
          '/api/v1/algorithms',
          tool({ name: 'Cardio score', unit: cardio }),
        )
      ).status,
    ).toBe(201);
    expect(
      (await postJson('department_champion', '/api/v1/algorithms', tool({ name: 'Onco score', unit: onco })))
        .status,
    ).toBe(403);
    expect(
      (await postJson('department_champion', '/api/v1/algorithms', tool({ name: 'Org score' }))).status,
    ).toBe(403);
    const other = (await (
      await postJson('administrator', '/api/v1/algorithms', tool({ name: 'Onco score', unit: onco }))
    ).json()) as {
      algorithm: { id: string };
    };
    const names = async (role: Role) =>
      (
        (await (await c.get(role)!.get('/api/v1/algorithms')).json()) as {
          algorithms: { name: string; unit_id: string | null }[];
        }
      ).algorithms;
    const seen = await names('department_champion');
    expect(seen.some((a) => a.name === 'Cardio score')).toBe(true);
    expect(seen.some((a) => a.unit_id === onco)).toBe(false);
    expect(seen.some((a) => a.unit_id === null)).toBe(true);
    expect((await c.get('department_champion')!.get(`/inventory/${other.algorithm.id}`)).status).toBe(403);
    expect(
      (
        await postJson(
          'department_champion',
          `/api/v1/algorithms/${other.algorithm.id}`,
          tool({ unit: cardio }),
        )
      ).status,
    ).toBe(403);
    expect((await names('community_member')).every((a) => a.unit_id === null)).toBe(true);
    expect((await names('council_member')).some((a) => a.unit_id === onco)).toBe(true);
    expect((await postJson('community_member', '/api/v1/algorithms', tool())).status).toBe(403);
  });

  it('changes a tool and audits before → after', async () => {
    const made = (await (
      await postJson('administrator', '/api/v1/algorithms', tool({ name: 'Old' }))
    ).json()) as { algorithm: { id: string } };
    const res = await postJson(
      'administrator',
      `/api/v1/algorithms/${made.algorithm.id}`,
      tool({ name: 'New', mitigation: 'Retrained on need, not cost' }),
    );
    expect(res.status).toBe(200);
    const [entry] = await listAudit(store.db, 1);
    expect(entry).toMatchObject({ action: 'algorithm.update', record_id: made.algorithm.id });
    expect((entry!.before as { name: string }).name ?? JSON.parse(entry!.before as string).name).toBe('Old');
  });
});
