/** Scoring routes (信用评价): model versions, recompute, one entity's evaluation, statistics. */
import { z } from 'zod';
import {
  createModelBody,
  entityEvaluationResponse,
  evaluationStatsResponse,
  modelDetailSchema,
  modelListQuery,
  modelListResponse,
  recomputeBody,
  recomputeResponse,
} from '../../../../../contracts/credit-scoring.js';
import { usccParam } from '../../../../../contracts/entities.js';
import { idParam } from '../../../../../contracts/common.js';
import type { ZApp } from '../../../platform/http/types.js';
import { activateModel, createModel, evaluationStats, getEntityEvaluation, getModel, listModels, recomputeEvaluations } from './scoring.service.js';

const TAG = ['信用评价 Credit scoring'];
const MODEL_TITLE = '信用评价模型';
const EVAL_TITLE = '信用评价';

export function scoringRoutes(app: ZApp): void {
  app.get('/api/credit/models', {
    config: { access: 'credit:model:list' },
    schema: { tags: TAG, summary: '评价模型版本列表 List model versions', querystring: modelListQuery, response: { 200: modelListResponse } },
    handler: (request) => listModels(request.ctx(), request.query.kind),
  });

  app.get('/api/credit/models/:id', {
    config: { access: 'credit:model:list' },
    schema: { tags: TAG, summary: '评价模型详情 Get a model version', params: idParam, response: { 200: modelDetailSchema } },
    handler: (request) => getModel(request.ctx(), request.params.id),
  });

  app.post('/api/credit/models', {
    config: { access: 'credit:model:update', oplog: { title: MODEL_TITLE, type: 'create' } },
    schema: {
      tags: TAG,
      summary: '新增评价模型版本（草稿）Create a model version (draft)',
      description: '指标最高分合计须为 100，分数段须从高到低且不重叠，否则 400 MODEL_INVALID。Weights must total 100 and bands be sorted without overlap; otherwise 400 MODEL_INVALID.',
      body: createModelBody,
      response: { 201: modelDetailSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await createModel(request.ctx(), request.body)),
  });

  app.post('/api/credit/models/:id/activate', {
    config: { access: 'credit:model:update', oplog: { title: MODEL_TITLE, type: 'update' } },
    schema: {
      tags: TAG,
      summary: '启用评价模型版本 Activate a model version',
      description: '同类原启用版本自动停用，并按新版本重新计算全部主体。The kind’s active version retires and every entity is re-evaluated.',
      params: idParam,
      body: z.object({}).optional(),
      response: { 200: modelDetailSchema },
    },
    handler: (request) => activateModel(request.ctx(), request.params.id),
  });

  app.post('/api/credit/evaluations/recompute', {
    config: { access: 'credit:evaluation:recompute', oplog: { title: EVAL_TITLE, type: 'other' } },
    schema: { tags: TAG, summary: '重新计算全部主体的信用评价 Recompute all evaluations', body: recomputeBody.optional(), response: { 200: recomputeResponse } },
    handler: (request) => recomputeEvaluations(request.ctx(), { kind: request.body?.kind, trigger: 'manual' }),
  });

  app.get('/api/credit/evaluations/stats', {
    config: { access: 'credit:evaluation:list' },
    schema: { tags: TAG, summary: '信用等级与风险分类统计 Counts per grade and risk class', response: { 200: evaluationStatsResponse } },
    handler: (request) => evaluationStats(request.ctx()),
  });

  app.get('/api/credit/entities/:uscc/evaluation', {
    config: { access: 'credit:evaluation:list' },
    schema: { tags: TAG, summary: '主体信用评价及说明 An entity’s evaluation with explanation', params: usccParam, response: { 200: entityEvaluationResponse } },
    handler: (request) => getEntityEvaluation(request.ctx(), request.params.uscc),
  });
}
