/** Credit lists and red/black rounds over HTTP: thin handlers over list.service and honour.service. */
import { idParam } from '../../../../../contracts/common.js';
import {
  approveHonourRoundBody,
  approveListEntryBody,
  clockReportSchema,
  createHonourRoundBody,
  createListEntryBody,
  creditSettingsSchema,
  cureListEntryBody,
  honourRoundDetailSchema,
  honourRoundPage,
  honourRoundQuery,
  listAlertsSchema,
  listEntryPage,
  listEntryQuery,
  listEntrySchema,
  publishListEntryBody,
  removeListEntryBody,
  revokeListEntryBody,
  updateCreditSettingsBody,
  updateHonourRoundBody,
  LIST_STATUS_LABELS,
  LIST_STEP_LABELS,
  usccParam,
  type ListEntry,
} from '../../../../../contracts/credit-lists.js';
import { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { DictLabel } from '../../../platform/excel/excel.js';
import { filterWords, sendExport, type ExportColumn } from '../../../platform/excel/excel-export.js';
import type { ZApp } from '../../../platform/http/types.js';
import { groundsInWords } from './lists.rules.js';
import { approveHonourRound, createHonourRound, getHonourRound, listHonourRounds, publishHonourRound, submitHonourRound, updateHonourRound } from '../honours/honour.service.js';
import {
  approveListEntry,
  createListEntry,
  cureListEntry,
  entityListEntries,
  getListEntry,
  listAlerts,
  listListEntries,
  publishListEntry,
  removeListEntryByOfficer,
  revokeListEntry,
} from './list.service.js';
import { runListClock } from '../clock/list-clock.js';
import { getCreditSettings, updateCreditSettings } from './list-settings.service.js';

const TAG = ['信用名单 Credit lists'];
const HONOUR_TAG = ['红黑榜 Red/black lists'];
const TITLE = '信用名单';
const HONOUR_TITLE = '红黑榜';
const EXPORT_MAX = 10_000;

export interface CreditListsDeps {
  label: (db: Executor) => Promise<DictLabel>;
  /** District names for the export (from the system module). */
  districtNames: (db: Executor) => Promise<(code: string | null | undefined) => string | null>;
}

type ExportedEntry = ListEntry & { districtName: string | null };

/** The list as the page shows it: names, grounds, statuses and steps in words, dates as dates. */
const EXPORT_COLUMNS: ExportColumn<ExportedEntry>[] = [
  { header: '名单', width: 18, value: (e, label) => label('credit_list', e.list) },
  { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
  { header: '主体名称', width: 36, value: (e) => e.entityName },
  { header: '区划', width: 10, value: (e) => e.districtName ?? e.districtCode },
  { header: '列入事由', width: 36, value: (e) => groundsInWords(e) },
  { header: '决定文号', width: 26, value: (e) => e.decisionNo },
  { header: '处罚决定书文号', width: 26, value: (e) => e.penaltyDecisionNo },
  { header: '决定日期', width: 12, type: 'date', value: (e) => e.decisionDate },
  { header: '状态', width: 10, value: (e) => LIST_STATUS_LABELS[e.status][0] },
  { header: '应公示日期', width: 12, type: 'date', value: (e) => e.publishBy },
  { header: '公示日期', width: 12, type: 'date', value: (e) => e.publishedOn },
  { header: '可申请提前\n移出日期', width: 12, type: 'date', value: (e) => e.earlyRemovalFrom },
  { header: '届满日期', width: 12, type: 'date', value: (e) => e.autoRemoveOn },
  { header: '移出日期', width: 12, type: 'date', value: (e) => e.removedOn },
  { header: '下一步', width: 10, value: (e) => (e.nextStep ? LIST_STEP_LABELS[e.nextStep.step][0] : null) },
  { header: '下一步期限', width: 12, type: 'date', value: (e) => e.nextStep?.dueOn },
  { header: '剩余工作日', width: 10, type: 'number', value: (e) => e.nextStep?.workingDaysLeft },
  { header: '是否逾期', width: 8, value: (e) => (e.nextStep ? (e.nextStep.overdue ? '是' : '否') : null) },
];

export function creditListsRoutes(app: ZApp, deps: CreditListsDeps): void {
  app.get('/api/credit/lists', {
    config: { access: 'credit:list:list' },
    schema: { tags: TAG, summary: '名单记录列表 List entries', querystring: listEntryQuery, response: { 200: listEntryPage } },
    handler: (request) => listListEntries(request.ctx(), request.query),
  });

  app.get('/api/credit/lists/export', {
    config: { access: 'credit:list:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出名单 Export entries (.xlsx)', querystring: listEntryQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [page, label, district, round] = await Promise.all([
        listListEntries(ctx, { ...q, page: 1, pageSize: EXPORT_MAX }),
        deps.label(ctx.db),
        deps.districtNames(ctx.db),
        q.roundId ? getHonourRound(ctx, q.roundId).catch(() => null) : null,
      ]);
      const filters = filterWords([
        ['名单', q.list ? label('credit_list', q.list) : null],
        ['状态', q.status ? LIST_STATUS_LABELS[q.status][0] : null],
        ['区划', q.districtCode ? (district(q.districtCode) ?? q.districtCode) : null],
        ['关键词', q.keyword],
        ['期限', q.overdue === true ? '仅逾期' : null],
        ['红黑榜', q.roundId ? (round?.title ?? `编号 ${q.roundId}`) : null],
      ]);
      const rows = page.items.map((e) => ({ ...e, districtName: district(e.districtCode) }));
      return sendExport(reply, { title: '信用名单', filters, columns: EXPORT_COLUMNS, rows, label, maxRows: EXPORT_MAX });
    },
  });

  app.get('/api/credit/lists/alerts', {
    config: { access: 'credit:list:list' },
    schema: { tags: TAG, summary: '名单期限预警 Overdue and due-soon steps', response: { 200: listAlertsSchema } },
    handler: (request) => listAlerts(request.ctx()),
  });

  app.get('/api/credit/lists/settings', {
    config: { access: 'credit:list:list' },
    schema: { tags: TAG, summary: '信用设置 Credit settings', response: { 200: creditSettingsSchema } },
    handler: (request) => getCreditSettings(request.ctx().db),
  });

  app.put('/api/credit/lists/settings', {
    config: { access: 'credit:model:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改信用设置 Update credit settings', body: updateCreditSettingsBody, response: { 200: creditSettingsSchema } },
    handler: (request) => updateCreditSettings(request.ctx(), request.body),
  });

  app.post('/api/credit/lists/clock', {
    config: { access: 'credit:list:approve', oplog: { title: TITLE, type: 'other' } },
    schema: { tags: TAG, summary: '运行名单期限处理 Run the list clock', response: { 200: clockReportSchema } },
    handler: (request) => runListClock(request.ctx()),
  });

  app.get('/api/credit/lists/:id', {
    config: { access: 'credit:list:list' },
    schema: { tags: TAG, summary: '名单记录详情 Entry detail', params: idParam, response: { 200: listEntrySchema } },
    handler: (request) => getListEntry(request.ctx(), request.params.id),
  });

  app.post('/api/credit/lists', {
    config: { access: 'credit:list:create', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '作出列入决定 Decide a listing', body: createListEntryBody, response: { 201: listEntrySchema } },
    handler: async (request, reply) => reply.status(201).send(await createListEntry(request.ctx(), request.body)),
  });

  app.post('/api/credit/lists/:id/approve', {
    config: { access: 'credit:list:approve', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '审批列入决定 Approve or reject a listing', params: idParam, body: approveListEntryBody, response: { 200: listEntrySchema } },
    handler: (request) => approveListEntry(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/lists/:id/publish', {
    config: { access: 'credit:list:create', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '公示 Publish', params: idParam, body: publishListEntryBody, response: { 200: listEntrySchema } },
    handler: (request) => publishListEntry(request.ctx(), request.params.id, request.body?.publishedOn),
  });

  app.post('/api/credit/lists/:id/cure', {
    config: { access: 'credit:list:create', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '登记已纠正（经营异常名录）Record the cure', params: idParam, body: cureListEntryBody, response: { 200: listEntrySchema } },
    handler: (request) => cureListEntry(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/lists/:id/remove', {
    config: { access: 'credit:list:remove', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '移出名单 Remove', params: idParam, body: removeListEntryBody, response: { 200: listEntrySchema } },
    handler: (request) => removeListEntryByOfficer(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/lists/:id/revoke', {
    config: { access: 'credit:list:remove', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '撤销列入（处罚决定被撤销）Revoke', params: idParam, body: revokeListEntryBody, response: { 200: listEntrySchema } },
    handler: (request) => revokeListEntry(request.ctx(), request.params.id, request.body),
  });

  app.get('/api/credit/entities/:uscc/lists', {
    config: { access: 'credit:evaluation:list' },
    schema: { tags: TAG, summary: '主体的名单记录 Entries of an entity', params: usccParam, response: { 200: z.array(listEntrySchema) } },
    handler: (request) => entityListEntries(request.ctx(), request.params.uscc.toUpperCase()),
  });

  // ── Red and black rounds ──
  app.get('/api/credit/honours', {
    config: { access: 'credit:list:list' },
    schema: { tags: HONOUR_TAG, summary: '红黑榜列表 Rounds', querystring: honourRoundQuery, response: { 200: honourRoundPage } },
    handler: (request) => listHonourRounds(request.ctx(), request.query),
  });

  app.get('/api/credit/honours/:id', {
    config: { access: 'credit:list:list' },
    schema: { tags: HONOUR_TAG, summary: '红黑榜详情 Round detail', params: idParam, response: { 200: honourRoundDetailSchema } },
    handler: (request) => getHonourRound(request.ctx(), request.params.id),
  });

  app.post('/api/credit/honours', {
    config: { access: 'credit:honour:manage', oplog: { title: HONOUR_TITLE, type: 'create' } },
    schema: { tags: HONOUR_TAG, summary: '编制红黑榜 Compile a round', body: createHonourRoundBody, response: { 201: honourRoundDetailSchema } },
    handler: async (request, reply) => reply.status(201).send(await createHonourRound(request.ctx(), request.body)),
  });

  app.put('/api/credit/honours/:id', {
    config: { access: 'credit:honour:manage', oplog: { title: HONOUR_TITLE, type: 'update' } },
    schema: { tags: HONOUR_TAG, summary: '修改红黑榜草稿 Edit a draft', params: idParam, body: updateHonourRoundBody, response: { 200: honourRoundDetailSchema } },
    handler: (request) => updateHonourRound(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/honours/:id/submit', {
    config: { access: 'credit:honour:manage', oplog: { title: HONOUR_TITLE, type: 'update' } },
    schema: { tags: HONOUR_TAG, summary: '提交审批 Submit', params: idParam, response: { 200: honourRoundDetailSchema } },
    handler: (request) => submitHonourRound(request.ctx(), request.params.id),
  });

  app.post('/api/credit/honours/:id/approve', {
    config: { access: 'credit:honour:approve', oplog: { title: HONOUR_TITLE, type: 'update' } },
    schema: { tags: HONOUR_TAG, summary: '审批 Approve or reject', params: idParam, body: approveHonourRoundBody, response: { 200: honourRoundDetailSchema } },
    handler: (request) => approveHonourRound(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/honours/:id/publish', {
    config: { access: 'credit:honour:manage', oplog: { title: HONOUR_TITLE, type: 'update' } },
    schema: { tags: HONOUR_TAG, summary: '发布 Publish now', params: idParam, response: { 200: honourRoundDetailSchema } },
    handler: (request) => publishHonourRound(request.ctx(), request.params.id),
  });
}
