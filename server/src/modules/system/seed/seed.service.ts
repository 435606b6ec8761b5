/**
 * Seeding. `seedBuiltins` runs at every start and only adds what is missing (dictionaries, built-in
 * roles, the 2024–2026 calendar, the admin account); it never overwrites an administrator's edits,
 * except that the administrator role always carries the whole permission catalogue.
 * `seedDemo` loads the demo city (Tianjin) deterministically; running it again changes nothing.
 * Each step that writes appends one audit row (actor `system`).
 */
import { BUILTIN_DICTS } from '../../../../../contracts/dicts.js';
import { ALL_PERMISSIONS, ADMIN_ROLE_KEY } from '../../../../../contracts/permissions.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import type { Database, Executor } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { authChanged } from '../../../platform/auth/auth-events.js';
import { generatePassword, hashPassword } from '../../../platform/auth/password.js';
import { buildYearDays } from '../../../platform/calendar/calendar.rules.js';
import { systemSource } from '../../../platform/context.js';
import { Prng } from '../../../platform/random/prng.js';
import { findCalendarYear, writeCalendarYear } from '../calendar.repository.js';
import { findDepartmentsByName, insertDepartment, type DepartmentRow } from '../department.repository.js';
import { findDictItemByValue, findDictType, insertDictItem, insertDictType } from '../dict.repository.js';
import { findDistrict, insertDistrict } from '../district.repository.js';
import { seedDocIssuer } from '../doc-issuer.service.js';
import { addRolePermissions, catalogedPermissions, catalogPermissions, findRoleByKey, insertRole, setRoleGrants } from '../role.repository.js';
import { ancestorsUnder } from '../system.rules.js';
import { countUsers, findUserByUsername, insertUser, setUserRoles, updateUserRow } from '../user.repository.js';
import { BUILTIN_ROLE_DEFS } from './builtin-roles.data.js';
import { CN_HOLIDAY_NOTICES } from '../../../platform/calendar/cn-holidays.data.js';
import {
  CITY,
  CITY_DEPARTMENTS,
  DEMO_ENTERPRISE,
  districtDepartments,
  districtStaffUsername,
  GIVEN_NAMES,
  ROLE_USERS,
  SURNAMES,
  TIANJIN_DISTRICTS,
  type DemoDepartment,
} from './tianjin.data.js';

export interface SeedReport {
  dictItemsAdded: number;
  rolesAdded: number;
  calendarYearsAdded: number[];
  adminCreated: boolean;
  /** Set only when the admin password was generated here: print it once. */
  generatedAdminPassword: string | null;
}

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  return (await countUsers(db)).total === 0;
}

async function seedDictionaries(db: Database): Promise<number> {
  const ctx = systemSource();
  let added = 0;
  await db.transaction(async (tx) => {
    for (const d of BUILTIN_DICTS) {
      if (!(await findDictType(tx, d.type))) {
        await insertDictType(tx, { type: d.type, nameZh: d.zh, nameEn: d.en, builtin: true });
      }
      let sort = 0;
      for (const item of d.items) {
        sort += 10;
        if (await findDictItemByValue(tx, d.type, item.value)) continue;
        await insertDictItem(tx, {
          dictType: d.type,
          value: item.value,
          labelZh: item.zh,
          labelEn: item.en,
          color: 'color' in item ? item.color : null,
          sort,
          builtin: true,
        });
        added++;
      }
    }
    if (added > 0) await appendAudit(tx, ctx, { action: 'system.seed.dicts', targetType: 'dict_type', targetId: null, after: { itemsAdded: added } });
  });
  return added;
}

async function seedRoles(db: Database): Promise<number> {
  const ctx = systemSource();
  let added = 0;
  await db.transaction(async (tx) => {
    let sort = 0;
    for (const def of BUILTIN_ROLE_DEFS) {
      sort += 10;
      const existing = await findRoleByKey(tx, def.key);
      if (existing) continue;
      const row = await insertRole(tx, { key: def.key, name: def.name, dataScope: def.dataScope, sort, builtin: true, remark: def.remark });
      await setRoleGrants(tx, row.id, def.key === ADMIN_ROLE_KEY ? ALL_PERMISSIONS : def.permissions, []);
      added++;
    }
    // New modules add permissions: the administrator role always has them all, and the other
    // built-in roles get their default share of permissions they have never been offered.
    const admin = await findRoleByKey(tx, ADMIN_ROLE_KEY);
    if (admin) await setRoleGrants(tx, admin.id, ALL_PERMISSIONS, []);
    const cataloged = await catalogedPermissions(tx);
    const introduced = ALL_PERMISSIONS.filter((p) => !cataloged.has(p));
    // (On a new database every permission is "introduced" and the roles already hold their share.)
    if (introduced.length > 0) {
      for (const def of BUILTIN_ROLE_DEFS) {
        const existing = def.key === ADMIN_ROLE_KEY ? null : await findRoleByKey(tx, def.key);
        if (existing) await addRolePermissions(tx, existing.id, def.permissions.filter((p) => introduced.includes(p)));
      }
    }
    if (cataloged.size > 0 && introduced.length > 0) {
      await appendAudit(tx, ctx, { action: 'system.seed.roles', targetType: 'role', targetId: null, after: { permissionsIntroduced: introduced } });
    }
    await catalogPermissions(tx, introduced);
    if (added > 0) {
      await appendAudit(tx, ctx, { action: 'system.seed.roles', targetType: 'role', targetId: null, after: { rolesAdded: added } });
    }
  });
  return added;
}

async function seedCalendar(db: Database): Promise<number[]> {
  const ctx = systemSource();
  const added: number[] = [];
  await db.transaction(async (tx) => {
    for (const notice of CN_HOLIDAY_NOTICES) {
      if (await findCalendarYear(tx, notice.year)) continue;
      await writeCalendarYear(tx, notice.year, notice.source, buildYearDays(notice.year, notice.holidays, notice.workdays));
      added.push(notice.year);
    }
    if (added.length > 0) {
      await appendAudit(tx, ctx, { action: 'system.seed.calendar', targetType: 'calendar_year', targetId: null, after: { years: added } });
    }
  });
  return added;
}

/**
 * Built-ins, at every start. The first start also creates `admin`: with `adminPassword` when given
 * (no forced change), otherwise with a generated password that must be changed at first login.
 */
export async function seedBuiltins(db: Database, opts: { adminPassword?: string | undefined } = {}): Promise<SeedReport> {
  const dictItemsAdded = await seedDictionaries(db);
  const rolesAdded = await seedRoles(db);
  const calendarYearsAdded = await seedCalendar(db);
  let adminCreated = false;
  let generatedAdminPassword: string | null = null;
  if (!(await findUserByUsername(db, 'admin'))) {
    const password = opts.adminPassword ?? generatePassword();
    if (!opts.adminPassword) generatedAdminPassword = password;
    const passwordHash = await hashPassword(password);
    const adminRole = (await findRoleByKey(db, ADMIN_ROLE_KEY))!;
    await db.transaction(async (tx) => {
      const user = await insertUser(tx, { username: 'admin', displayName: '系统管理员', passwordHash, mustChangePassword: !opts.adminPassword });
      await setUserRoles(tx, user.id, [adminRole.id]);
      await appendAudit(tx, systemSource(), { action: 'system.seed.admin', targetType: 'user', targetId: user.id, after: { username: 'admin' } });
    });
    adminCreated = true;
  }
  if (rolesAdded > 0 || adminCreated) authChanged();
  return { dictItemsAdded, rolesAdded, calendarYearsAdded, adminCreated, generatedAdminPassword };
}

export interface DemoReport {
  districtsAdded: number;
  departmentsAdded: number;
  usersAdded: number;
  /** Set only when the demo password was generated here: print it once. */
  generatedPassword: string | null;
}

/** The seed of the demo city's random parts: the same seed always gives the same city. */
export const DEMO_SEED = 20161226;

/** Load the demo city. Idempotent: what exists is left alone. */
/** The demo users who share the demo password (the administrator has its own). */
export const DEMO_USERNAMES: readonly string[] = ROLE_USERS.filter((u) => u.username !== 'admin').map((u) => u.username);

export async function seedDemo(db: Database, opts: { password?: string | undefined } = {}): Promise<DemoReport> {
  const ctx = systemSource();
  const report: DemoReport = { districtsAdded: 0, departmentsAdded: 0, usersAdded: 0, generatedPassword: null };
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password); // one hash for every demo account: a demo, not a fortress
  const prng = new Prng(DEMO_SEED);

  await db.transaction(async (tx) => {
    // Districts.
    if (!(await findDistrict(tx, CITY.code))) {
      await insertDistrict(tx, { code: CITY.code, name: CITY.name, parentCode: null, level: CITY.level, sort: 0 });
      report.districtsAdded++;
    }
    let sort = 0;
    for (const d of TIANJIN_DISTRICTS) {
      sort += 10;
      if (await findDistrict(tx, d.code)) continue;
      await insertDistrict(tx, { code: d.code, name: d.name, parentCode: CITY.code, level: 3, sort });
      report.districtsAdded++;
    }

    // Departments, parents first.
    const byKey = new Map<string, DepartmentRow>();
    const all: DemoDepartment[] = [...CITY_DEPARTMENTS, ...TIANJIN_DISTRICTS.flatMap(districtDepartments)];
    sort = 0;
    for (const def of all) {
      sort += 10;
      const parent = def.parent ? byKey.get(def.parent)! : null;
      const existing = (await findDepartmentsByName(tx, def.name)).find((d) => d.parentId === (parent?.id ?? null));
      if (existing) {
        byKey.set(def.key, existing);
        continue;
      }
      const row = await insertDepartment(tx, {
        parentId: parent?.id ?? null,
        ancestors: ancestorsUnder(parent),
        name: def.name,
        shortName: def.shortName ?? null,
        aliases: def.aliases ?? [],
        kind: def.kind,
        districtCode: def.districtCode ?? null,
        sort,
      });
      byKey.set(def.key, row);
      report.departmentsAdded++;
    }

    // One user per built-in role.
    const roleId = async (key: string) => (await findRoleByKey(tx, key))!.id;
    const enterpriseUscc = DEMO_ENTERPRISE.usccBody + usccCheckCharacter(DEMO_ENTERPRISE.usccBody);
    for (const u of ROLE_USERS) {
      const deptId = u.dept ? byKey.get(u.dept)!.id : null;
      const existing = await findUserByUsername(tx, u.username);
      if (existing) {
        // The admin account exists from the first start: give it a place in the organisation.
        if (existing.deptId === null && deptId !== null) await updateUserRow(tx, existing.id, { deptId, districtCode: u.districtCode });
        continue;
      }
      const user = await insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        deptId,
        districtCode: u.districtCode,
        enterpriseUscc: u.role === 'enterprise' ? enterpriseUscc : null,
        phone: `139${String(prng.int(10_000_000, 99_999_999))}`,
        passwordHash,
      });
      await setUserRoles(tx, user.id, [await roleId(u.role)]);
      report.usersAdded++;
    }

    // Staff of every district bureau and member unit, generated deterministically.
    const staff: { username: string; dept: DepartmentRow; role: string }[] = [];
    for (const d of TIANJIN_DISTRICTS) {
      const dept = byKey.get(`amr-${d.code}`)!;
      for (let i = 1; i <= 3; i++) staff.push({ username: districtStaffUsername(d.code, i), dept, role: i === 1 ? 'district_user' : 'inspector' });
    }
    for (const def of CITY_DEPARTMENTS.filter((c) => c.kind === 'member')) {
      staff.push({ username: `tj-${def.key}-01`, dept: byKey.get(def.key)!, role: 'dept_user' });
    }
    for (const s of staff) {
      const name = prng.pick(SURNAMES) + prng.pick(GIVEN_NAMES);
      const phone = `13${prng.int(0, 9)}${String(prng.int(10_000_000, 99_999_999))}`;
      if (await findUserByUsername(tx, s.username)) continue;
      const user = await insertUser(tx, {
        username: s.username,
        displayName: name,
        deptId: s.dept.id,
        districtCode: s.dept.districtCode,
        phone,
        passwordHash,
        mustChangePassword: true,
      });
      await setUserRoles(tx, user.id, [await roleId(s.role)]);
      report.usersAdded++;
    }

    // The demo city's 通报 are issued by its own quality office, as named in its directory.
    const office = CITY_DEPARTMENTS.find((d) => d.key === 'quality-office')!.name;
    const issuerSet = await seedDocIssuer(tx, 'assessment-notice', { name: office, mark: office, prefix: '津质强办', printer: office }, ctx.actor.username);

    if (report.districtsAdded + report.departmentsAdded + report.usersAdded > 0 || issuerSet) {
      await appendAudit(tx, ctx, {
        action: 'system.seed.demo',
        targetType: 'demo',
        targetId: 'tianjin',
        after: { districts: report.districtsAdded, departments: report.departmentsAdded, users: report.usersAdded, ...(issuerSet ? { noticeIssuer: office } : {}) },
      });
    }
  });
  if (report.usersAdded > 0 && !opts.password) report.generatedPassword = password;
  authChanged();
  return report;
}
