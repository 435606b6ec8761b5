/**
 * The audit trail over HTTP and on the database: listing, export, verification, that every write
 * and its audit row commit or fail together, that the table refuses UPDATE/DELETE, and that the
 * hash chain exposes what a DBA who bypasses that changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import { pickLang } from '../../../../contracts/i18n.js';
import type { AuditEntry, AuditVerifyResult } from '../../../../contracts/logs.js';
import { todayInChina } from '../calendar/today.js';
import { findDistrict, findUserByUsername } from '../../modules/system/index.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { XLSX_MIME } from '../excel/excel.js';
import { auditHeadRow, auditRowsAfter } from './audit.repository.js';
import { chainHash, GENESIS_HASH } from './audit.rules.js';
import { verifyAuditChain } from './audit.service.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(async () => {
  await t.db.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only').catch(() => undefined);
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const rowAt = async (seq: number) => (await auditRowsAfter(t.db, seq - 1, 1))[0]!;
const sql = (text: string) => t.db.execute(text);
/**
 * Verify over HTTP (reason in the reader's language) and directly, as the CLI does (bilingual
 * reason); both must agree. Returns the direct result, whose reason holds both languages.
 */
async function verifyBoth(): Promise<AuditVerifyResult> {
  const direct = await verifyAuditChain(t.db);
  const zh = await admin.post('/api/monitor/audit/verify');
  expect(zh.statusCode).toBe(200);
  expect(json<AuditVerifyResult>(zh)).toEqual({ ...direct, reason: direct.reason === null ? null : pickLang(direct.reason, 'zh') });
  const en = await admin.request('POST', '/api/monitor/audit/verify', { headers: { 'accept-language': 'en' } });
  expect(json<AuditVerifyResult>(en)).toEqual({ ...direct, reason: direct.reason === null ? null : pickLang(direct.reason, 'en') });
  return direct;
}

describe('GET /api/monitor/audit', () => {
  beforeAll(async () => {
    expect((await admin.post('/api/system/districts', { code: '120140', name: '审计测试区', parentCode: '120000', level: 3 })).statusCode).toBe(201);
    expect((await admin.put('/api/system/districts/120140', { name: '审计测试区二', parentCode: '120000', level: 3 })).statusCode).toBe(200);
  });

  it('lists entries newest first, each linked to the one before it', async () => {
    const head = await headSeq();
    const page = json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?pageSize=200'));
    expect(page.total).toBe(head);
    expect(page.items.map((e) => e.seq)).toEqual(Array.from({ length: Math.min(head, 200) }, (_v, i) => head - i));
    for (let i = 0; i + 1 < page.items.length; i++) expect(page.items[i]!.prevHash).toBe(page.items[i + 1]!.hash);
    const first = json<Page<AuditEntry>>(await admin.get(`/api/monitor/audit?page=${head}&pageSize=1`)).items[0]!;
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actorUsername: 'system', actorRoles: ['system'] });
    const latest = page.items[0]!;
    expect(latest).toMatchObject({ action: 'system.district.update', targetType: 'district', targetId: '120140', actorUsername: 'admin', actorRoles: ['admin'], actorDeptName: '信息中心', ip: '127.0.0.1' });
    expect(latest.before).toMatchObject({ name: '审计测试区' });
    expect(latest.after).toMatchObject({ name: '审计测试区二' });
  });

  it('filters by action prefix, target, actor (any case), keyword and date', async () => {
    const list = async (q: string) => json<Page<AuditEntry>>(await admin.get(`/api/monitor/audit?pageSize=200&${q}`));
    expect((await list('action=system.district')).items.map((e) => e.action)).toEqual(['system.district.update', 'system.district.create']);
    expect((await list('targetType=district&targetId=120140')).total).toBe(2);
    expect((await list('targetType=district&targetId=12014')).total).toBe(0);
    const mine = await list('actor=ADMIN');
    expect(mine.items.every((e) => e.actorUsername === 'admin')).toBe(true);
    expect(mine.items.map((e) => e.action)).toContain('auth.login');
    expect((await list('keyword=120140')).total).toBe(2);
    expect((await list('action=SYSTEM.DISTRICT.C')).items.map((e) => e.action)).toEqual(['system.district.create']);
    const yesterday = todayInChina(new Date(Date.now() - 86_400_000));
    expect((await list(`from=${yesterday}`)).total).toBe(await headSeq());
    expect((await list('to=2020-12-31')).total).toBe(0);
  });

  it('rejects bad filters with 400', async () => {
    for (const q of ['from=2025-02-30', 'to=2025/01/01', 'pageSize=0', `action=${'a'.repeat(101)}`, 'seq=1', `actor=${'u'.repeat(65)}`]) {
      const res = await admin.get(`/api/monitor/audit?${q}`);
      expect({ q, status: res.statusCode, code: errorCode(res) }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GET /api/monitor/audit/export', () => {
  it('downloads the entries as .xlsx, hashes included', async () => {
    const res = await admin.get('/api/monitor/audit/export?targetType=district&targetId=120140');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^审计日志-\d{8}\.xlsx$/);
    const { subtitle, header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(subtitle).toMatch(/^筛选条件：对象类型：行政区划；对象编号：120140\u3000\u3000导出时间：/);
    expect(header).toEqual(['序号', '时间', '操作人', '角色', '部门', '动作', '对象类型', '对象编号', '变更前', '变更后', '请求编号', 'IP', '哈希']);
    expect(rows).toHaveLength(2);
    const entries = json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?targetType=district&targetId=120140')).items;
    const row = rows[0]!;
    expect(row[0]).toBe(entries[0]!.seq);
    // The time is a date in Beijing time; the action and the object type are words.
    expect(Math.abs((row[1] as Date).getTime() - (Date.parse(entries[0]!.occurredAt) + 8 * 3_600_000))).toBeLessThan(1000);
    expect(row.slice(5, 7)).toEqual(['修改区划', '行政区划']);
    // The actor's roles by name, not by key (admin → 系统管理员).
    expect(entries[0]!.actorRoles).toEqual(['admin']);
    expect(row[3]).toBe('系统管理员');
    expect(JSON.parse(String(row[9]))).toEqual(entries[0]!.after);
    expect(row[12]).toBe(entries[0]!.hash);
    expect(rows[1]![8]).toBeNull();
  });
});

describe('POST /api/monitor/audit/verify', () => {
  it('finds an untouched chain intact, checking every row', async () => {
    expect(await verifyBoth()).toEqual({ ok: true, checked: await headSeq(), firstBadSeq: null, reason: null });
  });
});

describe('a write and its audit row commit together', () => {
  afterAll(async () => {
    await sql('DROP TRIGGER IF EXISTS zl_test_fail ON audit_log');
    await sql('DROP TRIGGER IF EXISTS zl_test_fail ON audit_head');
    await sql('DROP FUNCTION IF EXISTS zl_test_fail()');
  });

  it('rolls the change back when its audit row cannot be written', async () => {
    await sql(`CREATE FUNCTION zl_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`);
    await sql('CREATE TRIGGER zl_test_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION zl_test_fail()');
    const seq = await headSeq();
    const res = await admin.post('/api/system/districts', { code: '120141', name: '回滚测试区', parentCode: '120000', level: 3 });
    expect(res.statusCode).toBe(500);
    expect(errorCode(res)).toBe('INTERNAL');
    expect(json<{ error: { message: string } }>(res).error.message).not.toContain('simulated');
    expect(await findDistrict(t.db, '120141')).toBeNull();
    const labRole = json<{ items: { id: number }[] }>(await admin.get('/api/system/roles?keyword=lab')).items[0]!.id;
    const user = await admin.post('/api/system/users', { username: 'rollback-user', password: 'Rollback-2026!', displayName: '回滚', deptId: null, roleIds: [labRole] });
    expect(user.statusCode).toBe(500);
    expect(await findUserByUsername(t.db, 'rollback-user')).toBeNull();
    expect(await headSeq()).toBe(seq);
    await sql('DROP TRIGGER zl_test_fail ON audit_log');
  });

  it('drops the audit row and the change when the chain head cannot advance', async () => {
    await sql('CREATE TRIGGER zl_test_fail BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION zl_test_fail()');
    const seq = await headSeq();
    const res = await admin.put('/api/system/districts/120140', { name: '不会保存', parentCode: '120000', level: 3 });
    expect(res.statusCode).toBe(500);
    expect((await findDistrict(t.db, '120140'))!.name).toBe('审计测试区二');
    expect(await auditRowsAfter(t.db, seq, 10)).toEqual([]);
    await sql('DROP TRIGGER zl_test_fail ON audit_head');
    expect((await verifyBoth()).ok).toBe(true);
    // And once the database accepts writes again, so does the app.
    expect((await admin.put('/api/system/districts/120140', { name: '审计测试区三', parentCode: '120000', level: 3 })).statusCode).toBe(200);
    expect(await headSeq()).toBe(seq + 1);
  });
});

describe('append-only audit_log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE while its trigger is enabled', async () => {
    const before = await rowAt(1);
    /** The database's refusal (drizzle wraps it: the driver's error is the cause). */
    const refusal = async (text: string): Promise<string> => {
      try {
        await sql(text);
        return 'accepted';
      } catch (e) {
        const err = e as Error & { cause?: Error };
        return `${err.message} / ${err.cause?.message ?? ''}`;
      }
    };
    expect(await refusal(`UPDATE audit_log SET action = 'forged' WHERE seq = 1`)).toMatch(/audit_log is append-only \(UPDATE refused\)/);
    expect(await refusal('DELETE FROM audit_log WHERE seq = 1')).toMatch(/audit_log is append-only \(DELETE refused\)/);
    expect(await refusal('TRUNCATE audit_log')).toMatch(/audit_log is append-only \(TRUNCATE refused\)/);
    expect(await rowAt(1)).toEqual(before);
    expect((await verifyBoth()).ok).toBe(true);
  });
});

describe('tampering by a DBA who disables the trigger', () => {
  let head: number;

  beforeAll(async () => {
    // A few more writes so that there are rows before and after the ones tampered with.
    for (const code of ['120142', '120143', '120144']) {
      expect((await admin.post('/api/system/districts', { code, name: `篡改测试${code}`, parentCode: '120000', level: 3 })).statusCode).toBe(201);
    }
    head = await headSeq();
    await sql('CREATE TABLE zl_test_audit_copy AS SELECT * FROM audit_log');
    await sql('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  });

  afterAll(async () => {
    await sql('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await sql('DROP TABLE IF EXISTS zl_test_audit_copy');
  });

  /** Put the original rows back (the chain is then intact again, proving the check is not sticky). */
  async function restore(): Promise<void> {
    await sql('DELETE FROM audit_log');
    await sql('INSERT INTO audit_log SELECT * FROM zl_test_audit_copy');
    await sql(`UPDATE audit_head SET seq = ${head}, hash = (SELECT hash FROM zl_test_audit_copy WHERE seq = ${head}) WHERE id = 1`);
    expect(await verifyBoth()).toEqual({ ok: true, checked: head, firstBadSeq: null, reason: null });
  }

  async function seqOf(code: string): Promise<number> {
    return json<Page<AuditEntry>>(await admin.get(`/api/monitor/audit?targetType=district&targetId=${code}&action=system.district.create`)).items[0]!.seq;
  }

  it('reports a row whose recorded change was edited', async () => {
    const k = await seqOf('120142');
    await sql(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"被篡改"') WHERE seq = ${k}`);
    expect((await rowAt(k)).after).toMatchObject({ name: '被篡改' });
    const r = await verifyBoth();
    expect(r).toMatchObject({ ok: false, firstBadSeq: k, checked: k - 1 });
    expect(r.reason).toContain('altered');
    await restore();
  });

  it('reports the row after one whose edit was hidden by recomputing its hash', async () => {
    const k = await seqOf('120142');
    const row = await rowAt(k);
    const { prevHash, hash: _old, ...content } = row;
    const forged = chainHash(prevHash, { ...content, actorUsername: 'mallory' });
    await sql(`UPDATE audit_log SET actor_username = 'mallory', hash = '${forged}' WHERE seq = ${k}`);
    const r = await verifyBoth();
    expect(r).toMatchObject({ ok: false, firstBadSeq: k + 1 });
    expect(r.reason).toContain('does not link');
    await restore();
  });

  it('reports a deleted middle row as missing', async () => {
    const m = await seqOf('120143');
    await sql(`DELETE FROM audit_log WHERE seq = ${m}`);
    const r = await verifyBoth();
    expect(r).toMatchObject({ ok: false, firstBadSeq: m, checked: m - 1 });
    expect(r.reason).toContain(`row ${m} is missing`);
    await restore();
  });

  it('reports a deleted first row', async () => {
    await sql('DELETE FROM audit_log WHERE seq = 1');
    expect(await verifyBoth()).toMatchObject({ ok: false, firstBadSeq: 1, checked: 0 });
    await restore();
  });

  it('reports a deleted last row through the chain head', async () => {
    await sql(`DELETE FROM audit_log WHERE seq = ${head}`);
    const r = await verifyBoth();
    expect(r).toMatchObject({ ok: false, firstBadSeq: head, checked: head - 1 });
    expect(r.reason).toContain('head');
    await restore();
  });

  it('reports a last row that does not match the chain head', async () => {
    await sql(`UPDATE audit_head SET hash = '${'f'.repeat(64)}' WHERE id = 1`);
    const r = await verifyBoth();
    expect(r).toMatchObject({ ok: false, firstBadSeq: head });
    expect(r.reason).toContain('does not match the chain head');
    await restore();
  });
});
