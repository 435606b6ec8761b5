import { idParam, okResponse } from '../../../../contracts/common.js';
import { createDepartmentBody, departmentListQuery, departmentListResponse, departmentSchema, updateDepartmentBody } from '../../../../contracts/system.js';
import { filterWords, sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './department.service.js';
import { dictLabeler } from './dict.service.js';
import { exportNames } from './export-names.js';
import { DEPARTMENT_EXPORT } from './system.excel.js';

const TAG = ['部门 Departments'];
const TITLE = '部门管理';

export function departmentRoutes(app: ZApp): void {
  app.get('/api/system/departments', {
    config: { access: 'system:dept:list' },
    schema: { tags: TAG, summary: '部门列表（树由 parentId 构建）List departments', querystring: departmentListQuery, response: { 200: departmentListResponse } },
    handler: async (request) => ({ items: await listDepartments(request.ctx(), request.query) }),
  });

  app.get('/api/system/departments/export', {
    config: { access: 'system:dept:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出部门 Export departments (.xlsx)', querystring: departmentListQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [items, label, names] = await Promise.all([listDepartments(ctx, q), dictLabeler(ctx.db), exportNames(ctx.db)]);
      const rows = items.map((d) => ({ ...d, parentName: names.department(d.parentId), districtName: names.district(d.districtCode) }));
      const filters = filterWords([
        ['关键词', q.keyword],
        ['部门类型', q.kind ? label('sys_dept_kind', q.kind) : null],
        ['状态', q.status ? label('sys_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '部门', filters, columns: DEPARTMENT_EXPORT, rows, label });
    },
  });

  app.post('/api/system/departments', {
    config: { access: 'system:dept:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增部门 Create a department', body: createDepartmentBody, response: { 201: departmentSchema } },
    handler: async (request, reply) => reply.status(201).send(await createDepartment(request.ctx(), request.body)),
  });

  app.put('/api/system/departments/:id', {
    config: { access: 'system:dept:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改或移动部门 Edit or move a department', params: idParam, body: updateDepartmentBody, response: { 200: departmentSchema } },
    handler: (request) => updateDepartment(request.ctx(), request.params.id, request.body),
  });

  app.delete('/api/system/departments/:id', {
    config: { access: 'system:dept:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除部门 Delete a department', params: idParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteDepartment(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  });
}
