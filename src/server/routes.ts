/**
 * Every route the server answers, each with the permission (action) it needs. The app registers routes only
 * from this table, and a test checks that the app has no route missing from it.
 */
import type { z } from 'zod';
import * as S from './api-schemas.js';
import type { Ctx } from './env.js';
import { openApiDocument } from './openapi.js';
import type { Action } from './permissions.js';
import * as analyses from './routes/analyses.js';
import * as audit from './routes/audit.js';
import * as auth from './routes/auth.js';
import * as dash from './routes/dashboard.js';
import * as org from './routes/organisation.js';
import * as people from './routes/people.js';
import * as jobs from './routes/jobs.js';
import * as history from './routes/history.js';
import * as sso from './routes/sso.js';
import * as inventory from './routes/inventory.js';
import type { Oidc } from './auth/oidc.js';
import type { Project } from './jobs.js';
import * as pub from './routes/public.js';
import * as E from './equity-schemas.js';
import * as equity from './routes/equity.js';
import * as equityPages from './routes/equity-pages.js';
import * as equityMap from './routes/equity-map.js';

export type Handler = (c: Ctx) => Response | Promise<Response>;
export interface RouteDef {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  action: Action;
  handler: Handler;
  /** For `/api/v1` routes: what the OpenAPI document says (schemas are the ones the handler uses). */
  doc?: ApiDoc;
}

export interface ApiDoc {
  summary: string;
  body?: z.ZodType;
  /** GET parameters (an object schema; optional fields are optional parameters). */
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: string;
  /** A non-JSON response (e.g. `text/csv`). */
  contentType?: string;
}

export interface RouteDeps {
  setup: auth.Setup;
  project?: Project;
  oidc?: Oidc;
}

export function routes(deps: RouteDeps): RouteDef[] {
  const r = (
    method: RouteDef['method'],
    path: string,
    action: Action,
    handler: Handler,
    doc?: ApiDoc,
  ): RouteDef => ({
    method,
    path,
    action,
    handler,
    ...(doc ? { doc } : {}),
  });
  const table: RouteDef[] = [
    r('GET', '/', 'public.view', pub.home),
    r('GET', '/healthz', 'public.view', pub.health),
    r('GET', '/assets/app.css', 'public.view', pub.appCss),
    r('GET', '/assets/report.css', 'public.view', pub.reportCss),
    r('GET', '/assets/app.js', 'public.view', pub.appJs),
    r('POST', '/language', 'public.view', pub.language),
    r('GET', '/login', 'public.view', auth.loginPage(Boolean(deps.oidc))),
    r('GET', '/auth/oidc/login', 'public.view', sso.oidcLogin(deps.oidc)),
    r('GET', '/auth/oidc/callback', 'public.view', sso.oidcCallback(deps.oidc)),
    r('POST', '/login', 'public.view', auth.loginSubmit),
    r('POST', '/logout', 'account.self', auth.logout),
    r('GET', '/setup', 'public.view', auth.setupPage(deps.setup)),
    r('POST', '/setup', 'public.view', auth.setupSubmit(deps.setup)),
    r('POST', '/api/v1/session', 'public.view', auth.loginSubmit, {
      summary: 'Sign in (sets the session cookie)',
      body: S.LoginBody,
      response: S.SignedInBody,
      status: '200',
    }),
    r('DELETE', '/api/v1/session', 'account.self', auth.logout, { summary: 'Sign out', status: '204' }),
    r('GET', '/dashboard', 'analysis.view', dash.dashboard),
    r('GET', '/analyses', 'analysis.import', analyses.analysesPage),
    r('GET', '/history', 'analysis.view', history.historyPage),
    r('GET', '/compare', 'analysis.view', history.comparePage),
    r('GET', '/api/v1/compare', 'analysis.view', history.compareApi, {
      summary:
        'Compare two analyses: change in rate and gap per measure, stratifier and group, with intervals',
      query: S.CompareQuery,
      response: S.CompareBody,
    }),
    r('POST', '/analyses', 'analysis.import', analyses.importAnalysis),
    r('GET', '/api/v1/analyses', 'analysis.view', analyses.listAnalysesApi, {
      summary: 'List analyses',
      response: S.AnalysesBody,
    }),
    r('POST', '/api/v1/analyses', 'analysis.import', analyses.importAnalysis, {
      summary: 'Import a results.json',
      body: S.ImportBody,
      response: S.AnalysisBody,
    }),
    r('GET', '/api/v1/analyses/:id', 'analysis.view', analyses.getAnalysisApi, {
      summary: 'One analysis (suppressed unless analyst or administrator)',
      response: S.AnalysisResultsBody,
    }),
    r('GET', '/api/v1/analyses/:id/groups.csv', 'analysis.view', dash.groupsCsv, {
      summary: 'The dashboard slice as CSV (results.csv columns)',
      response: S.Health,
      contentType: 'text/csv',
    }),
    r('GET', '/api/v1/analyses/:id/groups.json', 'analysis.view', dash.groupsJson, {
      summary: 'The dashboard slice as JSON rows',
      response: S.RowsBody,
    }),
    r('GET', '/organisation', 'org.view', org.organisationPage),
    r('POST', '/organisation', 'org.manage', org.addUnit),
    r('GET', '/api/v1/units', 'org.view', org.listUnitsApi, {
      summary: 'Departments, sites, clinician groups',
      response: S.UnitsBody,
    }),
    r('POST', '/api/v1/units', 'org.manage', org.addUnit, {
      summary: 'Add a unit',
      body: S.UnitForm,
      response: S.UnitBody,
    }),
    r('GET', '/audit', 'audit.view', audit.auditPage),
    r('GET', '/api/v1/audit', 'audit.view', audit.auditJson, {
      summary: 'The audit log (newest first)',
      response: S.AuditBody,
    }),
    r('GET', '/api/v1/audit.csv', 'audit.view', audit.auditCsv, {
      summary: 'The audit log as CSV',
      response: S.Health,
      contentType: 'text/csv',
    }),
    r('POST', '/api/v1/tokens', 'account.self', auth.createToken, {
      summary: 'Create an API token (shown once)',
      body: S.TokenForm,
      response: S.TokenBody,
    }),
    r('GET', '/people', 'user.manage', people.peoplePage),
    r('POST', '/people/invites', 'user.manage', people.makeInvite),
    r('POST', '/people/memberships', 'user.manage', people.addMembershipRoute),
    r('POST', '/people/email', 'user.manage', people.setEmailRoute),
    r('POST', '/api/v1/users/email', 'user.manage', people.setEmailRoute, {
      summary: 'Record an account’s email (single sign-on links by verified email)',
      body: S.EmailForm,
      response: S.EmailBody,
    }),
    r('POST', '/api/v1/memberships', 'user.manage', people.addMembershipRoute, {
      summary: 'Add a person to a unit',
      body: S.MembershipForm,
      response: S.MembershipBody,
    }),
    r('GET', '/invite/:token', 'public.view', people.invitePage),
    r('POST', '/invite/:token', 'public.view', people.acceptInviteRoute),
    r('GET', '/api/v1/users', 'user.manage', people.listUsersApi, {
      summary: 'Accounts',
      response: S.UsersBody,
    }),
    r('POST', '/api/v1/invites', 'user.manage', people.makeInvite, {
      summary: 'Make an invite link (single use)',
      body: S.InviteForm,
      response: S.InviteBody,
    }),
    r('POST', '/jobs', 'analysis.import', jobs.startJob(deps.project)),
    r('GET', '/jobs/:id', 'analysis.import', jobs.jobPage),
    r('POST', '/api/v1/jobs', 'analysis.import', jobs.startJob(deps.project), {
      summary: 'Start ingest + analyze in the background',
      body: S.JobForm,
      response: S.JobBody,
      status: '202',
    }),
    r('GET', '/api/v1/jobs/:id', 'analysis.import', jobs.jobApi, {
      summary: 'A job: status, progress, error, analysis',
      response: S.JobBody,
    }),
    r('GET', '/inventory', 'inventory.view', inventory.inventoryPage),
    r('POST', '/inventory', 'inventory.manage', inventory.createTool),
    r('GET', '/inventory/:id', 'inventory.view', inventory.toolPage),
    r('POST', '/inventory/:id', 'inventory.manage', inventory.updateTool),
    r('POST', '/inventory/:id/audits', 'inventory.manage', inventory.importAudit),
    r('GET', '/api/v1/algorithms', 'inventory.view', inventory.listToolsApi, {
      summary: 'The algorithm inventory: decision-support tools',
      response: S.AlgorithmsBody,
    }),
    r('POST', '/api/v1/algorithms', 'inventory.manage', inventory.createTool, {
      summary: 'Add a tool to the inventory',
      body: S.AlgorithmForm,
      response: S.AlgorithmBody,
    }),
    r('GET', '/api/v1/algorithms/:id', 'inventory.view', inventory.toolApi, {
      summary: 'One tool, with the audits run on it (summaries)',
      response: S.AlgorithmBody,
    }),
    r('POST', '/api/v1/algorithms/:id', 'inventory.manage', inventory.updateTool, {
      summary: 'Change a tool (all fields)',
      body: S.AlgorithmForm,
      response: S.AlgorithmBody,
      status: '200',
    }),
    r('POST', '/api/v1/algorithms/:id/audits', 'inventory.manage', inventory.importAudit, {
      summary: 'Import an audit (equilens audit-model --format json) of a tool',
      body: S.AlgorithmAuditImport,
      response: S.AlgorithmAuditBody,
    }),
    r('GET', '/api/v1/algorithms/:id/audits/:auditId', 'inventory.view', inventory.auditFileApi, {
      summary: 'An imported audit file, whole, with its summary',
      response: S.AlgorithmAuditFile,
    }),
    ...equityRoutes(r),
    r('GET', '/api/v1/health', 'public.view', pub.health, { summary: 'Health check', response: S.Health }),
  ];
  const doc = openApiDocument([
    ...table,
    r('GET', '/api/v1/openapi.json', 'public.view', pub.health, { summary: 'This document' }),
  ]);
  table.push(r('GET', '/api/v1/openapi.json', 'public.view', (c) => c.json(doc)));
  return table;
}

/** Community comparison, payer mix and workforce results (issue #16): pages, import, API, downloads. */
function equityRoutes(
  r: (m: RouteDef['method'], p: string, a: Action, h: Handler, d?: ApiDoc) => RouteDef,
): RouteDef[] {
  return [
    r('GET', '/community', 'equity.view', equityPages.communityPage),
    r('GET', '/payer-mix', 'equity.view', equityPages.payerMixPage),
    r('GET', '/workforce', 'equity.view', equityPages.workforcePage),
    r('GET', '/map', 'analysis.view', equityMap.mapPage),
    r('GET', '/equity', 'equity.import', equityPages.equityImportPage),
    r('POST', '/equity', 'equity.import', equity.importEquity),
    r('GET', '/api/v1/equity', 'equity.view', equity.listEquityApi, {
      summary: 'Equity results imported (community, payer mix, workforce), newest first',
      response: E.EquityListBody,
    }),
    r('POST', '/api/v1/equity', 'equity.import', equity.importEquity, {
      summary: 'Import community.json, payer-mix.json or workforce.json (public edition derived or given)',
      body: E.EquityImport,
      response: E.EquitySummaryBody,
    }),
    r('GET', '/api/v1/equity/:id', 'equity.view', equity.equityApi, {
      summary: 'One equity result (the public edition unless analyst or administrator)',
      response: E.EquityResultBody,
    }),
    r('GET', '/api/v1/equity/:id/table.csv', 'equity.view', equity.tableCsv, {
      summary: 'One table of an equity result as CSV, as the viewer may see it',
      query: E.EquityTableQuery,
      response: S.Health,
      contentType: 'text/csv',
    }),
    r('GET', '/api/v1/equity/:id/table.json', 'equity.view', equity.tableJson, {
      summary: 'One table of an equity result as JSON rows, as the viewer may see it',
      query: E.EquityTableQuery,
      response: E.EquityRowsBody,
    }),
  ];
}
