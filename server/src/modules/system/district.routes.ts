import { okResponse } from '../../../../contracts/common.js';
import { createDistrictBody, districtCodeParam, districtListQuery, districtListResponse, districtSchema, updateDistrictBody } from '../../../../contracts/system.js';
import { filterWords, sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import { dictLabeler } from './dict.service.js';
import { createDistrict, deleteDistrict, listDistricts, updateDistrict } from './district.service.js';
import { DISTRICT_EXPORT } from './system.excel.js';

const TAG = ['行政区划 Districts'];
const TITLE = '行政区划';

export function districtRoutes(app: ZApp): void {
  app.get('/api/system/districts', {
    config: { access: 'system:district:list' },
    schema: { tags: TAG, summary: '区划列表 List districts', querystring: districtListQuery, response: { 200: districtListResponse } },
    handler: async (request) => ({ items: await listDistricts(request.ctx(), request.query) }),
  });

  app.get('/api/system/districts/export', {
    config: { access: 'system:district:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出区划 Export districts (.xlsx)', querystring: districtListQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      // Parents by name from the whole table: a filtered list may leave a row's parent out.
      const [items, all, label] = await Promise.all([listDistricts(ctx, q), listDistricts(ctx, {}), dictLabeler(ctx.db)]);
      const names = new Map(all.map((d) => [d.code, d.name]));
      const rows = items.map((d) => ({ ...d, parentName: d.parentCode ? (names.get(d.parentCode) ?? null) : null }));
      const filters = filterWords([
        ['关键词', q.keyword],
        ['状态', q.status ? label('sys_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '行政区划', filters, columns: DISTRICT_EXPORT, rows, label });
    },
  });

  app.post('/api/system/districts', {
    config: { access: 'system:district:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增区划 Create a district', body: createDistrictBody, response: { 201: districtSchema } },
    handler: async (request, reply) => reply.status(201).send(await createDistrict(request.ctx(), request.body)),
  });

  app.put('/api/system/districts/:code', {
    config: { access: 'system:district:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改区划 Edit a district', params: districtCodeParam, body: updateDistrictBody, response: { 200: districtSchema } },
    handler: (request) => updateDistrict(request.ctx(), request.params.code, request.body),
  });

  app.delete('/api/system/districts/:code', {
    config: { access: 'system:district:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除区划 Delete a district', params: districtCodeParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteDistrict(request.ctx(), request.params.code);
      return { ok: true as const };
    },
  });
}
