/**
 * Pure rules of the system module: no database, no clock.
 */
import { ADMIN_ROLE_KEY, isPermission } from '../../../../contracts/permissions.js';
import { recordInScope, type DataScope } from '../../platform/data-scope/data-scope.js';

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

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginAttemptOutcome =
  | { kind: 'locked'; unlockAt: Date }
  | { kind: 'failed'; failedCount: number; remaining: number }
  | { kind: 'now-locked'; unlockAt: Date };

/** Whether an account is locked at `now`. */
export function lockedAt(lockedUntil: Date | null, now: Date): Date | null {
  return lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil : null;
}

/**
 * After a wrong password: the fifth consecutive failure locks the account for 15 minutes
 * (the counter restarts after the lock).
 */
export function afterFailedLogin(failedCount: number, now: Date): { failedCount: number; lockedUntil: Date | null; outcome: LoginAttemptOutcome } {
  const next = failedCount + 1;
  if (next >= LOCKOUT_THRESHOLD) {
    const unlockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    return { failedCount: 0, lockedUntil: unlockAt, outcome: { kind: 'now-locked', unlockAt } };
  }
  return { failedCount: next, lockedUntil: null, outcome: { kind: 'failed', failedCount: next, remaining: LOCKOUT_THRESHOLD - next } };
}

/** A role as far as granting is concerned: what it permits and how far it sees. */
export interface GrantableRole {
  permissions: readonly string[];
  dataScope: string;
  /** For `custom` scope: the departments, with their districts. */
  customDepts: readonly { id: number; districtCode: string | null }[];
}

/**
 * Why the actor may not grant (or manage a holder of) this role, or null when they may. Two
 * limits, so nobody widens their own reach through a role: no permission the actor lacks, and no
 * data scope wider than the actor's — an actor who does not see everything cannot hand out "all",
 * nor "custom" departments outside their own scope.
 */
export function roleGrantProblem(
  actor: { permissions: ReadonlySet<string>; scope: DataScope },
  role: GrantableRole,
): { permissions: string[]; scope: boolean } | null {
  const permissions = ungrantable(actor.permissions, role.permissions);
  let scope = false;
  if (!actor.scope.all) {
    if (role.dataScope === 'all') scope = true;
    if (role.dataScope === 'custom' && role.customDepts.some((d) => !recordInScope(actor.scope, { deptId: d.id, districtCode: d.districtCode }))) scope = true;
  }
  return permissions.length > 0 || scope ? { permissions, scope } : null;
}
