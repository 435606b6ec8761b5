/**
 * Entities that arrive by bulk import are evaluated as soon as the import answers (set-based, the
 * bulk recompute's statement limited to what the import inserted or changed), and a re-import that
 * changes a registry fact moves the grade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityEvaluationResponse } from '../../../../../contracts/credit-scoring.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { buildTestApp, json, multipartBody, type Agent, type TestApp } from '../../../test/test-app.js';


const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const A = uscc('91120101MA0KP7001');
const B = uscc('91120101MA0KP7002');
const HEADER = '统一社会信用代码,名称,区划代码,行业代码,质量安全总监';

let t: TestApp;
let office: Agent;

const importCsv = async (rows: string[]) => {
  const body = multipartBody(Buffer.from([HEADER, ...rows].join('\n')), { filename: 'entities.csv' });
  const res = await office.request('POST', '/api/entities/import', { payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(200);
};

const evaluationRows = (code: string) =>
  t.db.execute(`select ce.kind, ce.score, ce.grade from credit_evaluation ce join entity e on e.id = ce.entity_id where e.uscc = '${code}' order by ce.kind`) as unknown as Promise<{
    rows: { kind: string; score: number; grade: string }[];
  }>;

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
});
afterAll(() => t.close());

describe('evaluating imported entities', () => {
  it('gives every imported entity both evaluations when the import answers, leaving other entities alone', async () => {
    const before = (await t.db.execute(`select count(*)::int as n, max(computed_at) as last from credit_evaluation where entity_id in (select id from entity where uscc not in ('${A}', '${B}'))`)) as unknown as {
      rows: { n: number; last: Date }[];
    };
    await importCsv([`${A},天津导入评价测试甲有限公司,120101,C,`, `${B},天津导入评价测试乙有限公司,120101,C,`]);
    for (const code of [A, B]) expect((await evaluationRows(code)).rows.map((r) => r.kind)).toEqual(['grade', 'risk']);
    const after = (await t.db.execute(`select count(*)::int as n, max(computed_at) as last from credit_evaluation where entity_id in (select id from entity where uscc not in ('${A}', '${B}'))`)) as unknown as {
      rows: { n: number; last: Date }[];
    };
    expect(after.rows[0]).toEqual(before.rows[0]);
    // The evaluation explains itself like any other.
    const res = await office.get(`/api/credit/entities/${A}/evaluation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<EntityEvaluationResponse>(res).grade).toMatchObject({ grade: expect.any(String) });
  });

  it('moves the grade when a re-import changes a registry fact the model reads', async () => {
    const [grade] = (await evaluationRows(A)).rows;
    await importCsv([`${A},天津导入评价测试甲有限公司,120101,C,王质量`]);
    const [regraded] = (await evaluationRows(A)).rows;
    // The quality-management indicator gives points for a quality officer (SAMR Order 75).
    expect(regraded!.score).toBeGreaterThan(grade!.score);
  });
});
