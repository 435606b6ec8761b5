import { z } from 'zod';
import {
  inputsResponse,
  myResultsResponse,
  rectificationSchema,
  resultListResponse,
  reviewRectificationBody,
  saveInputsBody,
  schemeBody,
  schemeDetailSchema,
  schemeListQuery,
  schemeListResponse,
  schemeSchema,
  scoreResponse,
  submitRectificationBody,
  unitOptionsQuery,
  unitOptionsResponse,
  updateSchemeBody,
} from '../../../../contracts/assessment.js';
import { idParam, importResult, okResponse } from '../../../../contracts/common.js';
import { sendWorkbook, type DictLabel } from '../../platform/excel/excel.js';
import { sendExport } from '../../platform/excel/excel-export.js';
import { attachmentDisposition } from '../../platform/http/download.js';
import type { ZApp } from '../../platform/http/types.js';
import { uploadedFile } from '../../platform/http/upload.js';
import type { Executor } from '../../db/client.js';
import { resultColumns } from './assessment.excel.js';
import { getInputs, importInputs, inputTemplate, saveInputs } from './input.service.js';
import { reviewRectification, submitRectification } from './rectification.service.js';
import { listResults, myResults, noticeDocument, publishAssessment, resultsForExport, scoreAssessment } from './result.service.js';
import { createScheme, deleteScheme, getScheme, listSchemes, listUnitOptions, updateScheme } from './scheme.service.js';

const TAG = ['质量工作考核 Assessment'];
const TITLE = '质量工作考核';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface AssessmentDeps {
  /** Dictionary labels for exports (from the system module). */
  label: (db: Executor) => Promise<DictLabel>;
}

export function assessmentRoutes(app: ZApp, deps: AssessmentDeps): void {
  app.get('/api/assessment/schemes', {
    config: { access: 'assessment:scheme:list' },
    schema: { tags: TAG, summary: '考核方案列表 List schemes', querystring: schemeListQuery, response: { 200: schemeListResponse } },
    handler: (request) => listSchemes(request.ctx(), request.query),
  });

  app.get('/api/assessment/unit-options', {
    config: { access: 'assessment:scheme:list' },
    schema: { tags: TAG, summary: '可考核的单位 Units a scheme may assess', querystring: unitOptionsQuery, response: { 200: unitOptionsResponse } },
    handler: async (request) => ({ items: await listUnitOptions(request.ctx(), request.query.targetKind) }),
  });

  app.post('/api/assessment/schemes', {
    config: { access: 'assessment:scheme:create', oplog: { title: TITLE, type: 'create' } },
    schema: {
      tags: TAG,
      summary: '新增考核方案 Create a scheme',
      description: '指标权重合计须为 100%，否则 400 并说明实际合计。Weights must total 100%; otherwise 400 stating the sum.',
      body: schemeBody,
      response: { 201: schemeDetailSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await createScheme(request.ctx(), request.body)),
  });

  app.get('/api/assessment/schemes/:id', {
    config: { access: 'assessment:scheme:list' },
    schema: { tags: TAG, summary: '考核方案详情 Get a scheme', params: idParam, response: { 200: schemeDetailSchema } },
    handler: (request) => getScheme(request.ctx(), request.params.id),
  });

  app.put('/api/assessment/schemes/:id', {
    config: { access: 'assessment:scheme:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改考核方案（发布前）Edit a scheme before publishing', params: idParam, body: updateSchemeBody, response: { 200: schemeDetailSchema } },
    handler: (request) => updateScheme(request.ctx(), request.params.id, request.body),
  });

  app.delete('/api/assessment/schemes/:id', {
    config: { access: 'assessment:scheme:delete', oplog: { title: TITLE, type: 'delete' } },
    schema: { tags: TAG, summary: '删除考核方案（发布前）Delete a scheme before publishing', params: idParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deleteScheme(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/assessment/schemes/:id/inputs', {
    config: { access: 'assessment:scheme:list' },
    schema: { tags: TAG, summary: '各单位录入数据 Inputs per unit', params: idParam, response: { 200: inputsResponse } },
    handler: (request) => getInputs(request.ctx(), request.params.id),
  });

  app.put('/api/assessment/schemes/:id/inputs', {
    config: { access: 'assessment:input:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '保存录入数据 Save inputs of the units listed', params: idParam, body: saveInputsBody, response: { 200: inputsResponse } },
    handler: (request) => saveInputs(request.ctx(), request.params.id, request.body),
  });

  app.get('/api/assessment/schemes/:id/inputs/template', {
    config: { access: 'assessment:input:import' },
    schema: { tags: TAG, summary: '考核数据导入模板 Input template (.xlsx)', params: idParam },
    handler: async (request, reply) => sendWorkbook(reply, '考核数据导入模板', await inputTemplate(request.ctx(), request.params.id)),
  });

  app.post('/api/assessment/schemes/:id/inputs/import', {
    config: { access: 'assessment:input:import', oplog: { title: TITLE, type: 'import' } },
    schema: {
      tags: TAG,
      summary: '导入考核数据 Import inputs (multipart file)',
      description: '任一行有错误则不导入任何数据，错误按行号列出。Any bad row and nothing is imported; errors are listed by row.',
      params: idParam,
      response: { 200: importResult },
    },
    handler: async (request) => {
      const { buffer } = await uploadedFile(request);
      return importInputs(request.ctx(), request.params.id, buffer);
    },
  });

  app.post('/api/assessment/schemes/:id/score', {
    config: { access: 'assessment:result:score', oplog: { title: TITLE, type: 'other' } },
    schema: { tags: TAG, summary: '计算得分 Score and rank', params: idParam, body: z.strictObject({}).optional(), response: { 200: scoreResponse } },
    handler: (request) => scoreAssessment(request.ctx(), request.params.id),
  });

  app.post('/api/assessment/schemes/:id/publish', {
    config: { access: 'assessment:result:publish', oplog: { title: TITLE, type: 'other' } },
    schema: { tags: TAG, summary: '发布考核结果 Publish the results', params: idParam, body: z.strictObject({}).optional(), response: { 200: schemeSchema } },
    handler: (request) => publishAssessment(request.ctx(), request.params.id),
  });

  app.get('/api/assessment/schemes/:id/results', {
    config: { access: 'assessment:result:list' },
    schema: { tags: TAG, summary: '考核结果排名（单位仅见本单位）Results (units see their own)', params: idParam, response: { 200: resultListResponse } },
    handler: (request) => listResults(request.ctx(), request.params.id),
  });

  app.get('/api/assessment/schemes/:id/results/export', {
    config: { access: 'assessment:result:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出考核结果 Export results (.xlsx)', params: idParam },
    handler: async (request, reply) => {
      const { scheme, items } = await resultsForExport(request.ctx(), request.params.id);
      const label = await deps.label(request.ctx().db);
      const filters = [`考核方案：${scheme.name}`, `考核对象：${label('assessment_target_kind', scheme.targetKind)}`, `状态：${label('assessment_scheme_status', scheme.status)}`];
      return sendExport(reply, { title: `${scheme.year}年度质量工作考核结果`, filters, columns: resultColumns(scheme.config), rows: items, label });
    },
  });

  app.get('/api/assessment/schemes/:id/notice', {
    config: { access: 'assessment:result:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '下载考核结果通报 The results notice (.docx)', params: idParam },
    handler: async (request, reply) => {
      const { scheme, buffer } = await noticeDocument(request.ctx(), request.params.id);
      const name = `关于${scheme.year}年度质量工作考核结果的通报.docx`;
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', attachmentDisposition(name, `notice-${scheme.year}.docx`))
        .send(buffer);
    },
  });

  app.get('/api/assessment/my-results', {
    config: { access: 'assessment:result:list' },
    schema: { tags: TAG, summary: '我的考核：本单位已发布的结果 My unit\'s published results', response: { 200: myResultsResponse } },
    handler: async (request) => ({ items: await myResults(request.ctx()) }),
  });

  app.post('/api/assessment/results/:id/rectifications', {
    config: { access: 'assessment:rectification:submit', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '报送整改报告 Submit a rectification report', params: idParam, body: submitRectificationBody, response: { 201: rectificationSchema } },
    handler: async (request, reply) => reply.status(201).send(await submitRectification(request.ctx(), request.params.id, request.body)),
  });

  app.post('/api/assessment/rectifications/:id/review', {
    config: { access: 'assessment:rectification:review', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '审核整改报告 Accept or return a rectification report', params: idParam, body: reviewRectificationBody, response: { 200: rectificationSchema } },
    handler: (request) => reviewRectification(request.ctx(), request.params.id, request.body),
  });
}
