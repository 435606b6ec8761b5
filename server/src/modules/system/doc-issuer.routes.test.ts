/**
 * 公文设置 over HTTP on the demo city: who issues the 通报 and the credit report is an
 * administrator's setting (401/403/400 as usual, an audit row per change), and 发文字号 are given
 * one sequence per 机关代字 and year — unique, stored, given back when the issue rolls back, and the
 * same for the same document asked for again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocIssuer } from '../../../../contracts/system.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { issueDocNumber } from './doc-issuer.service.js';

let t: TestApp;
let admin: Agent;
const YEAR = Number(todayInChina().slice(0, 4));
const OFFICE = '天津市质量强市建设协调推进领导小组办公室';

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

const issuers = async (agent: Agent) => json<{ items: DocIssuer[] }>(await agent.get('/api/system/doc-issuers')).items;

describe('GET /api/system/doc-issuers', () => {
  it('lists the 通报 (the demo city\u2019s own office) and the credit report (the coded default) with the next number', async () => {
    const [notice, report] = await issuers(admin);
    expect(notice).toMatchObject({ key: 'assessment-notice', name: OFFICE, mark: OFFICE, prefix: '津质强办', printer: OFFICE, isDefault: false, nextNumber: `津质强办〔${YEAR}〕1号`, issuedThisYear: 0 });
    expect(report).toMatchObject({ key: 'credit-report', name: '天津市市场监督管理委员会', mark: '天津市市场监督管理委员会', prefix: '津市监信', isDefault: true, nextNumber: `津市监信〔${YEAR}〕1号` });
  });

  it('asks for a login and the permission', async () => {
    expect((await t.anon().get('/api/system/doc-issuers')).statusCode).toBe(401);
    expect(errorCode(await (await t.as('quality-office')).get('/api/system/doc-issuers'))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.as('quality-office')).put('/api/system/doc-issuers/credit-report', { name: 'x', mark: 'x', prefix: '津', printer: 'x' }))).toBe('FORBIDDEN');
  });
});

describe('PUT /api/system/doc-issuers/:key', () => {
  const body = { name: '天津市市场监督管理委员会信用监督管理处', mark: '天津市市场监督管理委员会', prefix: '津市监信报', printer: '天津市市场监督管理委员会办公室' };

  it('refuses a bad 机关代字, an unknown key, unknown fields and empty names — and changes nothing', async () => {
    const seq = (await auditHeadRow(t.db))?.seq ?? 0;
    for (const prefix of ['JSX', '津〔', '', '津质强办津质强办津质强办津']) {
      const res = await admin.put('/api/system/doc-issuers/credit-report', { ...body, prefix });
      expect(res.statusCode, prefix).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect((await admin.put('/api/system/doc-issuers/other', body)).statusCode).toBe(400);
    expect((await admin.put('/api/system/doc-issuers/credit-report', { ...body, extra: 1 })).statusCode).toBe(400);
    expect((await admin.put('/api/system/doc-issuers/credit-report', { ...body, name: '  ' })).statusCode).toBe(400);
    expect((await issuers(admin))[1]!.isDefault).toBe(true);
    expect((await auditHeadRow(t.db))?.seq ?? 0).toBe(seq);
  });

  it('stores the issuer with an audit row naming before and after', async () => {
    const seq = (await auditHeadRow(t.db))!.seq;
    const res = await admin.put('/api/system/doc-issuers/credit-report', body);
    expect(res.statusCode).toBe(200);
    expect(json<DocIssuer>(res)).toMatchObject({ ...body, isDefault: false, updatedBy: 'admin', nextNumber: `津市监信报〔${YEAR}〕1号` });
    const rows = await auditRowsAfter(t.db, seq, 10);
    expect(rows.map((r) => r.action)).toEqual(['system.docissuer.update']);
    expect(rows[0]).toMatchObject({ targetId: 'credit-report', before: { prefix: '津市监信' }, after: { prefix: '津市监信报' } });
  });
});

describe('发文字号', () => {
  it('counts per 机关代字 and year from 1, keeps a document\u2019s number, and gives a rolled-back number back', async () => {
    const issue = (prefix: string, year: number, ref: string) => t.db.transaction((tx) => issueDocNumber(tx, t.systemCtx(), { prefix, year, kind: 'test', ref }));
    expect(await issue('津测', 2030, 'a')).toEqual({ docNumber: '津测〔2030〕1号', created: true });
    expect(await issue('津测', 2030, 'b')).toEqual({ docNumber: '津测〔2030〕2号', created: true });
    // Another year and another prefix start their own sequences.
    expect((await issue('津测', 2031, 'c')).docNumber).toBe('津测〔2031〕1号');
    expect((await issue('津验', 2030, 'd')).docNumber).toBe('津验〔2030〕1号');
    // The same document again: the same number, nothing new.
    expect(await issue('津测', 2030, 'a')).toEqual({ docNumber: '津测〔2030〕1号', created: false });
    // An issue whose transaction fails does not use up its number.
    await expect(
      t.db.transaction(async (tx) => {
        await issueDocNumber(tx, t.systemCtx(), { prefix: '津测', year: 2030, kind: 'test', ref: 'e' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await issue('津测', 2030, 'f')).docNumber).toBe('津测〔2030〕3号');
  });

  it('never gives one number twice, even to documents issued at the same time', async () => {
    const issue = (ref: string) => t.db.transaction((tx) => issueDocNumber(tx, t.systemCtx(), { prefix: '津并', year: 2030, kind: 'test', ref }));
    const numbers = await Promise.all(Array.from({ length: 8 }, (_, i) => issue(`p${i}`)));
    expect(new Set(numbers.map((n) => n.docNumber)).size).toBe(8);
    expect(numbers.map((n) => n.docNumber).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `津并〔2030〕${i + 1}号`).sort());
  });
});
