/**
 * The demo city's quality work, loaded on a copy of the test template (which leaves it out to stay
 * quick and keep other files' counts): the plan came through the real import path and was
 * published by the quality office, its tasks are in every state, reports, reviews, reminders and
 * answers are by the city's people and dated between publication and now, last year's assessment is
 * published with its 通报 and 文号 — and loading it again changes nothing.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedQualityWorkDemo } from '../../../bootstrap.js';
import { composeModules } from '../../../composition.js';
import type { DbHandle } from '../../../db/client.js';
import { auditHeadRow } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { createTestDb } from '../../../test/test-db.js';
import { noticeDocument } from '../../assessment/index.js';
import { taskListQuery } from '../../../../../contracts/plans.js';
import { createCalendarStore, ctxOfUser } from '../../system/index.js';
import { listTasks } from '../task.service.js';
import { DEMO_PLAN_SOURCE } from './demo.rules.js';

let handle: DbHandle;
const composition = composeModules();
let loaded: string;
const today = todayInChina();
const YEAR = Number(today.slice(0, 4));

type Rows<T> = { rows: T[] };
const q = async <T>(sql: string): Promise<T[]> => ((await handle.db.execute(sql)) as unknown as Rows<T>).rows;

beforeAll(async () => {
  handle = await createTestDb();
  loaded = await seedQualityWorkDemo(handle.db, composition);
}, 300_000);
afterAll(async () => {
  await handle.close();
});

describe('the demo plan', () => {
  it('was imported from our fixture by the quality office and published by its chief, with its 文号 and last year\u2019s date', async () => {
    expect(loaded).toMatch(/^已载入演示质量工作：行动计划 1 个、任务 77 项/);
    const [plan] = await q<{ id: number; title: string; doc_number: string; issued_date: string; status: string; created_by: string; published_by: string; source_name: string }>(
      `select id, title, doc_number, issued_date::text, status, created_by, published_by, source_name from plan`,
    );
    expect(plan).toMatchObject({
      title: '天津市质量强市建设三年行动方案',
      doc_number: `津质强办〔${YEAR - 1}〕2号`,
      issued_date: `${YEAR - 1}-02-20`,
      status: 'published',
      created_by: 'quality-office',
      published_by: 'quality-chief',
      source_name: DEMO_PLAN_SOURCE,
    });
    // The real path: import, review (save), publish — each with its audit row by the office.
    const audit = await q<{ action: string; actor_username: string }>(`select action, actor_username from audit_log where target_type = 'plan' order by seq`);
    expect(audit.map((a) => `${a.action}:${a.actor_username}`)).toEqual(['plans.plan.import:quality-office', 'plans.plan.save:quality-office', 'plans.plan.publish:quality-chief', 'plans.seed.demo:quality-office']);
  });

  it('has tasks in every state, across the city\u2019s departments and all 16 districts', async () => {
    const byStatus = new Map((await q<{ status: string; n: number }>(`select status, count(*)::int as n from plan_task group by status`)).map((r) => [r.status, r.n]));
    for (const s of ['pending', 'in_progress', 'submitted', 'returned', 'completed']) expect(byStatus.get(s) ?? 0, s).toBeGreaterThan(0);
    const [overdue] = await q<{ pending: number; in_progress: number; returned: number }>(
      `select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'in_progress')::int as in_progress,
              count(*) filter (where status = 'returned')::int as returned
       from plan_task where due_date < '${today}' and status <> 'completed'`,
    );
    expect(overdue!.pending).toBeGreaterThan(0);
    expect(overdue!.in_progress).toBeGreaterThan(0);
    expect(overdue!.returned).toBeGreaterThan(0);
    const [spread] = await q<{ districts: number; depts: number; late: number; ontime: number }>(
      `select count(distinct district_code) filter (where district_code <> '120000')::int as districts, count(distinct dept_id)::int as depts,
              count(*) filter (where status = 'completed' and (completed_at at time zone 'Asia/Shanghai')::date > due_date)::int as late,
              count(*) filter (where status = 'completed' and (completed_at at time zone 'Asia/Shanghai')::date <= due_date)::int as ontime
       from plan_task`,
    );
    expect(spread).toMatchObject({ districts: 16 });
    expect(spread!.depts).toBeGreaterThan(25);
    expect(spread!.late).toBeGreaterThan(0);
    expect(spread!.ontime).toBeGreaterThan(spread!.late);
  });

  it('has progress reports with text by the units\u2019 people, reviewed by the office; reminders answered and open', async () => {
    const reports = await q<{ text: string; submitted_by: string; status: string; reviewed_by: string | null; review_comment: string | null }>(`select text, submitted_by, status, reviewed_by, review_comment from task_report`);
    expect(reports.length).toBeGreaterThan(40);
    for (const r of reports) expect(r.text.length).toBeGreaterThan(15);
    const by = new Set(reports.map((r) => r.submitted_by));
    expect(by).toContain('dept-user');
    expect(by).toContain('district-user');
    expect([...by].every((u) => u === 'dept-user' || u === 'district-user' || /^tj/.test(u))).toBe(true);
    expect(new Set(reports.filter((r) => r.reviewed_by).map((r) => r.reviewed_by))).toEqual(new Set(['quality-office']));
    expect(reports.filter((r) => r.status === 'returned').every((r) => (r.review_comment ?? '').length > 5)).toBe(true);
    const reminders = await q<{ created_by: string; response: string | null; responded_by: string | null }>(`select created_by, response, responded_by from task_reminder`);
    expect(reminders.filter((r) => r.response !== null).length).toBeGreaterThan(2);
    expect(reminders.filter((r) => r.response === null).length).toBeGreaterThan(2);
    expect(new Set(reminders.map((r) => r.created_by))).toEqual(new Set(['quality-office']));
  });

  it('dates everything between the plan\u2019s publication and now', async () => {
    const [span] = await q<{ earliest: string; latest: string; published: string }>(`
      with t(at) as (
        select submitted_at from task_report union all select reviewed_at from task_report
        union all select created_at from task_reminder union all select responded_at from task_reminder
        union all select completed_at from plan_task union all select last_report_at from plan_task
        union all select submitted_at from round_submission
        union all select created_at from assessment_scheme union all select published_at from assessment_scheme union all select scored_at from assessment_scheme
        union all select submitted_at from assessment_rectification union all select reviewed_at from assessment_rectification
      )
      select min(at)::text as earliest, max(at)::text as latest, (select published_at::text from plan) as published from t`);
    expect(new Date(span!.latest).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(span!.earliest).getTime()).toBeGreaterThan(new Date(span!.published).getTime());
    expect(todayInChina(new Date(span!.published))).toBe(`${YEAR - 1}-02-27`);
  });

  it('gives the district user and the department user work of their own: returned tasks and reminders to answer', async () => {
    const calendarOf = () => createCalendarStore().get(handle.db);
    for (const username of ['district-user', 'dept-user']) {
      const ctx = await ctxOfUser(handle.db, composition.domain, username);
      const mine = await listTasks(ctx, calendarOf, taskListQuery.parse({ pageSize: 100 }));
      expect(mine.total, username).toBeGreaterThan(1);
      expect(mine.items.some((t) => t.status === 'returned'), username).toBe(true);
      expect(mine.items.some((t) => t.openReminders > 0), username).toBe(true);
    }
  });
});

describe('the demo assessment', () => {
  it('assessed last year\u2019s 16 districts, published with its 通报 and 文号', async () => {
    const [scheme] = await q<{ id: number; name: string; year: number; status: string; doc_number: string; created_by: string; published_by: string }>(
      `select id, name, year, status, doc_number, created_by, published_by from assessment_scheme`,
    );
    expect(scheme).toMatchObject({ name: `天津市${YEAR - 1}年度各区质量工作考核方案`, year: YEAR - 1, status: 'published', created_by: 'quality-office', published_by: 'quality-chief' });
    expect(scheme!.doc_number).toBe(`津质强办〔${YEAR}〕1号`);
    const results = await q<{ rank: number; grade: string; total: number; indicators: number }>(`select rank, grade, total, jsonb_array_length(breakdown->'indicators')::int as indicators from assessment_result order by rank`);
    expect(results).toHaveLength(16);
    expect(results.map((r) => r.rank)).toEqual([...results.map((r) => r.rank)].sort((a, b) => a - b));
    // Scores come from the tasks and the figures entered: every grade is represented.
    expect(new Set(results.map((r) => r.grade))).toEqual(new Set(['优秀', '良好', '合格', '不合格']));
    const rects = await q<{ status: string }>(`select status from assessment_rectification`);
    expect(new Set(rects.map((r) => r.status))).toEqual(new Set(['submitted', 'accepted']));

    const { buffer } = await noticeDocument(await ctxOfUser(handle.db, composition.domain, 'quality-office'), scheme!.id);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`津质强办〔${YEAR}〕1号`);
    expect(text).toContain(`关于${YEAR - 1}年度质量工作考核结果的通报`);
    expect(text).toContain('天津市宁河区人民政府：得分');
    expect(text).toContain('印发');
  });
});

describe('loading it again', () => {
  it('changes nothing', async () => {
    const count = async () =>
      q<Record<string, number>>(`select (select count(*) from plan)::int p, (select count(*) from plan_task)::int t, (select count(*) from task_report)::int r,
        (select count(*) from task_reminder)::int m, (select count(*) from assessment_scheme)::int s, (select count(*) from doc_number)::int d`);
    const before = await count();
    const seq = (await auditHeadRow(handle.db))!.seq;
    expect(await seedQualityWorkDemo(handle.db, composition)).toBe('演示行动计划与考核已存在，未改动。');
    expect(await count()).toEqual(before);
    expect((await auditHeadRow(handle.db))!.seq).toBe(seq);
  });
});
