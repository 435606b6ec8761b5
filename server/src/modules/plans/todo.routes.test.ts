/**
 * 我的待办 (GET /api/plans/todo): round reports to write (报送) for the units the caller reports for,
 * next to the tasks due, overdue and reminded — the home page of department and district users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, Round, Todo } from '../../../../contracts/plans.js';
import { addCalendarDays } from '../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { buildTestApp, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let planId: number;
const due = addCalendarDays(todayInChina(), 3);
const zhDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

beforeAll(async () => {
  t = await buildTestApp();
  const office = await t.as('quality-office');
  const text = [
    '天津市质量工作报送测试方案',
    '',
    '各区人民政府，市政府各委、局：',
    '',
    '一、提升产品质量',
    '（一）开展质量提升行动。组织重点产品质量攻关。（市工业和信息化局负责）',
    '（二）强化属地质量监管。开展监督抽查。（各区人民政府负责）',
    '',
    `各责任单位于${zhDate(due)}前将工作进展报市质量工作领导小组办公室。`,
    '',
    '天津市质量工作领导小组办公室',
    zhDate(todayInChina()),
  ].join('\n');
  const imported = await office.post('/api/plans/import-text', { text, sourceName: '报送测试.txt' });
  expect(imported.statusCode, imported.body).toBe(201);
  const plan = json<PlanDetail>(imported);
  planId = plan.id;
  const published = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version });
  expect(published.statusCode, published.body).toBe(200);
});
afterAll(() => t.close());

const todo = async (user: string) => {
  const res = await (await t.as(user)).get('/api/plans/todo');
  expect(res.statusCode, res.body).toBe(200);
  return json<Todo>(res);
};

describe('round reports to write on the to-do list', () => {
  it('lists the round for a member department that has tasks in the plan', async () => {
    const mine = (await todo('dept-user')).roundsToReport.filter((r) => r.planId === planId);
    expect(mine).toEqual([expect.objectContaining({ deptName: '天津市工业和信息化局', dueDate: due, overdue: false, planTitle: '天津市质量工作报送测试方案' })]);
  });

  it('lists it for the district user on behalf of its district government, and only that one', async () => {
    const t2 = await todo('district-user');
    const mine = t2.roundsToReport.filter((r) => r.planId === planId);
    expect(mine.map((r) => r.deptName)).toEqual(['天津市和平区人民政府']);
    expect(t2.totals.roundsToReport).toBe(t2.roundsToReport.length);
  });

  it('does not list other units’ reports for the quality office, which sees every task but writes none of them', async () => {
    expect((await todo('quality-office')).roundsToReport.filter((r) => r.planId === planId)).toEqual([]);
  });

  it('drops the round once the unit has sent its report', async () => {
    const deptUser = await t.as('dept-user');
    const [entry] = (await todo('dept-user')).roundsToReport.filter((r) => r.planId === planId);
    const res = await deptUser.post(`/api/plans/rounds/${entry!.roundId}/submissions`, { text: '已完成重点产品质量攻关的阶段任务。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Round>(res).units.find((u) => u.deptName === '天津市工业和信息化局')?.status).toBe('submitted');
    expect((await todo('dept-user')).roundsToReport.filter((r) => r.planId === planId)).toEqual([]);
    // Another unit's report is still owed.
    expect((await todo('district-user')).roundsToReport.filter((r) => r.planId === planId)).toHaveLength(1);
  });

  it('is refused to those without the task list (an inspector)', async () => {
    expect((await (await t.as('inspector')).get('/api/plans/todo')).statusCode).toBe(403);
  });
});
