/**
 * Every route the server answers, each with the permission (action) it needs. The app registers routes only
 * from this table, and a test checks that the app has no route missing from it.
 */
import type { Ctx } from './env.js';
import type { Action } from './permissions.js';
import * as analyses from './routes/analyses.js';
import * as audit from './routes/audit.js';
import * as auth from './routes/auth.js';
import * as dash from './routes/dashboard.js';
import * as org from './routes/organisation.js';
import * as pub from './routes/public.js';

export type Handler = (c: Ctx) => Response | Promise<Response>;
export interface RouteDef {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  action: Action;
  handler: Handler;
}

export interface RouteDeps {
  setup: auth.Setup;
}

export function routes(deps: RouteDeps): RouteDef[] {
  const r = (method: RouteDef['method'], path: string, action: Action, handler: Handler): RouteDef => ({
    method,
    path,
    action,
    handler,
  });
  return [
    r('GET', '/', 'public.view', pub.home),
    r('GET', '/healthz', 'public.view', pub.health),
    r('GET', '/assets/app.css', 'public.view', pub.appCss),
    r('GET', '/assets/report.css', 'public.view', pub.reportCss),
    r('GET', '/assets/app.js', 'public.view', pub.appJs),
    r('POST', '/language', 'public.view', pub.language),
    r('GET', '/login', 'public.view', auth.loginPage),
    r('POST', '/login', 'public.view', auth.loginSubmit),
    r('POST', '/logout', 'account.self', auth.logout),
    r('GET', '/setup', 'public.view', auth.setupPage(deps.setup)),
    r('POST', '/setup', 'public.view', auth.setupSubmit(deps.setup)),
    r('POST', '/api/v1/session', 'public.view', auth.loginSubmit),
    r('DELETE', '/api/v1/session', 'account.self', auth.logout),
    r('GET', '/dashboard', 'analysis.view', dash.dashboard),
    r('GET', '/analyses', 'analysis.import', analyses.analysesPage),
    r('POST', '/analyses', 'analysis.import', analyses.importAnalysis),
    r('GET', '/api/v1/analyses', 'analysis.view', analyses.listAnalysesApi),
    r('POST', '/api/v1/analyses', 'analysis.import', analyses.importAnalysis),
    r('GET', '/api/v1/analyses/:id', 'analysis.view', analyses.getAnalysisApi),
    r('GET', '/api/v1/analyses/:id/groups.csv', 'analysis.view', dash.groupsCsv),
    r('GET', '/api/v1/analyses/:id/groups.json', 'analysis.view', dash.groupsJson),
    r('GET', '/organisation', 'org.view', org.organisationPage),
    r('POST', '/organisation', 'org.manage', org.addUnit),
    r('GET', '/api/v1/units', 'org.view', org.listUnitsApi),
    r('POST', '/api/v1/units', 'org.manage', org.addUnit),
    r('GET', '/audit', 'audit.view', audit.auditPage),
    r('GET', '/api/v1/audit', 'audit.view', audit.auditJson),
    r('GET', '/api/v1/audit.csv', 'audit.view', audit.auditCsv),
  ];
}
