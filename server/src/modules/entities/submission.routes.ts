/** Enterprise submissions and their review (thin: parse, authorize by permission, call the use case). */
import { z } from 'zod';
import { usccParam } from '../../../../contracts/entities.js';
import { rejectSubmissionBody, submissionBody, submissionIdParam, submissionPage, submissionQuery, submissionSchema } from '../../../../contracts/submissions.js';
import type { ZApp } from '../../platform/http/types.js';
import { approveSubmission, entitySubmissions, listSubmissions, rejectSubmission, submitForReview } from './submission.service.js';

const TAG = ['企业报送审核 Enterprise submissions'];
const TITLE = '企业报送';

export function submissionRoutes(app: ZApp): void {
  app.post('/api/entities/:uscc/submissions', {
    config: { access: 'entities:record:declare', oplog: { title: TITLE, type: 'create' } },
    schema: {
      tags: TAG,
      summary: '报送标准自我声明或质量承诺 Submit a self-declaration or commitment',
      description:
        '企业为本企业报送，经监管人员审核通过后才记入质量档案并公开；含手机号、身份证号、银行卡号、电子邮箱或非许可域名链接时 400 PERSONAL_DATA_FOUND，并指明所发现的内容。' +
        ' For the own enterprise only; it reaches the archive and the portal once an officer approves it. Personal data or links outside the allowed domains → 400 PERSONAL_DATA_FOUND naming what was found.',
      params: usccParam,
      body: submissionBody,
      response: { 201: submissionSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await submitForReview(request.ctx(), request.params.uscc, request.body)),
  });

  app.get('/api/entities/:uscc/submissions', {
    config: { access: 'entities:record:list' },
    schema: { tags: TAG, summary: '市场主体的报送及审核结果 An entity’s submissions and their review', params: usccParam, response: { 200: z.array(submissionSchema) } },
    handler: (request) => entitySubmissions(request.ctx(), request.params.uscc),
  });

  app.get('/api/submissions', {
    config: { access: 'entities:record:review' },
    schema: {
      tags: TAG,
      summary: '报送审核队列 Review queue',
      description: '只列出本人数据权限内市场主体的报送；待审核的按报送时间先后排列。Only entities in the reviewer’s scope; pending ones oldest first.',
      querystring: submissionQuery,
      response: { 200: submissionPage },
    },
    handler: (request) => listSubmissions(request.ctx(), request.query),
  });

  app.post('/api/submissions/:id/approve', {
    config: { access: 'entities:record:review', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '审核通过并公开 Approve and publish', params: submissionIdParam, response: { 200: submissionSchema } },
    handler: (request) => approveSubmission(request.ctx(), request.params.id),
  });

  app.post('/api/submissions/:id/reject', {
    config: { access: 'entities:record:review', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '不予公开（写明理由） Reject with a reason', params: submissionIdParam, body: rejectSubmissionBody, response: { 200: submissionSchema } },
    handler: (request) => rejectSubmission(request.ctx(), request.params.id, request.body),
  });
}
