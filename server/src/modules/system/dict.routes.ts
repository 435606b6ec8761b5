import { z } from 'zod';
import { okResponse } from '../../../../contracts/common.js';
import {
  allDictsResponse,
  createDictItemBody,
  createDictTypeBody,
  dictItemSchema,
  dictItemsResponse,
  dictTypeListQuery,
  dictTypeListResponse,
  dictTypeParam,
  dictTypeSchema,
  updateDictItemBody,
  updateDictTypeBody,
} from '../../../../contracts/system.js';
import { EXPORT_ROW_LIMIT, filterWords, sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import { DICT_EXPORT } from './system.excel.js';
import {
  allActiveDicts,
  createDictItem,
  createDictType,
  deleteDictItem,
  deleteDictType,
  dictLabeler,
  getDictType,
  listDictTypes,
  updateDictItem,
  updateDictType,
} from './dict.service.js';

const TAG = ['数据字典 Dictionaries'];
const TITLE = '数据字典';
const itemParams = dictTypeParam.extend({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function dictRoutes(app: ZApp): void {
  // Every signed-in user's web app renders enums from this, whatever their permissions.
  app.get('/api/system/dicts/all', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: '全部启用的字典（前端渲染枚举）All active dictionaries', response: { 200: allDictsResponse } },
    handler: (request) => allActiveDicts(request.ctx()),
  });

  app.get('/api/system/dicts', {
    config: { access: 'system:dict:list' },
    schema: { tags: TAG, summary: '字典类型列表 List dictionary types', querystring: dictTypeListQuery, response: { 200: dictTypeListResponse } },
    handler: (request) => listDictTypes(request.ctx(), request.query),
  });

  app.get('/api/system/dicts/export', {
    config: { access: 'system:dict:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出字典 Export dictionaries (.xlsx)', querystring: dictTypeListQuery.omit({ page: true, pageSize: true }) },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const types = await listDictTypes(ctx, { ...q, page: 1, pageSize: EXPORT_ROW_LIMIT });
      const rows = [];
      for (const t of types.items) {
        const { items } = await getDictType(ctx, t.type);
        rows.push(...items.map((item) => ({ type: t, item })));
      }
      const label = await dictLabeler(ctx.db);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['状态', q.status ? label('sys_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '数据字典', filters, columns: DICT_EXPORT, rows, label });
    },
  });

  app.get('/api/system/dicts/:type', {
    config: { access: 'system:dict:list' },
    schema: { tags: TAG, summary: '字典类型及其数据 A dictionary type and its items', params: dictTypeParam, response: { 200: dictItemsResponse } },
    handler: (request) => getDictType(request.ctx(), request.params.type),
  });

  app.post('/api/system/dicts', {
    config: { access: 'system:dict:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增字典类型 Create a dictionary type', body: createDictTypeBody, response: { 201: dictTypeSchema } },
    handler: async (request, reply) => reply.status(201).send(await createDictType(request.ctx(), request.body)),
  });

  app.put('/api/system/dicts/:type', {
    config: { access: 'system:dict:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改字典类型 Edit a dictionary type', params: dictTypeParam, body: updateDictTypeBody, response: { 200: dictTypeSchema } },
    handler: (request) => updateDictType(request.ctx(), request.params.type, request.body),
  });

  app.delete('/api/system/dicts/:type', {
    config: { access: 'system:dict:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除字典类型 Delete a dictionary type', params: dictTypeParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteDictType(request.ctx(), request.params.type);
      return { ok: true as const };
    },
  });

  app.post('/api/system/dicts/:type/items', {
    config: { access: 'system:dict:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增字典数据 Add a dictionary item', params: dictTypeParam, body: createDictItemBody, response: { 201: dictItemSchema } },
    handler: async (request, reply) => reply.status(201).send(await createDictItem(request.ctx(), request.params.type, request.body)),
  });

  app.put('/api/system/dicts/:type/items/:id', {
    config: { access: 'system:dict:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改字典数据 Edit a dictionary item', params: itemParams, body: updateDictItemBody, response: { 200: dictItemSchema } },
    handler: (request) => updateDictItem(request.ctx(), request.params.type, request.params.id, request.body),
  });

  app.delete('/api/system/dicts/:type/items/:id', {
    config: { access: 'system:dict:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除字典数据 Delete a dictionary item', params: itemParams, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteDictItem(request.ctx(), request.params.type, request.params.id);
      return { ok: true as const };
    },
  });
}
