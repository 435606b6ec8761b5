/** Credit repair (信用修复) and objections (异议) over HTTP: thin handlers over repair.service. */
import { idParam } from '../../../../../contracts/common.js';
import {
  acceptApplicationBody,
  applicationFileParams,
  applicationListQuery,
  applicationListResponse,
  applicationSchema,
  createObjectionBody,
  createRepairBody,
  decideApplicationBody,
  repairAlerts as repairAlertsSchema,
  repairCheckBody,
  repairCheckResponse,
  type ApplicationKind,
} from '../../../../../contracts/credit-repair.js';
import { ATTACHMENT_MAX_BYTES } from '../../../platform/files/file.rules.js';
import type { ZApp } from '../../../platform/http/types.js';
import { uploadedFile } from '../../../platform/http/upload.js';
import {
  acceptApplication,
  applyForRepair,
  attachToApplication,
  checkRepair,
  decideApplication,
  getApplication,
  getApplicationFile,
  listApplications,
  lodgeObjection,
  repairAlerts,
  type CalendarSource,
} from './repair.service.js';

const TAG = ['信用修复 Credit repair'];
const TITLE = { repair: '信用修复', objection: '名单异议' } as const;

export interface RepairDeps {
  calendarOf: CalendarSource;
}

export function creditRepairRoutes(app: ZApp, deps: RepairDeps): void {
  const { calendarOf } = deps;

  app.post('/api/credit/entries/:id/repair-check', {
    // A dry run that changes nothing: no operation-log row (it showed as a raw URL under 其他).
    config: { access: 'credit:repair:apply', oplog: false },
    schema: { tags: TAG, summary: '信用修复条件预检（不提交）Dry-run the repair conditions', params: idParam, body: repairCheckBody, response: { 200: repairCheckResponse } },
    handler: (request) => checkRepair(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/credit/repairs', {
    config: { access: 'credit:repair:apply', oplog: { title: TITLE.repair, type: 'create' } },
    schema: {
      tags: TAG,
      summary: '申请信用修复 Apply for credit repair',
      description: '证明材料另行上传：POST /api/credit/repairs/:id/files。Upload proof files separately.',
      body: createRepairBody,
      response: { 201: applicationSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await applyForRepair(request.ctx(), calendarOf, request.body)),
  });

  app.get('/api/credit/repairs/alerts', {
    config: { access: 'credit:repair:handle' },
    schema: { tags: TAG, summary: '逾期办理提醒 Overdue steps (dashboard)', response: { 200: repairAlertsSchema } },
    handler: (request) => repairAlerts(request.ctx(), calendarOf),
  });

  app.post('/api/credit/objections', {
    config: { access: 'credit:repair:apply', oplog: { title: TITLE.objection, type: 'create' } },
    schema: { tags: TAG, summary: '对经营异常名录列入提出异议 Object to an abnormal-list listing', body: createObjectionBody, response: { 201: applicationSchema } },
    handler: async (request, reply) => reply.status(201).send(await lodgeObjection(request.ctx(), calendarOf, request.body)),
  });

  // Repairs and objections share the application steps: list, detail, files, accept, decide.
  const kinds: [string, ApplicationKind][] = [
    ['repairs', 'repair'],
    ['objections', 'objection'],
  ];
  for (const [path, kind] of kinds) {
    const base = `/api/credit/${path}`;
    const title = TITLE[kind];
    app.get(base, {
      config: { access: 'credit:repair:list' },
      schema: { tags: TAG, summary: `${title}申请列表 List ${kind} applications`, querystring: applicationListQuery, response: { 200: applicationListResponse } },
      handler: (request) => listApplications(request.ctx(), calendarOf, { ...request.query, kind }),
    });
    app.get(`${base}/:id`, {
      config: { access: 'credit:repair:list' },
      schema: { tags: TAG, summary: `${title}申请详情 ${kind} application`, params: idParam, response: { 200: applicationSchema } },
      handler: (request) => getApplication(request.ctx(), calendarOf, request.params.id, kind),
    });
    app.post(`${base}/:id/files`, {
      config: { access: 'credit:repair:apply', oplog: { title, type: 'create' } },
      schema: { tags: TAG, summary: '上传证明材料（multipart，≤ 20 MB）Attach a proof file', params: idParam, response: { 201: applicationSchema } },
      handler: async (request, reply) => {
        const file = await uploadedFile(request, { maxBytes: ATTACHMENT_MAX_BYTES });
        return reply.status(201).send(await attachToApplication(request.ctx(), calendarOf, request.params.id, { filename: file.filename, data: file.buffer }, kind));
      },
    });
    app.get(`${base}/:id/files/:fileId`, {
      config: { access: 'credit:repair:list' },
      schema: { tags: TAG, summary: '下载证明材料 Download a proof file', params: applicationFileParams },
      handler: async (request, reply) => {
        const file = await getApplicationFile(request.ctx(), request.params.id, request.params.fileId);
        return reply
          .header('content-type', file.mimetype)
          .header('content-disposition', `attachment; filename="file-${file.id}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      },
    });
    app.post(`${base}/:id/accept`, {
      config: { access: 'credit:repair:handle', oplog: { title, type: 'update' } },
      schema: { tags: TAG, summary: '受理或不予受理 Accept or refuse to accept', params: idParam, body: acceptApplicationBody, response: { 200: applicationSchema } },
      handler: (request) => acceptApplication(request.ctx(), calendarOf, request.params.id, request.body, kind),
    });
    app.post(`${base}/:id/decide`, {
      config: { access: 'credit:repair:handle', oplog: { title, type: 'update' } },
      schema: { tags: TAG, summary: '核实并决定 Decide', params: idParam, body: decideApplicationBody, response: { 200: applicationSchema } },
      handler: (request) => decideApplication(request.ctx(), calendarOf, request.params.id, request.body, kind),
    });
  }
}
