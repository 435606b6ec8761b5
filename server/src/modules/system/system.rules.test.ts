import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, DATA_SCOPES } from '../../../../contracts/permissions.js';
import { FULL_SCOPE, resolveDataScope, type DataScope } from '../../platform/data-scope/data-scope.js';
import {
  afterFailedLogin,
  ancestorsUnder,
  deptInScope,
  enterpriseInScope,
  NOWHERE,
  placementOutsideScope,
  roleGrantProblem,
  roleReachOutsideScope,
  type AccountPlacement,
  type ScopedDept,
  isAdminRoleKey,
  isSelfOrDescendant,
  lockedAt,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  maskPhone,
  normalizeUsername,
  ungrantable,
  unknownPermissions,
} from './system.rules.js';

describe('maskPhone', () => {
  it('keeps null and empty as they are', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19900001111')).toBe('199****1111');
  });

  it('masks a landline but keeps the area code and the last four digits', () => {
    expect(maskPhone('022-23456789')).toBe('022-****6789');
    expect(maskPhone('02223456789')).toBe('022****6789');
    expect(maskPhone('010-1234567-123')).toBe('010-123****-123');
  });

  it('masks very short values completely', () => {
    expect(maskPhone('1')).toBe('*');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('****2345');
  });

  it('never returns a mobile number whole, and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).not.toBe(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3) + masked.slice(7)).toBe(phone.slice(0, 3) + phone.slice(7));
      }),
    );
  });
});

describe('ancestorsUnder', () => {
  it('is "0" for a top-level department', () => {
    expect(ancestorsUnder(null)).toBe('0');
  });

  it('appends the parent id to the parent path', () => {
    expect(ancestorsUnder({ id: 1, ancestors: '0' })).toBe('0,1');
    expect(ancestorsUnder({ id: 57, ancestors: '0,1,5' })).toBe('0,1,5,57');
  });
});

describe('isSelfOrDescendant', () => {
  it('is true for the department itself', () => {
    expect(isSelfOrDescendant(5, { id: 5, ancestors: '0,1' })).toBe(true);
  });

  it('is true for a child and for a deeper descendant', () => {
    expect(isSelfOrDescendant(5, { id: 9, ancestors: '0,1,5' })).toBe(true);
    expect(isSelfOrDescendant(1, { id: 9, ancestors: '0,1,5' })).toBe(true);
  });

  it('compares whole ids, not digits (15 is not under 5, 51 is not under 1)', () => {
    expect(isSelfOrDescendant(5, { id: 16, ancestors: '0,1,15' })).toBe(false);
    expect(isSelfOrDescendant(1, { id: 52, ancestors: '0,51' })).toBe(false);
    expect(isSelfOrDescendant(51, { id: 52, ancestors: '0,5,1' })).toBe(false);
  });

  it('is false for a sibling or an ancestor', () => {
    expect(isSelfOrDescendant(9, { id: 10, ancestors: '0,1,5' })).toBe(false);
    expect(isSelfOrDescendant(9, { id: 5, ancestors: '0,1' })).toBe(false);
  });
});

describe('ungrantable', () => {
  it('lets the system actor (*) grant anything', () => {
    expect(ungrantable(new Set(['*']), ['system:user:delete', 'whatever'])).toEqual([]);
  });

  it('returns exactly the permissions the actor lacks, in the order asked', () => {
    const actor = new Set(['system:user:list', 'system:user:create']);
    expect(ungrantable(actor, ['system:role:update', 'system:user:list', 'monitor:audit:list'])).toEqual(['system:role:update', 'monitor:audit:list']);
    expect(ungrantable(actor, ['system:user:create'])).toEqual([]);
    expect(ungrantable(actor, [])).toEqual([]);
  });

  it('refuses everything to an actor holding nothing', () => {
    expect(ungrantable(new Set(), ['system:calendar:list'])).toEqual(['system:calendar:list']);
  });
});

describe('unknownPermissions', () => {
  it('accepts the whole catalogue and reports anything else', () => {
    expect(unknownPermissions([...ALL_PERMISSIONS])).toEqual([]);
    expect(unknownPermissions(['system:user:list', 'system:user:drop', '*', ''])).toEqual(['system:user:drop', '*', '']);
  });
});

describe('usernames and admin role', () => {
  it('normalises usernames to trimmed lower case', () => {
    expect(normalizeUsername('  Zhang.San-01 ')).toBe('zhang.san-01');
  });

  it('recognises only the admin key as the administrator role', () => {
    expect(isAdminRoleKey('admin')).toBe(true);
    expect(isAdminRoleKey('Admin')).toBe(false);
    expect(isAdminRoleKey('quality_office')).toBe(false);
  });
});

describe('lockout', () => {
  const now = new Date('2026-03-02T08:00:00.000Z');

  it('counts failures below the threshold without locking', () => {
    const first = afterFailedLogin(0, now);
    expect(first).toEqual({ failedCount: 1, lockedUntil: null, outcome: { kind: 'failed', failedCount: 1, remaining: 4 } });
    const fourth = afterFailedLogin(3, now);
    expect(fourth).toEqual({ failedCount: 4, lockedUntil: null, outcome: { kind: 'failed', failedCount: 4, remaining: 1 } });
  });

  it('locks for 15 minutes on the fifth consecutive failure and restarts the counter', () => {
    const fifth = afterFailedLogin(LOCKOUT_THRESHOLD - 1, now);
    const unlockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(15);
    expect(fifth).toEqual({ failedCount: 0, lockedUntil: unlockAt, outcome: { kind: 'now-locked', unlockAt } });
  });

  it('locks too when the stored counter is somehow above the threshold', () => {
    expect(afterFailedLogin(9, now).outcome.kind).toBe('now-locked');
  });

  it('treats a lock as active only while it lies in the future', () => {
    expect(lockedAt(null, now)).toBeNull();
    expect(lockedAt(new Date(now.getTime() - 1), now)).toBeNull();
    expect(lockedAt(new Date(now.getTime()), now)).toBeNull();
    const later = new Date(now.getTime() + 1);
    expect(lockedAt(later, now)).toBe(later);
  });
});

/*
 * A small organisation for the scope rules: district 120101 with its bureau (10) and, under it, the
 * actor's division (11) with a section (12) and a sibling division (13); another district's bureau
 * (20, 120102); a city bureau (30, 120000) and the quality office (40, 120000).
 */
const D: Record<string, ScopedDept> = {
  bureau: { id: 10, districtCode: '120101' },
  own: { id: 11, districtCode: '120101' },
  child: { id: 12, districtCode: '120101' },
  sibling: { id: 13, districtCode: '120101' },
  otherDistrict: { id: 20, districtCode: '120102' },
  city: { id: 30, districtCode: '120000' },
  office: { id: 40, districtCode: '120000' },
};
const BELOW: Record<number, ScopedDept[]> = { 10: [D.bureau!, D.own!, D.child!, D.sibling!], 11: [D.own!, D.child!], 12: [D.child!], 13: [D.sibling!], 20: [D.otherDistrict!], 30: [D.city!], 40: [D.office!] };
const ENT_IN = { uscc: '91120101MA05JQ7W8X', districtCode: '120101' };
const ENT_OUT = { uscc: '91120102MA05JQ7W8Y', districtCode: '120102' };
const ENT_UNREGISTERED = { uscc: '91120101MA05JQ7W9Z', districtCode: null };

function placed(dept: ScopedDept | null, over: Partial<AccountPlacement> = {}): AccountPlacement {
  return { dept, deptAndBelow: dept ? BELOW[dept.id]! : [], districtCode: dept?.districtCode ?? null, enterprise: null, ...over };
}

/** Each built-in scope kind, as a principal in dept 11 of district 120101 (custom: 11 and 13) resolves it. */
function actorScope(kind: (typeof DATA_SCOPES)[number]): DataScope {
  return resolveDataScope([{ dataScope: kind, customDeptIds: [11, 13] }], { id: 7, deptId: 11, districtCode: '120101', enterpriseUscc: ENT_IN.uscc }, BELOW[11]!.map((d) => d.id));
}

describe('placementOutsideScope: every field of an account inside the actor’s scope', () => {
  it('accepts anything from an actor who sees everything, even an account placed nowhere', () => {
    expect(placementOutsideScope(FULL_SCOPE, placed(D.office!))).toEqual([]);
    expect(placementOutsideScope(FULL_SCOPE, NOWHERE)).toEqual([]);
  });

  it('refuses a district user pairing its own district with a city bureau (the escalation of issue 12)', () => {
    const scope = actorScope('district');
    expect(placementOutsideScope(scope, placed(D.city!, { districtCode: '120101' }))).toEqual(['deptId']);
    expect(placementOutsideScope(scope, placed(D.office!, { districtCode: '120101' }))).toEqual(['deptId']);
    expect(placementOutsideScope(scope, placed(D.own!, { districtCode: '120102' }))).toEqual(['districtCode']);
    expect(placementOutsideScope(scope, placed(D.own!))).toEqual([]);
    expect(placementOutsideScope(scope, placed(null, { districtCode: '120101001' }))).toEqual([]);
    expect(placementOutsideScope(scope, placed(null, { districtCode: '120000' }))).toEqual(['districtCode']);
  });

  it('lets a department-scoped actor place people in its department, in that department’s district only', () => {
    const scope = actorScope('dept');
    expect(placementOutsideScope(scope, placed(D.own!))).toEqual([]);
    expect(placementOutsideScope(scope, placed(D.own!, { districtCode: '120102' }))).toEqual(['districtCode']);
    expect(placementOutsideScope(scope, placed(D.child!))).toEqual(['deptId', 'districtCode']);
    expect(placementOutsideScope(scope, placed(null, { districtCode: '120101' }))).toEqual(['districtCode']);
  });

  it('judges the enterprise by where the registry places it', () => {
    const district = actorScope('district');
    expect(placementOutsideScope(district, placed(null, { districtCode: '120101', enterprise: ENT_IN }))).toEqual([]);
    expect(placementOutsideScope(district, placed(null, { districtCode: '120101', enterprise: ENT_OUT }))).toEqual(['enterpriseUscc']);
    expect(placementOutsideScope(district, placed(null, { districtCode: '120101', enterprise: ENT_UNREGISTERED }))).toEqual(['enterpriseUscc']);
    const enterprise = actorScope('enterprise');
    expect(placementOutsideScope(enterprise, placed(null, { districtCode: '120101', enterprise: ENT_IN }))).toEqual([]);
    expect(placementOutsideScope(enterprise, placed(null, { districtCode: '120102', enterprise: ENT_IN }))).toEqual(['districtCode']);
    expect(enterpriseInScope(enterprise, ENT_OUT)).toBe(false);
  });

  it('refuses an account placed nowhere unless the actor sees everything', () => {
    for (const kind of DATA_SCOPES.filter((k) => k !== 'all')) {
      expect({ kind, out: placementOutsideScope(actorScope(kind), NOWHERE) }).toEqual({ kind, out: ['deptId', 'districtCode', 'enterpriseUscc'] });
    }
  });

  it('never accepts anything from the self scope', () => {
    const scope = actorScope('self');
    for (const d of Object.values(D)) expect(placementOutsideScope(scope, placed(d)).length).toBeGreaterThan(0);
  });
});

describe('roleReachOutsideScope: a role’s scope applied to the account, within the actor’s', () => {
  const role = (dataScope: string, customDepts: ScopedDept[] = []) => ({ dataScope, customDepts });

  it('lets a 本部门 actor give 本部门 in its department, but not 本部门及以下 when the department has children', () => {
    const scope = actorScope('dept');
    expect(roleReachOutsideScope(scope, role('dept'), placed(D.own!))).toBe(false);
    expect(roleReachOutsideScope(scope, role('dept_and_below'), placed(D.own!))).toBe(true);
    // The same department without children: 本部门及以下 is only the department.
    expect(roleReachOutsideScope(scope, role('dept_and_below'), { ...placed(D.own!), deptAndBelow: [D.own!] })).toBe(false);
    expect(roleReachOutsideScope(scope, role('district'), placed(D.own!))).toBe(true);
  });

  it('lets a 本区划 actor give 本部门 / 本部门及以下 inside its district and 本区划 for its own district only', () => {
    const scope = actorScope('district');
    expect(roleReachOutsideScope(scope, role('dept_and_below'), placed(D.bureau!))).toBe(false);
    expect(roleReachOutsideScope(scope, role('dept'), placed(D.city!))).toBe(true);
    expect(roleReachOutsideScope(scope, role('district'), placed(D.own!))).toBe(false);
    expect(roleReachOutsideScope(scope, role('district'), placed(null, { districtCode: '120101001' }))).toBe(false);
    expect(roleReachOutsideScope(scope, role('district'), placed(null, { districtCode: '120000' }))).toBe(true);
    // A department below, but in another district: 本部门及以下 would reach it.
    expect(roleReachOutsideScope(scope, role('dept_and_below'), { ...placed(D.own!), deptAndBelow: [D.own!, D.otherDistrict!] })).toBe(true);
  });

  it('gives 本企业 only for an enterprise in scope, and 全部 never to a limited actor', () => {
    const scope = actorScope('district');
    expect(roleReachOutsideScope(scope, role('enterprise'), placed(null, { districtCode: '120101', enterprise: ENT_IN }))).toBe(false);
    expect(roleReachOutsideScope(scope, role('enterprise'), placed(null, { districtCode: '120101', enterprise: ENT_OUT }))).toBe(true);
    for (const kind of DATA_SCOPES.filter((k) => k !== 'all')) expect(roleReachOutsideScope(actorScope(kind), role('all'), placed(D.own!))).toBe(true);
    expect(roleReachOutsideScope(FULL_SCOPE, role('all'), placed(D.own!))).toBe(false);
  });

  it('judges 自定义 by its own departments and 仅本人 as the account itself', () => {
    const custom = actorScope('custom');
    expect(roleReachOutsideScope(custom, role('custom', [D.own!, D.sibling!]), placed(D.own!))).toBe(false);
    expect(roleReachOutsideScope(custom, role('custom', [D.own!, D.child!]), placed(D.own!))).toBe(true);
    expect(roleReachOutsideScope(custom, role('self'), placed(D.own!))).toBe(false);
    expect(roleReachOutsideScope(custom, role('unknown-kind'), placed(D.own!))).toBe(true);
  });

  it('is, for every scope kind, never outside when the actor holds that same kind at the same place', () => {
    // An actor may always give its own kind of scope to a colleague placed exactly like itself.
    const me = { ...placed(D.own!), enterprise: ENT_IN };
    for (const kind of DATA_SCOPES) {
      expect({ kind, outside: roleReachOutsideScope(actorScope(kind), role(kind, kind === 'custom' ? [D.own!, D.sibling!] : []), me) }).toEqual({ kind, outside: false });
    }
  });

  it('agrees with deptInScope for 本部门 over every department and actor kind', () => {
    for (const kind of DATA_SCOPES) {
      for (const d of Object.values(D)) expect(roleReachOutsideScope(actorScope(kind), role('dept'), placed(d))).toBe(!deptInScope(actorScope(kind), d));
    }
  });
});

describe('roleGrantProblem', () => {
  const district = { permissions: new Set(['system:user:create', 'plans:task:list']), scope: actorScope('district') };

  it('reports missing permissions and a scope beyond the actor’s, each on its own', () => {
    expect(roleGrantProblem(district, { permissions: ['plans:task:list'], dataScope: 'dept', customDepts: [] }, placed(D.own!))).toBeNull();
    expect(roleGrantProblem(district, { permissions: ['plans:task:list'], dataScope: 'dept', customDepts: [] }, placed(D.city!))).toEqual({ permissions: [], scope: true });
    expect(roleGrantProblem(district, { permissions: ['monitor:audit:list'], dataScope: 'dept', customDepts: [] }, placed(D.own!))).toEqual({ permissions: ['monitor:audit:list'], scope: false });
  });

  it('without a target judges only 全部 and 自定义 (role editing)', () => {
    expect(roleGrantProblem(district, { permissions: [], dataScope: 'district', customDepts: [] })).toBeNull();
    expect(roleGrantProblem(district, { permissions: [], dataScope: 'all', customDepts: [] })).toEqual({ permissions: [], scope: true });
    expect(roleGrantProblem(district, { permissions: [], dataScope: 'custom', customDepts: [D.city!] })).toEqual({ permissions: [], scope: true });
  });
});
