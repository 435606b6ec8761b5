import { z } from 'zod';
import { idParam, importResult, okResponse } from '../../../../contracts/common.js';
import {
  createUserBody,
  resetPasswordBody,
  roleOptionsQuery,
  roleOptionsResponse,
  setUserStatusBody,
  updateUserBody,
  userListQuery,
  userListResponse,
  userSchema,
} from '../../../../contracts/system.js';
import { buildTemplate, sendWorkbook } from '../../platform/excel/excel.js';
import { EXPORT_ROW_LIMIT, filterWords, sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import { uploadedFile } from '../../platform/http/upload.js';
import { dictLabeler } from './dict.service.js';
import { exportNames } from './export-names.js';
import { findRole } from './role.repository.js';
import { USER_EXPORT, USER_IMPORT } from './system.excel.js';
import { importUsers } from './user-import.service.js';
import { assignableRoles, createUser, getUser, listUsers, resetUserPassword, setUserStatus, unlockUser, updateUser } from './user.service.js';

const TAG = ['用户 Users'];
const TITLE = '用户管理';
const exportQuery = userListQuery.omit({ page: true, pageSize: true });
const importQuery = z.strictObject({ skipInvalid: z.enum(['true', 'false']).default('false') });

export function userRoutes(app: ZApp): void {
  app.get('/api/system/users', {
    config: { access: 'system:user:list' },
    schema: { tags: TAG, summary: '用户列表 List users', querystring: userListQuery, response: { 200: userListResponse } },
    handler: (request) => listUsers(request.ctx(), request.query),
  });

  app.get('/api/system/users/export', {
    config: { access: 'system:user:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出用户 Export users (.xlsx)', querystring: exportQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [page, label, names, role] = await Promise.all([
        listUsers(ctx, { ...q, page: 1, pageSize: EXPORT_ROW_LIMIT }),
        dictLabeler(ctx.db),
        exportNames(ctx.db),
        q.roleId ? findRole(ctx.db, q.roleId) : null,
      ]);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['部门', q.deptId ? (names.department(q.deptId) ?? `编号 ${q.deptId}`) : null],
        ['区划', q.districtCode ? (names.district(q.districtCode) ?? q.districtCode) : null],
        ['角色', q.roleId ? (role?.name ?? `编号 ${q.roleId}`) : null],
        ['状态', q.status ? label('sys_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '用户', filters, columns: USER_EXPORT, rows: page.items, label });
    },
  });

  app.get('/api/system/users/import-template', {
    config: { access: 'system:user:import' },
    schema: { tags: TAG, summary: '用户导入模板 User import template (.xlsx)' },
    handler: async (_request, reply) => {
      const example = {
        username: 'zhangsan',
        displayName: '张三',
        dept: '和平区市场监督管理局',
        districtCode: '120101',
        phone: '13800138000',
        email: 'zhangsan@example.gov.cn',
        roles: '区用户',
        status: '正常',
        enterpriseUscc: '',
        // An example that passes the whole policy ("Zhiliang-2026", the product's name and a year, does not).
        password: 'Heping-Staff-0817!',
      };
      return sendWorkbook(reply, '用户导入模板', await buildTemplate('用户', USER_IMPORT, [example]));
    },
  });

  app.post('/api/system/users/import', {
    config: { access: 'system:user:import', oplog: { title: TITLE, type: 'import' } },
    schema: { tags: TAG, summary: '导入用户 Import users (multipart file)', querystring: importQuery, response: { 200: importResult } },
    handler: async (request) => {
      const { buffer } = await uploadedFile(request);
      return importUsers(request.ctx(), buffer, { skipInvalid: request.query.skipInvalid === 'true' });
    },
  });

  app.get('/api/system/users/role-options', {
    config: { access: 'system:user:list' },
    schema: {
      tags: TAG,
      summary: '可授予的角色 Roles the caller may assign',
      description:
        '给出 deptId / districtCode / enterpriseUscc 时，只列出可授予位于该处的用户的角色（角色的数据范围作用于该用户后不得超出调用者的数据权限）。' +
        ' With deptId / districtCode / enterpriseUscc, only the roles the caller may grant to an account placed there.',
      querystring: roleOptionsQuery,
      response: { 200: roleOptionsResponse },
    },
    handler: async (request) => {
      const q = request.query;
      const placed = q.deptId !== undefined || q.districtCode !== undefined || q.enterpriseUscc !== undefined;
      return { items: await assignableRoles(request.ctx(), placed ? q : undefined) };
    },
  });

  app.get('/api/system/users/:id', {
    config: { access: 'system:user:list' },
    schema: { tags: TAG, summary: '用户详情 Get a user', params: idParam, response: { 200: userSchema } },
    handler: (request) => getUser(request.ctx(), request.params.id),
  });

  app.post('/api/system/users', {
    config: { access: 'system:user:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增用户 Create a user', body: createUserBody, response: { 201: userSchema } },
    handler: async (request, reply) => reply.status(201).send(await createUser(request.ctx(), request.body)),
  });

  app.put('/api/system/users/:id', {
    config: { access: 'system:user:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改用户 Edit a user', params: idParam, body: updateUserBody, response: { 200: userSchema } },
    handler: (request) => updateUser(request.ctx(), request.params.id, request.body),
  });

  app.put('/api/system/users/:id/status', {
    config: { access: 'system:user:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '启用或停用用户 Enable or disable a user', params: idParam, body: setUserStatusBody, response: { 200: userSchema } },
    handler: (request) => setUserStatus(request.ctx(), request.params.id, request.body.status),
  });

  app.put('/api/system/users/:id/password', {
    config: { access: 'system:user:reset-password', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '重置密码 Reset a user’s password', params: idParam, body: resetPasswordBody, response: { 200: okResponse } },
    handler: async (request) => {
      await resetUserPassword(request.ctx(), request.params.id, request.body.password);
      return { ok: true as const };
    },
  });

  app.put('/api/system/users/:id/unlock', {
    config: { access: 'system:user:unlock', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '解锁用户 Unlock a user', params: idParam, response: { 200: userSchema } },
    handler: (request) => unlockUser(request.ctx(), request.params.id),
  });
}
