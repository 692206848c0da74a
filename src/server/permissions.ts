/**
 * Who may do what: one table, role → actions. Handlers never test roles; every route names one action
 * (src/server/routes.ts) and the guard looks it up here.
 */
export const ROLES = [
  'administrator',
  'analyst',
  'council_member',
  'department_champion',
  'community_member',
] as const;
export type Role = (typeof ROLES)[number];
/** A signed-out visitor is the public. */
export type Viewer = Role | 'public';
export const VIEWERS: readonly Viewer[] = [...ROLES, 'public'];

const everyone: readonly Viewer[] = VIEWERS;
const signedIn: readonly Viewer[] = ROLES;
const staff: readonly Viewer[] = ['administrator', 'analyst'];
const admin: readonly Viewer[] = ['administrator'];

export const PERMISSIONS = {
  /** Public pages: home, login, set-up, assets, health check, the OpenAPI document. */
  'public.view': everyone,
  /** The dashboard and analyses (suppressed for everyone but staff). */
  'analysis.view': everyone,
  /**
   * Breakdowns by unit (department, site, clinician group facets). Everyone with `analysis.view_all_units`
   * sees every unit; a department champion sees only the units they belong to (`analysis.view_own_units`)
   * and acts only on those; the rest see the organisation-wide results (scope.ts applies this).
   */
  'analysis.view_all_units': ['administrator', 'analyst', 'council_member'],
  'analysis.view_own_units': ['department_champion'],
  /** Unsuppressed small cells. */
  'analysis.view_unsuppressed': staff,
  'analysis.import': staff,
  'org.view': signedIn,
  'org.manage': admin,
  'account.self': signedIn,
  'user.manage': admin,
  'audit.view': admin,
  /** The algorithm inventory (decision-support tools and their audits). Champions manage only their units' tools. */
  'inventory.view': signedIn,
  'inventory.manage': ['administrator', 'analyst', 'department_champion'],
  /** Community comparison, payer mix, workforce (the public edition for everyone but staff). */
  'equity.view': everyone,
  /** The internal edition of the equity results (every cell). */
  'equity.view_internal': staff,
  'equity.import': staff,
} as const satisfies Record<string, readonly Viewer[]>;
export type Action = keyof typeof PERMISSIONS;

export function can(viewer: Viewer, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Viewer[]).includes(viewer);
}
