/**
 * Import users from the Excel template. Every row is checked first; a file with errors imports
 * nothing unless the caller asks to import the valid rows. Rows are matched by username: a new
 * username creates a user (with the row's initial password, to be changed at first login), an
 * existing one updates that user's profile, department, district and roles (never the password).
 * Re-importing the same file changes nothing.
 */
import { createUserBody, updateUserBody } from '../../../../contracts/system.js';
import type { ImportResult } from '../../../../contracts/common.js';
import { pickLang } from '../../../../contracts/i18n.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { hashPassword, passwordProblems } from '../../platform/auth/password.js';
import type { Ctx } from '../../platform/context.js';
import { readSheet, RowErrors, type SheetRow } from '../../platform/excel/excel.js';
import { AppError } from '../../platform/http/errors.js';
import { findDepartment, findDepartmentsByName } from './department.repository.js';
import { findRolesByNamesOrKeys } from './role.repository.js';
import { USER_IMPORT } from './system.excel.js';
import { normalizeUsername } from './system.rules.js';
import { insertUser, rolesOfUsers, setUserRoles, updateUserRow, usernamesTaken, type UserRow } from './user.repository.js';
import { checkUserRefs, loadManageableUser, loadUserDto, recheckUserRefs } from './user.service.js';

const MAX_ROWS = 5_000;
const HEADER: Record<string, string> = Object.fromEntries(USER_IMPORT.map((c) => [c.key, c.header]));

interface PlannedRow {
  row: number;
  username: string;
  existing: UserRow | null;
  values: {
    displayName: string;
    deptId: number | null;
    districtCode: string | null;
    phone: string | null;
    email: string | null;
    enterpriseUscc: string | null;
    status: 'active' | 'disabled';
    roleIds: number[];
  };
  password: string | null;
}

function parseStatus(text: string | null): 'active' | 'disabled' | null {
  if (text === null) return 'active';
  const t = text.trim().toLowerCase();
  if (['正常', '启用', 'active', '1'].includes(t)) return 'active';
  if (['停用', '禁用', 'disabled', '0'].includes(t)) return 'disabled';
  return null;
}

async function resolveDept(ctx: Ctx, text: string | null): Promise<{ id: number | null } | { error: string }> {
  if (text === null) return { id: null };
  if (/^\d+$/.test(text)) {
    const d = await findDepartment(ctx.db, Number(text));
    return d ? { id: d.id } : { error: `部门编号 ${text} 不存在` };
  }
  const matches = await findDepartmentsByName(ctx.db, text);
  if (matches.length === 0) return { error: `部门「${text}」不存在` };
  if (matches.length > 1) return { error: `部门名称「${text}」对应多个部门，请填写部门编号` };
  return { id: matches[0]!.id };
}

async function planRows(ctx: Ctx, rows: SheetRow[], errors: RowErrors): Promise<PlannedRow[]> {
  const existingByName = await usernamesTaken(ctx.db, rows.map((r) => normalizeUsername(r.values.username ?? '')));
  const roleCache = new Map<string, number | null>();
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const { row, values: v } of rows) {
    const before = errors.count;
    const fail = (key: string, message: string) => errors.add(row, HEADER[key] ?? key, message);
    const username = normalizeUsername(v.username ?? '');
    const dupOf = seen.get(username);
    if (username && dupOf !== undefined) fail('username', `与第 ${dupOf} 行用户名重复`);
    seen.set(username, row);
    const existing = existingByName.get(username) ?? null;

    const status = parseStatus(v.status ?? null);
    if (!status) fail('status', '状态应为“正常”或“停用”');
    const dept = await resolveDept(ctx, v.dept ?? null);
    if ('error' in dept) fail('dept', dept.error);
    const roleIds: number[] = [];
    for (const name of (v.roles ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean)) {
      if (!roleCache.has(name)) roleCache.set(name, (await findRolesByNamesOrKeys(ctx.db, [name]))[0]?.id ?? null);
      const id = roleCache.get(name);
      if (id === null || id === undefined) fail('roles', `角色「${name}」不存在`);
      else roleIds.push(id);
    }
    const fields = {
      displayName: v.displayName ?? '',
      deptId: 'id' in dept ? dept.id : null,
      districtCode: v.districtCode,
      phone: v.phone,
      email: v.email,
      enterpriseUscc: v.enterpriseUscc,
      status: status ?? 'active',
      roleIds: [...new Set(roleIds)],
    };
    const parsed = existing
      ? updateUserBody.safeParse(fields)
      : createUserBody.safeParse({ ...fields, username: v.username ?? '', password: v.password ?? '' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'username');
        if (key === 'roleIds' && (v.roles ?? '').trim() !== '' && roleIds.length === 0) continue; // already reported per role
        fail(key === 'roleIds' ? 'roles' : key === 'deptId' ? 'dept' : key, pickLang(issue.message, 'zh'));
      }
      continue;
    }
    if (errors.count > before) continue;
    const d = parsed.data;
    if (!existing) {
      // The same policy as the form: not the username, not guessable (the schema checked length and classes).
      const problems = await passwordProblems(v.password ?? '', { username, displayName: d.displayName });
      for (const p of problems) fail('password', pickLang(p, 'zh'));
      if (problems.length > 0) continue;
    }
    const clean = {
      displayName: d.displayName,
      deptId: d.deptId,
      districtCode: d.districtCode ?? null,
      phone: d.phone ?? null,
      email: d.email ?? null,
      enterpriseUscc: d.enterpriseUscc ?? null,
      status: d.status,
      roleIds: d.roleIds,
    };
    try {
      if (existing) {
        // The same rules as editing one user: in scope, not more powerful than the importer, no self-lockout.
        await loadManageableUser(ctx, ctx.db, existing.id);
      }
      const previousRoles = existing ? ((await rolesOfUsers(ctx.db, [existing.id])).get(existing.id) ?? []).map((r) => r.id) : [];
      if (existing && existing.id === ctx.actor.userId) {
        const rolesChanged = [...clean.roleIds].sort().join() !== [...previousRoles].sort().join();
        if (rolesChanged || clean.status !== 'active') throw new AppError('SELF_LOCKOUT');
      }
      const { districtCode } = await checkUserRefs(ctx, ctx.db, clean);
      planned.push({ row, username, existing, values: { ...clean, districtCode }, password: existing ? null : (v.password ?? null) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const detail = Array.isArray(err.details) ? (err.details as { path: string; message: string }[])[0] : undefined;
      const refusedRole = err.code === 'FORBIDDEN' && !!(err.details as { role?: string } | undefined)?.role;
      const key = detail?.path === 'deptId' ? 'dept' : detail?.path === 'roleIds' || refusedRole ? 'roles' : (detail?.path ?? 'username');
      const outOfScope = err.code === 'NOT_FOUND' ? '该用户已存在，但不在您的数据权限范围内' : null;
      fail(key, detail ? pickLang(detail.message, 'zh') : (outOfScope ?? err.messageIn('zh')));
    }
  }
  return planned;
}

function sameUser(u: UserRow, roleIds: number[], p: PlannedRow['values']): boolean {
  return (
    u.displayName === p.displayName &&
    u.deptId === p.deptId &&
    u.districtCode === p.districtCode &&
    (u.phone ?? null) === (p.phone ?? null) &&
    (u.email ?? null) === (p.email ?? null) &&
    (u.enterpriseUscc ?? null) === (p.enterpriseUscc ?? null) &&
    u.status === p.status &&
    [...roleIds].sort().join() === [...p.roleIds].sort().join()
  );
}

export async function importUsers(ctx: Ctx, buffer: Buffer, opts: { skipInvalid: boolean }): Promise<ImportResult> {
  const rows = await readSheet(buffer, USER_IMPORT, MAX_ROWS);
  const errors = new RowErrors();
  const planned = await planRows(ctx, rows, errors);
  if (errors.count > 0 && !opts.skipInvalid) {
    throw new AppError('IMPORT_INVALID', {
      message: { zh: `导入文件有 ${errors.count} 处错误，未导入任何数据`, en: `The file has ${errors.count} error(s); nothing was imported` },
      details: { errors: errors.items },
    });
  }
  const existingRoles = await rolesOfUsers(ctx.db, planned.filter((p) => p.existing).map((p) => p.existing!.id));
  const hashes = new Map<number, string>();
  await Promise.all(planned.filter((p) => p.password).map(async (p) => hashes.set(p.row, await hashPassword(p.password!))));
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, skipped: rows.length - planned.length, errors: errors.items };
  await ctx.db.transaction(async (tx) => {
    for (const p of planned) {
      // Judged again under the roles' share locks, as a single grant is (a role edited meanwhile).
      await recheckUserRefs(ctx, tx, p.values);
      if (p.existing) {
        const currentRoles = (existingRoles.get(p.existing.id) ?? []).map((r) => r.id);
        if (sameUser(p.existing, currentRoles, p.values)) {
          result.unchanged++;
          continue;
        }
        const before = await loadUserDto(tx, p.existing.id, false);
        const { roleIds, ...fields } = p.values;
        await updateUserRow(tx, p.existing.id, fields);
        await setUserRoles(tx, p.existing.id, roleIds);
        await appendAudit(tx, ctx, { action: 'system.user.import_update', targetType: 'user', targetId: p.existing.id, before, after: await loadUserDto(tx, p.existing.id, false) });
        result.updated++;
      } else {
        const { roleIds, ...fields } = p.values;
        const created = await insertUser(tx, { ...fields, username: p.username, passwordHash: hashes.get(p.row)!, mustChangePassword: true });
        await setUserRoles(tx, created.id, roleIds);
        await appendAudit(tx, ctx, { action: 'system.user.import_create', targetType: 'user', targetId: created.id, after: await loadUserDto(tx, created.id, false) });
        result.inserted++;
      }
    }
  });
  if (result.updated > 0) authChanged();
  return result;
}
