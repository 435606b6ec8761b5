/**
 * Pure rules of the system module: no database, no clock.
 */
import { ADMIN_ROLE_KEY, isPermission } from '../../../../contracts/permissions.js';
import { districtInScope, districtPrefix, recordInScope, type DataScope } from '../../platform/data-scope/data-scope.js';

/** 138****5678: lists never show a whole phone number (个人信息保护法: minimum necessary). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return `${phone.slice(0, Math.max(0, phone.length - 8))}****${phone.slice(-4)}`;
}

/** "王质量（天津市质量强市建设协调推进领导小组办公室）": a person as pages and documents name them. */
export function personLabel(p: { displayName: string; deptName: string | null }): string {
  return p.deptName ? `${p.displayName}（${p.deptName}）` : p.displayName;
}

/** The `ancestors` path of a department placed under `parent` (RuoYi convention: "0,1,5"). */
export function ancestorsUnder(parent: { id: number; ancestors: string } | null): string {
  return parent ? `${parent.ancestors},${parent.id}` : '0';
}

/** True when `candidate` is `dept` itself or lies below it, judged by the candidate's ancestors. */
export function isSelfOrDescendant(deptId: number, candidate: { id: number; ancestors: string }): boolean {
  return candidate.id === deptId || candidate.ancestors.split(',').includes(String(deptId));
}

/** Permission strings a role may carry: known ones only; returns the unknown ones. */
export function unknownPermissions(permissions: readonly string[]): string[] {
  return permissions.filter((p) => !isPermission(p));
}

/**
 * No privilege escalation: an actor may grant only permissions they hold themselves (an actor
 * holding `*` — the system — may grant anything). Returns the permissions the actor may not grant.
 */
export function ungrantable(actorPermissions: ReadonlySet<string>, wanted: readonly string[]): string[] {
  if (actorPermissions.has('*')) return [];
  return wanted.filter((p) => !actorPermissions.has(p));
}

export function isAdminRoleKey(key: string): boolean {
  return key === ADMIN_ROLE_KEY;
}

/** Normalise a username for storage and lookup (login is case-insensitive). */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The lockout counts per username *and source address*: five consecutive failures from one address
 * pause logging in to that name from that address for 15 minutes. Failures elsewhere do not lock
 * the owner out, so nobody can keep an account locked by sending five requests every quarter hour;
 * guessing from many addresses is slowed by the per-address login throttle and made hopeless by the
 * password strength floor. Unknown names are counted the same way, so the answers never tell which
 * names exist.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** Failures older than this are forgotten (counted as none, and swept from the table). */
export const FAILURE_MEMORY_HOURS = 24;

export type LoginAttemptOutcome =
  | { kind: 'locked'; unlockAt: Date }
  | { kind: 'failed'; failedCount: number; remaining: number }
  | { kind: 'now-locked'; unlockAt: Date };

/** Whether an account is locked at `now`. */
export function lockedAt(lockedUntil: Date | null, now: Date): Date | null {
  return lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil : null;
}

/** The failures still counting at `now`: none once the last one is more than a day old. */
export function failuresCounting(previous: { failedCount: number; lastFailedAt: Date } | null, now: Date): number {
  if (!previous) return 0;
  return now.getTime() - previous.lastFailedAt.getTime() < FAILURE_MEMORY_HOURS * 3_600_000 ? previous.failedCount : 0;
}

/**
 * After a wrong password: the fifth consecutive failure locks the name (from this source) for 15
 * minutes (the counter restarts after the lock).
 */
export function afterFailedLogin(failedCount: number, now: Date): { failedCount: number; lockedUntil: Date | null; outcome: LoginAttemptOutcome } {
  const next = failedCount + 1;
  if (next >= LOCKOUT_THRESHOLD) {
    const unlockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    return { failedCount: 0, lockedUntil: unlockAt, outcome: { kind: 'now-locked', unlockAt } };
  }
  return { failedCount: next, lockedUntil: null, outcome: { kind: 'failed', failedCount: next, remaining: LOCKOUT_THRESHOLD - next } };
}

/** A department as far as data scope is concerned. */
export interface ScopedDept {
  id: number;
  districtCode: string | null;
}

/**
 * Where an account sits in the organisation, resolved: its department (with everything below it,
 * which 本部门及以下 would cover), its district, and the enterprise it acts for (with the district
 * the registry places that enterprise in; null when the code is not registered).
 */
export interface AccountPlacement {
  dept: ScopedDept | null;
  deptAndBelow: readonly ScopedDept[];
  districtCode: string | null;
  enterprise: { uscc: string; districtCode: string | null } | null;
}

/** An account placed nowhere: what a role grants when nothing about its holder is known yet. */
export const NOWHERE: AccountPlacement = { dept: null, deptAndBelow: [], districtCode: null, enterprise: null };

/** The fields of an account that place it. */
export type PlacementField = 'deptId' | 'districtCode' | 'enterpriseUscc';

/** A department the actor sees (the departments list shows it): by id, or by its district. */
export function deptInScope(scope: DataScope, dept: ScopedDept): boolean {
  return recordInScope(scope, { deptId: dept.id, districtCode: dept.districtCode });
}

/**
 * An enterprise the actor sees as the registry does: their own enterprise, or a registered entity
 * of a district they cover. An unregistered code lies in nobody's scope but that of an actor who
 * sees everything.
 */
export function enterpriseInScope(scope: DataScope, enterprise: { uscc: string; districtCode: string | null }): boolean {
  if (scope.all) return true;
  if (scope.enterpriseUscc !== null && scope.enterpriseUscc === enterprise.uscc) return true;
  return enterprise.districtCode !== null && districtInScope(scope, enterprise.districtCode);
}

/**
 * The fields of an account (created, edited or imported) that lie outside the actor's scope. Every
 * field must lie inside, not just one: a district user may not pair its own district with a city
 * bureau. The district counts as inside when the actor covers it, or when it is simply the district
 * of the account's own (in-scope) department or registered enterprise — a department-scoped actor
 * places people in its department, which lies in some district. An actor who does not see
 * everything must place the account somewhere: one with no department, district or enterprise
 * would be nobody's to manage (all three fields are then reported).
 */
export function placementOutsideScope(scope: DataScope, p: AccountPlacement): PlacementField[] {
  if (scope.all) return [];
  if (!p.dept && !p.districtCode && !p.enterprise) return ['deptId', 'districtCode', 'enterpriseUscc'];
  const out: PlacementField[] = [];
  const deptOk = p.dept !== null && deptInScope(scope, p.dept);
  const enterpriseOk = p.enterprise !== null && enterpriseInScope(scope, p.enterprise);
  if (p.dept && !deptOk) out.push('deptId');
  if (
    p.districtCode &&
    !districtInScope(scope, p.districtCode) &&
    !(deptOk && p.dept!.districtCode === p.districtCode) &&
    !(enterpriseOk && p.enterprise!.districtCode === p.districtCode)
  ) {
    out.push('districtCode');
  }
  if (p.enterprise && !enterpriseOk) out.push('enterpriseUscc');
  return out;
}

/** Whether the actor covers a whole district prefix (120101 covers 120101 and its townships, not 12). */
function districtPrefixCovered(scope: DataScope, prefix: string): boolean {
  return scope.districtPrefixes.some((p) => prefix.startsWith(p));
}

/** A role as far as granting is concerned: what it permits and how far it sees. */
export interface GrantableRole {
  permissions: readonly string[];
  dataScope: string;
  /** For `custom` scope: the departments, with their districts. */
  customDepts: readonly ScopedDept[];
}

/**
 * Whether a role, held by the account placed at `p`, would see anything the actor does not. Each
 * scope kind is resolved against the account as the principal resolves it (resolveDataScope in
 * platform/data-scope) and compared with the actor's scope: 本部门 is the account's department,
 * 本部门及以下 that department and every one below it, 本区划 the whole prefix of the account's
 * district, 本企业 its enterprise, 仅本人 the account itself (inside, since the account is); 全部
 * is never inside a limited scope, and 自定义 is inside when each of its departments is.
 */
export function roleReachOutsideScope(scope: DataScope, role: Pick<GrantableRole, 'dataScope' | 'customDepts'>, p: AccountPlacement): boolean {
  if (scope.all) return false;
  switch (role.dataScope) {
    case 'all':
      return true;
    case 'custom':
      return role.customDepts.some((d) => !deptInScope(scope, d));
    case 'dept':
      return p.dept !== null && !deptInScope(scope, p.dept);
    case 'dept_and_below':
      return p.deptAndBelow.some((d) => !deptInScope(scope, d));
    case 'district':
      return p.districtCode !== null && !districtPrefixCovered(scope, districtPrefix(p.districtCode));
    case 'self':
      return false;
    case 'enterprise':
      return p.enterprise !== null && !enterpriseInScope(scope, p.enterprise);
    default:
      // A scope kind this code does not know cannot be shown to stay inside.
      return true;
  }
}

/**
 * Why the actor may not grant this role to the account placed at `target` (or manage a holder of
 * it), or null when they may. Two limits, so nobody widens their own reach through a role or an
 * account: no permission the actor lacks, and nothing seen beyond the actor's own scope once the
 * role's scope is applied to the account. Without a target (role editing, or the roles offered
 * before the account is placed) only 全部 and 自定义 can be judged.
 */
export function roleGrantProblem(
  actor: { permissions: ReadonlySet<string>; scope: DataScope },
  role: GrantableRole,
  target: AccountPlacement = NOWHERE,
): { permissions: string[]; scope: boolean } | null {
  const permissions = ungrantable(actor.permissions, role.permissions);
  const scope = roleReachOutsideScope(actor.scope, role, target);
  return permissions.length > 0 || scope ? { permissions, scope } : null;
}
