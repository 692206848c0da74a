/**
 * A real OpenID provider (the `oidc-provider` package, dev interactions) for the single sign-on test, run as
 * its own process on loopback: `node --import tsx oidc-provider.ts`. Reads the client from OIDC_CLIENT
 * (`{client_id, client_secret, redirect_uris}`) and the accounts from OIDC_ACCOUNTS (`{sub: {email,
 * email_verified}}`); any password is accepted for a known account. Prints `ready <issuer>` when listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.OIDC_CLIENT ?? '{}') as Record<string, unknown>;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}') as Record<
  string,
  { email?: string; email_verified?: boolean }
>;

const handler: { fn?: (req: never, res: never) => void } = {};
const server = createServer((req, res) => handler.fn!(req as never, res as never));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const provider = new Provider(issuer, {
  clients: [{ grant_types: ['authorization_code'], response_types: ['code'], ...client } as never],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  cookies: { keys: ['test-only-cookie-key'] },
  findAccount: (_ctx: unknown, sub: string) =>
    accounts[sub]
      ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) }
      : undefined,
});
handler.fn = provider.callback() as never;
process.stdout.write(`ready ${issuer}\n`);
