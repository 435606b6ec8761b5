/**
 * The PrincipalStore over the system tables: session → user → active roles → permissions and data
 * scope. The administrator role always carries the whole permission catalogue.
 */
import { ALL_PERMISSIONS, ADMIN_ROLE_KEY, type DataScopeKind } from '../../../../contracts/permissions.js';
import type { Database } from '../../db/client.js';
import type { Principal, PrincipalStore } from '../../platform/auth/principal.js';
import { resolveDataScope } from '../../platform/data-scope/data-scope.js';
import {
  activeRolesOfUser,
  customDeptsOfRoles,
  deleteSession,
  districtsOfDepartments,
  findSessionWithUser,
  permissionsOfRoles,
  selfAndDescendantDeptIds,
  touchSession,
} from './auth.repository.js';

export function createPrincipalStore(db: Database): PrincipalStore {
  return {
    async load(sessionId) {
      const s = await findSessionWithUser(db, sessionId);
      if (!s || s.status !== 'active') return null;
      const roles = await activeRolesOfUser(db, s.userId);
      const roleIds = roles.map((r) => r.id);
      const isAdmin = roles.some((r) => r.key === ADMIN_ROLE_KEY);
      const [permissions, customDepts, deptAndBelow] = await Promise.all([
        isAdmin ? Promise.resolve([...ALL_PERMISSIONS]) : permissionsOfRoles(db, roleIds),
        customDeptsOfRoles(db, roles.filter((r) => r.dataScope === 'custom').map((r) => r.id)),
        s.deptId !== null && roles.some((r) => r.dataScope === 'dept_and_below') ? selfAndDescendantDeptIds(db, s.deptId) : Promise.resolve([]),
      ]);
      // The districts of every department a department scope may name: they make its territory.
      const namedDepts = new Set([...deptAndBelow, ...[...customDepts.values()].flat()]);
      if (s.deptId !== null && roles.some((r) => r.dataScope === 'dept')) namedDepts.add(s.deptId);
      const deptDistricts = await districtsOfDepartments(db, [...namedDepts]);
      const scope = resolveDataScope(
        roles.map((r) => ({ dataScope: r.dataScope as DataScopeKind, customDeptIds: customDepts.get(r.id) ?? [] })),
        { id: s.userId, deptId: s.deptId, districtCode: s.districtCode, enterpriseUscc: s.enterpriseUscc },
        deptAndBelow,
        deptDistricts,
      );
      const principal: Principal = {
        sessionId: s.sessionId,
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt.getTime(),
        lastSeenAt: s.lastSeenAt.getTime(),
        user: {
          id: s.userId,
          username: s.username,
          displayName: s.displayName,
          deptId: s.deptId,
          deptName: s.deptName,
          districtCode: s.districtCode,
          districtName: s.districtName,
          enterpriseUscc: s.enterpriseUscc,
          mustChangePassword: s.mustChangePassword,
        },
        roles: roles.map((r) => ({ id: r.id, key: r.key, name: r.name })),
        permissions: new Set(permissions),
        scope,
      };
      return principal;
    },
    touch: (sessionId, at) => touchSession(db, sessionId, at),
    remove: (sessionId) => deleteSession(db, sessionId),
  };
}
