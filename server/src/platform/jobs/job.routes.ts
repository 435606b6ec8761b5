import { jobListResponse, jobNameParam, jobRunNowResponse, jobRunsQuery, jobRunsResponse } from '../../../../contracts/jobs.js';
import type { ZApp } from '../http/types.js';
import type { Scheduler } from './scheduler.js';

const TAG = ['定时任务 Scheduled jobs'];
const TITLE = '定时任务';

/** 定时任务: the jobs with their last run, each job's history, and "run now" (administrators). */
export function jobRoutes(app: ZApp, deps: { scheduler: Scheduler }): void {
  const { scheduler } = deps;

  app.get('/api/system/jobs', {
    config: { access: 'system:job:list' },
    schema: { tags: TAG, summary: '定时任务 List jobs', response: { 200: jobListResponse } },
    handler: async () => ({ items: await scheduler.list() }),
  });

  app.get('/api/system/jobs/:name/runs', {
    config: { access: 'system:job:list' },
    schema: { tags: TAG, summary: '执行记录 Runs of a job', params: jobNameParam, querystring: jobRunsQuery, response: { 200: jobRunsResponse } },
    handler: (request) => scheduler.history(request.params.name, request.query),
  });

  app.post('/api/system/jobs/:name/run', {
    config: { access: 'system:job:run', oplog: { title: TITLE, type: 'other' } },
    schema: { tags: TAG, summary: '立即执行 Run now (answers 202 when the run has started)', params: jobNameParam, response: { 202: jobRunNowResponse } },
    handler: async (request, reply) => {
      // The run goes on after the answer: the page follows it in the history.
      const { run } = await scheduler.runNow(request.params.name, request.ctx(), 'manual');
      return reply.status(202).send({ run });
    },
  });
}
