/**
 * OpenID Connect single sign-on (authorization code flow with PKCE, state and nonce) through `openid-client`.
 * The provider proves who someone is; Equilens decides what they may do: a sign-in is accepted only for an
 * existing account, linked by the provider's subject, or the first time by a verified email an administrator
 * recorded on the account. No account is created and no role is taken from the provider.
 */
import * as client from 'openid-client';
import { usageError } from '../../errors.js';
import { findUserByEmail, findUserByOidc, linkOidc, type User } from '../../store/index.js';
import type { Ctx } from '../env.js';
import { ServerError } from '../errors.js';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; default `<server>/auth/oidc/callback` (set once listening). */
  redirectUri?: string;
}

const ENV = {
  issuer: 'EQUILENS_OIDC_ISSUER',
  clientId: 'EQUILENS_OIDC_CLIENT_ID',
  clientSecret: 'EQUILENS_OIDC_CLIENT_SECRET',
  redirectUri: 'EQUILENS_OIDC_REDIRECT_URI',
} as const;

/** Single sign-on settings from the environment; none set → off; some set → a usage error naming the rest. */
export function oidcFromEnv(env: Record<string, string | undefined>): OidcOptions | undefined {
  const set = Object.values(ENV).filter((k) => env[k]);
  if (set.length === 0) return undefined;
  const missing = [ENV.issuer, ENV.clientId, ENV.clientSecret].filter((k) => !env[k]);
  if (missing.length)
    throw usageError(
      `Single sign-on is half configured: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      {
        fix: `Set ${Object.values(ENV).slice(0, 3).join(', ')} (and optionally ${ENV.redirectUri}), or none of them.`,
      },
    );
  return {
    issuer: env[ENV.issuer]!,
    clientId: env[ENV.clientId]!,
    clientSecret: env[ENV.clientSecret]!,
    ...(env[ENV.redirectUri] ? { redirectUri: env[ENV.redirectUri] } : {}),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Discovery, once per process. Plain HTTP is allowed only for a provider on loopback (tests, local set-ups). */
export class Oidc {
  private config: Promise<client.Configuration> | undefined;
  constructor(readonly options: OidcOptions) {}

  get redirectUri(): string {
    if (!this.options.redirectUri)
      throw new ServerError('forbidden', 'Single sign-on has no callback address yet.', {
        fix: 'Set EQUILENS_OIDC_REDIRECT_URI to <server>/auth/oidc/callback.',
      });
    return this.options.redirectUri;
  }

  configuration(): Promise<client.Configuration> {
    this.config ??= (async () => {
      const url = new URL(this.options.issuer);
      const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
      return client.discovery(url, this.options.clientId, this.options.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      });
    })();
    this.config.catch(() => (this.config = undefined));
    return this.config;
  }

  async authorizationUrl(checks: { state: string; nonce: string; verifier: string }): Promise<URL> {
    return client.buildAuthorizationUrl(await this.configuration(), {
      redirect_uri: this.redirectUri,
      scope: 'openid email',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchange the code and return the verified ID token's issuer and claims. */
  async callback(
    search: string,
    checks: { state: string; nonce: string; verifier: string },
  ): Promise<{ issuer: string; sub: string; email?: string; emailVerified: boolean }> {
    const config = await this.configuration();
    const url = new URL(this.redirectUri);
    url.search = search;
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    let claims: Record<string, unknown> & { sub: string } = tokens.claims()!;
    // Many providers put email in the ID token only on request; the UserInfo endpoint always has it.
    if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint)
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), sub: claims.sub };
    return {
      issuer: config.serverMetadata().issuer,
      sub: claims.sub,
      ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
      emailVerified: claims.email_verified === true,
    };
  }
}

const refuse = (message: string) =>
  new ServerError('forbidden', message, {
    fix: 'Ask an administrator to record your email address on your Equilens account, or to invite you.',
  });

/** The account a provider sign-in belongs to, linking it on first use; refused when there is none. */
export async function accountFor(
  c: Ctx,
  who: { issuer: string; sub: string; email?: string; emailVerified: boolean },
): Promise<User> {
  const db = c.get('store').db;
  const linked = await findUserByOidc(db, who.issuer, who.sub);
  if (linked) {
    if (linked.disabled) throw refuse('This account is disabled.');
    return linked;
  }
  if (!who.email || !who.emailVerified)
    throw refuse(
      'No Equilens account is linked to this sign-in, and the provider gave no verified email to link by.',
    );
  const byEmail = await findUserByEmail(db, who.email);
  if (!byEmail) throw refuse('No Equilens account is linked to this sign-in or has its email address.');
  if (byEmail.disabled) throw refuse('This account is disabled.');
  if (byEmail.oidc_subject && (byEmail.oidc_subject !== who.sub || byEmail.oidc_issuer !== who.issuer))
    throw refuse('The Equilens account with this email is linked to another single sign-on identity.');
  await linkOidc(db, byEmail.username, byEmail.id, who.issuer, who.sub);
  return byEmail;
}
