/**
 * Data scope (数据权限) as a typed query predicate. A user's roles each carry one scope kind; the
 * user sees the union. The principal resolves every kind to concrete values once (department ids,
 * district prefixes, own user id, own enterprise), so repositories only ever add
 * `WHERE dept_id IN (…) OR district_code LIKE '12%' …` with bound parameters, never built strings.
 *
 * Two kinds of resource, two readings of a department (docs/ARCHITECTURE.md, "Data scope by resource"):
 * - the organisation's own records (users, departments, plan tasks, assessment results) belong to
 *   a department: a department scope covers the department's records (`deptId`), a district scope
 *   the records of units in the district (`districtCode`);
 * - regulated subjects (market entities and everything filed against them: archive, grades, list
 *   entries, repair and objection applications, red and black list candidates) belong to no
 *   department but to the territory where they are registered: a department scope covers its
 *   department's territory (辖区), the district of a district bureau, the whole city for a city
 *   bureau (`jurisdictionCode`, see `jurisdictionPrefixes`). Without that reading 本部门 meant no
 *   entity at all, and every inspector's registry was empty.
 */
import { eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataScopeKind } from '../../../../contracts/permissions.js';

export interface DataScope {
  /** At least one role grants everything. */
  all: boolean;
  /** The scope kinds of the user's roles, for display. */
  kinds: DataScopeKind[];
  /** Departments visible through custom / dept / dept_and_below scopes. */
  deptIds: number[];
  /** GB/T 2260 prefixes visible through the district scope (120101 → "120101", 120000 → "12"). */
  districtPrefixes: string[];
  /**
   * The territory (辖区) whose regulated subjects the scope covers, as GB/T 2260 prefixes: the
   * district scope's prefixes plus the district of every department seen through a department
   * scope (custom, dept, dept_and_below). A district bureau's officer covers its district, a city
   * bureau's the city. Redundant prefixes are dropped ("12" covers "120104").
   */
  jurisdictionPrefixes: string[];
  /** The user's own id, when a role is limited to "self". */
  selfUserId: number | null;
  /** The user's enterprise USCC, when a role is limited to "own enterprise". */
  enterpriseUscc: string | null;
}

export const FULL_SCOPE: DataScope = {
  all: true,
  kinds: ['all'],
  deptIds: [],
  districtPrefixes: [],
  jurisdictionPrefixes: [],
  selfUserId: null,
  enterpriseUscc: null,
};

/** The scope of nobody: sees nothing (anonymous requests, users without roles). */
export const EMPTY_SCOPE: DataScope = {
  all: false,
  kinds: [],
  deptIds: [],
  districtPrefixes: [],
  jurisdictionPrefixes: [],
  selfUserId: null,
  enterpriseUscc: null,
};

/** Which columns of a table carry the scope dimensions; a table lacking a dimension is never visible through it. */
export interface ScopeColumns {
  deptId?: AnyPgColumn;
  /** The district of an organisational record (a user, a department, a task's unit). */
  districtCode?: AnyPgColumn;
  /** The district where a regulated subject is registered (an entity, or what hangs off one). */
  jurisdictionCode?: AnyPgColumn;
  ownerUserId?: AnyPgColumn;
  enterpriseUscc?: AnyPgColumn;
}

/**
 * The GB/T 2260 prefix a district covers: trailing "00" pairs of a 6-digit code name the whole
 * province or prefecture (120000 → 12, 370100 → 3701); 9- and 12-digit township codes drop
 * trailing "000" groups.
 */
export function districtPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
    return code;
  }
  let c = code;
  while (c.length > 6 && c.endsWith('000')) c = c.slice(0, -3);
  return c;
}

export function districtInScope(scope: DataScope, code: string | null | undefined): boolean {
  if (scope.all) return true;
  if (!code) return false;
  return scope.districtPrefixes.some((p) => code.startsWith(p));
}

/** Whether a regulated subject registered in district `code` lies in the scope's territory (辖区). */
export function jurisdictionInScope(scope: DataScope, code: string | null | undefined): boolean {
  if (scope.all) return true;
  if (!code) return false;
  return scope.jurisdictionPrefixes.some((p) => code.startsWith(p));
}

/** The WHERE fragment limiting `cols` to the scope; `undefined` means no limit. */
export function scopePredicate(scope: DataScope, cols: ScopeColumns): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (cols.deptId && scope.deptIds.length > 0) parts.push(inArray(cols.deptId, scope.deptIds));
  if (cols.districtCode) {
    for (const prefix of scope.districtPrefixes) parts.push(like(cols.districtCode, `${prefix}%`));
  }
  if (cols.jurisdictionCode) {
    for (const prefix of scope.jurisdictionPrefixes) parts.push(like(cols.jurisdictionCode, `${prefix}%`));
  }
  if (cols.ownerUserId && scope.selfUserId !== null) parts.push(eq(cols.ownerUserId, scope.selfUserId));
  if (cols.enterpriseUscc && scope.enterpriseUscc) parts.push(eq(cols.enterpriseUscc, scope.enterpriseUscc));
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? parts[0] : or(...parts);
}

/** The same test as scopePredicate, for one loaded record (writes check the target before changing it). */
export function recordInScope(
  scope: DataScope,
  rec: { deptId?: number | null; districtCode?: string | null; jurisdictionCode?: string | null; ownerUserId?: number | null; enterpriseUscc?: string | null },
): boolean {
  if (scope.all) return true;
  if (rec.deptId != null && scope.deptIds.includes(rec.deptId)) return true;
  if (rec.districtCode && scope.districtPrefixes.some((p) => rec.districtCode!.startsWith(p))) return true;
  if (rec.jurisdictionCode && jurisdictionInScope(scope, rec.jurisdictionCode)) return true;
  if (rec.ownerUserId != null && scope.selfUserId === rec.ownerUserId) return true;
  if (rec.enterpriseUscc && scope.enterpriseUscc === rec.enterpriseUscc) return true;
  return false;
}

export interface ScopeRoleInput {
  dataScope: DataScopeKind;
  customDeptIds: readonly number[];
}

export interface ScopeUserInput {
  id: number;
  deptId: number | null;
  districtCode: string | null;
  enterpriseUscc: string | null;
}

/**
 * Resolve the union of a user's role scopes to concrete values. `deptAndBelowIds` are the user's
 * department and its descendants (loaded by the caller); `deptDistricts` the district of each
 * department the roles name (the department's own, else its nearest ancestor's; loaded by the
 * caller), which makes the territory of department scopes. A kind the user lacks the attribute
 * for (district scope without a district, a department without a district) grants nothing: the
 * safe default.
 */
export function resolveDataScope(
  roles: readonly ScopeRoleInput[],
  user: ScopeUserInput,
  deptAndBelowIds: readonly number[],
  deptDistricts: ReadonlyMap<number, string | null> = new Map(),
): DataScope {
  const kinds = [...new Set(roles.map((r) => r.dataScope))];
  if (kinds.includes('all')) return { ...FULL_SCOPE, kinds };
  const deptIds = new Set<number>();
  const districtPrefixes = new Set<string>();
  let selfUserId: number | null = null;
  let enterpriseUscc: string | null = null;
  for (const r of roles) {
    switch (r.dataScope) {
      case 'custom':
        r.customDeptIds.forEach((id) => deptIds.add(id));
        break;
      case 'dept':
        if (user.deptId !== null) deptIds.add(user.deptId);
        break;
      case 'dept_and_below':
        deptAndBelowIds.forEach((id) => deptIds.add(id));
        break;
      case 'district':
        if (user.districtCode) districtPrefixes.add(districtPrefix(user.districtCode));
        break;
      case 'self':
        selfUserId = user.id;
        break;
      case 'enterprise':
        enterpriseUscc = user.enterpriseUscc;
        break;
      case 'all':
        break;
    }
  }
  const territory = new Set(districtPrefixes);
  for (const id of deptIds) {
    const code = deptDistricts.get(id);
    if (code) territory.add(districtPrefix(code));
  }
  return {
    all: false,
    kinds,
    deptIds: [...deptIds].sort((a, b) => a - b),
    districtPrefixes: [...districtPrefixes].sort(),
    jurisdictionPrefixes: withoutCovered(territory),
    selfUserId,
    enterpriseUscc,
  };
}

/** The prefixes not already covered by a shorter one in the set ("12" covers "120104"), sorted. */
function withoutCovered(prefixes: ReadonlySet<string>): string[] {
  const all = [...prefixes];
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(q))).sort();
}

/**
 * Whether the actor acts for a unit (reports on its tasks, answers its reminders, submits its
 * rectification): it is their own department or one below it, or — for a user whose scope is a
 * district (the district's market-regulation bureau answers for the district government) — it
 * lies in their district. Seeing a record is not enough: the quality office sees everything and
 * acts for no unit but its own.
 */
export function actsForUnit(actor: { deptId: number | null }, scope: DataScope, unit: { deptId: number; districtCode: string | null; deptAncestors: string }): boolean {
  if (actor.deptId !== null && (unit.deptId === actor.deptId || unit.deptAncestors.split(',').includes(String(actor.deptId)))) return true;
  return !scope.all && scope.districtPrefixes.length > 0 && unit.districtCode !== null && districtInScope(scope, unit.districtCode);
}
