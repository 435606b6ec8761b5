/** Registry and archive routes (thin: parse, authorize by permission, call the use case). */
import { z } from 'zod';
import { isoDate } from '../../../../contracts/common.js';
import {
  createEntityBody,
  entityDetail,
  entityListQuery,
  entityListResponse,
  licenceBody,
  productBody,
  recordBody,
  recordListQuery,
  recordListResponse,
  archiveRecordSchema,
  updateEntityBody,
  usccParam,
} from '../../../../contracts/entities.js';
import type { DictLabel } from '../../platform/excel/excel.js';
import { EXPORT_BATCH, EXPORT_ROW_LIMIT, filterWords, sendExport } from '../../platform/excel/excel-export.js';
import { industryName, parseIndustryCode } from '../../../../contracts/industries.js';
import { entityExport } from './entities.excel.js';
import { hasPermission } from '../../platform/context.js';
import type { ZApp } from '../../platform/http/types.js';
import type { Executor } from '../../db/client.js';
import { addLicence, addProduct, createEntity, entityExportBatches, getEntity, listEntities, removeProduct, revokeLicence, updateEntity } from './entity.service.js';
import { addRecord, listEntityRecords } from './record.service.js';
import { submissionRoutes } from './submission.routes.js';

const TAG = ['市场主体与质量档案 Entities'];
const TITLE = '市场主体';
const RECORD_TITLE = '质量档案';

export interface EntitiesDeps {
  label: (db: Executor) => Promise<DictLabel>;
  /** District names for the export's filters (from the system module). */
  districtNames: (db: Executor) => Promise<(code: string | null | undefined) => string | null>;
}

const exportQuery = entityListQuery.omit({ page: true, pageSize: true });

const productParams = z.strictObject({ uscc: usccParam.shape.uscc, productId: z.coerce.number().int().positive() });
const licenceParams = z.strictObject({ uscc: usccParam.shape.uscc, licenceId: z.coerce.number().int().positive() });

export function entitiesRoutes(app: ZApp, deps: EntitiesDeps): void {
  app.get('/api/entities', {
    config: { access: 'entities:entity:list' },
    schema: {
      tags: TAG,
      summary: '市场主体查询 Search entities',
      description:
        '关键词为统一社会信用代码（精确）、名称（分词全文检索 + 三元组模糊匹配，含曾用名）或名称拼音、拼音首字母（如 tjdz、tianjin deze），按匹配程度排序，最多列出 10,000 条；匹配更多时 capped 为 true，total 为下限。' +
        '没有任何匹配时列出读音或字形相近的名称（至多 50 条），near 为 true。' +
        ' Keyword: a USCC (exact), a name (jieba full text + trigram fuzzy match, former names too) or its pinyin or initials (tjdz, tianjin deze), best match first, at most 10,000 listed; when more match, `capped` is true and `total` is a lower bound.' +
        ' When nothing matches, names that sound or look alike are listed (at most 50) with `near` true.',
      querystring: entityListQuery,
      response: { 200: entityListResponse },
    },
    handler: (request) => listEntities(request.ctx(), request.query),
  });

  app.get('/api/entities/export', {
    config: { access: 'entities:entity:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出市场主体 Export entities (.xlsx)', querystring: exportQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [label, district] = await Promise.all([deps.label(ctx.db), deps.districtNames(ctx.db)]);
      const industry = q.industry ? parseIndustryCode(q.industry) : null;
      const filters = filterWords([
        ['关键词', q.keyword],
        ['区划', q.districtCode ? (district(q.districtCode) ?? q.districtCode) : null],
        ['行业', industry ? `${q.industry} ${industryName(industry.section, industry.division)}` : null],
        ['登记状态', q.status ? label('ent_status', q.status) : null],
        ['主体类型', q.entityType ? label('ent_type', q.entityType) : null],
        ['质量信用等级', q.grade ? label('credit_grade', q.grade) : null],
        ['信用风险分类', q.riskClass ? label('credit_risk_class', q.riskClass) : null],
        ['质量安全总监', q.missingOfficer === 'true' ? '仅缺质量安全总监' : null],
      ]);
      const columns = entityExport({ grade: hasPermission(ctx, 'credit:evaluation:list'), risk: hasPermission(ctx, 'credit:risk:list') && !ctx.scope.enterpriseUscc });
      const rows = entityExportBatches(ctx, q, EXPORT_ROW_LIMIT, EXPORT_BATCH);
      return sendExport(reply, { title: '市场主体', filters, columns, rows, label, maxRows: EXPORT_ROW_LIMIT });
    },
  });

  app.post('/api/entities', {
    config: { access: 'entities:entity:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '登记市场主体 Register an entity', body: createEntityBody, response: { 201: entityDetail } },
    handler: async (request, reply) => reply.status(201).send(await createEntity(request.ctx(), request.body)),
  });

  app.get('/api/entities/:uscc', {
    config: { access: 'entities:entity:list' },
    schema: { tags: TAG, summary: '市场主体详情 Get an entity', params: usccParam, response: { 200: entityDetail } },
    handler: (request) => getEntity(request.ctx(), request.params.uscc),
  });

  app.put('/api/entities/:uscc', {
    config: { access: 'entities:entity:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改市场主体 Edit an entity', params: usccParam, body: updateEntityBody, response: { 200: entityDetail } },
    handler: (request) => updateEntity(request.ctx(), request.params.uscc, request.body),
  });

  app.post('/api/entities/:uscc/products', {
    config: { access: 'entities:entity:update', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增产品 Add a product', params: usccParam, body: productBody, response: { 201: entityDetail } },
    handler: async (request, reply) => reply.status(201).send(await addProduct(request.ctx(), request.params.uscc, request.body)),
  });

  app.delete('/api/entities/:uscc/products/:productId', {
    config: { access: 'entities:entity:update', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除产品 Remove a product', params: productParams, response: { 200: entityDetail } },
    handler: (request) => removeProduct(request.ctx(), request.params.uscc, request.params.productId),
  });

  app.post('/api/entities/:uscc/licences', {
    config: { access: 'entities:entity:update', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '新增证照 Add a licence or certificate', params: usccParam, body: licenceBody, response: { 201: entityDetail } },
    handler: async (request, reply) => reply.status(201).send(await addLicence(request.ctx(), request.params.uscc, request.body)),
  });

  app.post('/api/entities/:uscc/licences/:licenceId/revoke', {
    config: { access: 'entities:entity:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '注销证照 Revoke a licence', params: licenceParams, body: z.strictObject({ revokedOn: isoDate }), response: { 200: entityDetail } },
    handler: (request) => revokeLicence(request.ctx(), request.params.uscc, request.params.licenceId, request.body.revokedOn),
  });

  app.get('/api/entities/:uscc/records', {
    config: { access: 'entities:record:list' },
    schema: { tags: TAG, summary: '质量档案记录 Archive records', params: usccParam, querystring: recordListQuery, response: { 200: recordListResponse } },
    handler: (request) => listEntityRecords(request.ctx(), request.params.uscc, request.query),
  });

  app.post('/api/entities/:uscc/records', {
    // Officers add records (entities:record:create); enterprises their declarations and commitments
    // (entities:record:declare): the use case checks which kinds the user may add.
    config: { access: 'authenticated', oplog: { title: RECORD_TITLE, type: 'create' } },
    schema: {
      tags: TAG,
      summary: '添加或更正档案记录 Add or correct a record',
      description: '档案只增不改：更正时新增一条记录并以 correctsId 指向被更正记录。The archive is append-only: a correction is a new record naming the corrected one (correctsId).',
      params: usccParam,
      body: recordBody,
      response: { 201: archiveRecordSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await addRecord(request.ctx(), request.params.uscc, request.body)),
  });

  submissionRoutes(app);
}
