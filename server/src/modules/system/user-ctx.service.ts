/**
 * A use-case context acting as a named user, for seeders that write through the real use cases
 * (the demo city's quality work is reported by its units' people and reviewed by its office): the
 * user's active roles, their permissions and data scope, resolved as a session of theirs would be
 * (see principal-store.ts).
 */
import { ALL_PERMISSIONS, ADMIN_ROLE_KEY, type DataScopeKind } from '../../../../contracts/permissions.js';
import type { Database } from '../../db/client.js';
import type { Ctx, Domain } from '../../platform/context.js';
import { resolveDataScope } from '../../platform/data-scope/data-scope.js';
import { activeRolesOfUser, customDeptsOfRoles, permissionsOfRoles, selfAndDescendantDeptIds } from './auth.repository.js';
import { findDepartment } from './department.repository.js';
import { findUserByUsername } from './user.repository.js';

/** The context of `username` (throws when there is no such user: a seeder names its people). */
export async function ctxOfUser(db: Database, domain: Domain, username: string): Promise<Ctx> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`no user ${username}`);
  const roles = await activeRolesOfUser(db, user.id);
  const isAdmin = roles.some((r) => r.key === ADMIN_ROLE_KEY);
  const [permissions, customDepts, deptAndBelow, dept] = await Promise.all([
    isAdmin ? Promise.resolve([...ALL_PERMISSIONS]) : permissionsOfRoles(db, roles.map((r) => r.id)),
    customDeptsOfRoles(db, roles.filter((r) => r.dataScope === 'custom').map((r) => r.id)),
    user.deptId !== null && roles.some((r) => r.dataScope === 'dept_and_below') ? selfAndDescendantDeptIds(db, user.deptId) : Promise.resolve([]),
    user.deptId === null ? Promise.resolve(null) : findDepartment(db, user.deptId),
  ]);
  const scope = resolveDataScope(
    roles.map((r) => ({ dataScope: r.dataScope as DataScopeKind, customDeptIds: customDepts.get(r.id) ?? [] })),
    { id: user.id, deptId: user.deptId, districtCode: user.districtCode, enterpriseUscc: user.enterpriseUscc },
    deptAndBelow,
  );
  return {
    db,
    domain,
    actor: { userId: user.id, username: user.username, roles: roles.map((r) => r.key), deptId: user.deptId, deptName: dept?.name ?? null },
    scope,
    permissions: new Set(permissions),
    requestId: null,
    ip: null,
    lang: 'zh',
  };
}
