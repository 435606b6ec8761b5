import { z } from 'zod';
import { idParam, okResponse } from '../../../../contracts/common.js';
import { PERMISSION_GROUPS } from '../../../../contracts/permissions.js';
import { createRoleBody, roleListQuery, roleListResponse, roleSchema, updateRoleBody } from '../../../../contracts/system.js';
import { EXPORT_ROW_LIMIT, filterWords, sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import { dictLabeler } from './dict.service.js';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './role.service.js';
import { ROLE_EXPORT } from './system.excel.js';

const TAG = ['角色 Roles'];
const TITLE = '角色管理';

const permissionCatalogue = z.object({
  groups: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), permissions: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })) })),
});

export function roleRoutes(app: ZApp): void {
  app.get('/api/system/permissions', {
    config: { access: 'system:role:list' },
    schema: { tags: TAG, summary: '权限目录 The permission catalogue', response: { 200: permissionCatalogue } },
    handler: async () => ({ groups: PERMISSION_GROUPS.map((g) => ({ ...g, permissions: [...g.permissions] })) }),
  });

  app.get('/api/system/roles', {
    config: { access: 'system:role:list' },
    schema: { tags: TAG, summary: '角色列表 List roles', querystring: roleListQuery, response: { 200: roleListResponse } },
    handler: (request) => listRoles(request.ctx(), request.query),
  });

  app.get('/api/system/roles/export', {
    config: { access: 'system:role:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出角色 Export roles (.xlsx)', querystring: roleListQuery.omit({ page: true, pageSize: true }) },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [page, label] = await Promise.all([listRoles(ctx, { ...q, page: 1, pageSize: EXPORT_ROW_LIMIT }), dictLabeler(ctx.db)]);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['状态', q.status ? label('sys_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '角色', filters, columns: ROLE_EXPORT, rows: page.items, label });
    },
  });

  app.get('/api/system/roles/:id', {
    config: { access: 'system:role:list' },
    schema: { tags: TAG, summary: '角色详情 Get a role', params: idParam, response: { 200: roleSchema } },
    handler: (request) => getRole(request.ctx(), request.params.id),
  });

  app.post('/api/system/roles', {
    config: { access: 'system:role:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增角色 Create a role', body: createRoleBody, response: { 201: roleSchema } },
    handler: async (request, reply) => reply.status(201).send(await createRole(request.ctx(), request.body)),
  });

  app.put('/api/system/roles/:id', {
    config: { access: 'system:role:update', oplog: { title: TITLE, type: 'grant' } },
    schema: { tags: TAG, summary: '修改角色与授权 Edit a role and its grants', params: idParam, body: updateRoleBody, response: { 200: roleSchema } },
    handler: (request) => updateRole(request.ctx(), request.params.id, request.body),
  });

  app.delete('/api/system/roles/:id', {
    config: { access: 'system:role:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除角色 Delete a role', params: idParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteRole(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  });
}
