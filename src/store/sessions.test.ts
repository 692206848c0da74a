/** Sessions end after the idle limit and at the absolute expiry, whichever comes first. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, createUser, openStore, useSession, type Store } from './index.js';

let store: Store;
let userId = '';
const MIN = 60_000;
beforeAll(async () => {
  store = await openStore();
  userId = (
    await createUser(store.db, 't', { username: 'u', displayName: 'U', role: 'analyst', passwordHash: null })
  ).id;
});
afterAll(() => store.close());

describe('sessions', () => {
  const t0 = new Date('2026-01-01T10:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * MIN);

  it('stays alive while used within the idle limit, until the absolute expiry', async () => {
    const token = await createSession(store.db, userId, 60 * MIN, t0);
    for (const m of [20, 40, 59])
      expect((await useSession(store.db, token, 30 * MIN, at(m)))?.user.username).toBe('u');
    expect(await useSession(store.db, token, 30 * MIN, at(61))).toBeUndefined();
  });

  it('ends after the idle limit and stays ended', async () => {
    const token = await createSession(store.db, userId, 60 * MIN, t0);
    expect(await useSession(store.db, token, 30 * MIN, at(31))).toBeUndefined();
    expect(await useSession(store.db, token, 30 * MIN, at(1))).toBeUndefined();
  });

  it('knows no token it did not issue', async () => {
    expect(await useSession(store.db, 'made-up', 30 * MIN, t0)).toBeUndefined();
  });
});
