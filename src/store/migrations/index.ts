/** Every migration, in order. Forward-only: a migration, once released, is never edited or removed. */
import type { Migration } from 'kysely';
import * as accounts from './0001-accounts.js';
import * as audit from './0002-audit.js';
import * as analyses from './0003-analyses.js';
import * as organisation from './0004-organisation.js';
import * as apiTokens from './0005-api-tokens.js';
import * as invites from './0006-invites.js';
import * as jobs from './0007-jobs.js';
import * as memberships from './0008-memberships.js';
import * as signInLinks from './0009-sign-in-links.js';
import * as algorithms from './0010-algorithms.js';
import * as equityResults from './0011-equity-results.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-audit': audit,
  '0003-analyses': analyses,
  '0004-organisation': organisation,
  '0005-api-tokens': apiTokens,
  '0006-invites': invites,
  '0007-jobs': jobs,
  '0008-memberships': memberships,
  '0009-sign-in-links': signInLinks,
  '0010-algorithms': algorithms,
  '0011-equity-results': equityResults,
};
