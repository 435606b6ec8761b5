/**
 * What enterprises publish about themselves (issue 12 §1.4), over HTTP on the seeded demo city: a
 * commitment with a phone number, an ID number and a phishing link is refused, naming what was
 * found; a clean one waits for an officer of the entity's district and reaches the public lookup
 * only once approved; a rejected one never does, and the enterprise reads why. Officers' public
 * records are checked the same way, and the portal masks what reached the database another way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { ArchiveRecord } from '../../../../contracts/entities.js';
import type { PublicCreditResponse } from '../../../../contracts/portal.js';
import type { Submission } from '../../../../contracts/submissions.js';
import { idNumberCheckCharacter } from '../../../../contracts/personal-data.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { archiveRecord } from './entities.table.js';
import { findEntityByUscc } from './entities.repository.js';

let t: TestApp;
let enterprise: Agent;
let office: Agent;
let ipSeq = 0;
const today = todayInChina();
const DEMO = '91120116MA05JQ7W8' + usccCheckCharacter('91120116MA05JQ7W8');
const OTHER = '91120116MA0TEXT03'.slice(0, 17);
const OTHER_ENTERPRISE = OTHER + usccCheckCharacter(OTHER);
const ID_NUMBER = '12010119900307123' + idNumberCheckCharacter('12010119900307123');
const ATTACK = `本企业郑重承诺诚信经营。如需核实请联系法人 13812345678，身份证 ${ID_NUMBER}，在线核验 http://tj-credit-verify.top/login 领取补贴。`;
const CLEAN = '本企业承诺严格执行 GB/T 19001-2016 质量管理体系，产品出厂检验合格率 100%，接受社会监督。';

const BINHAI = 'tj120116-01';
const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const actionsSince = async (seq: number) => (await auditRowsAfter(t.db, seq, 1000)).map((r) => r.action);
const publicView = async () => json<PublicCreditResponse>(await t.app.inject({ method: 'GET', url: `/api/public/credit/${DEMO}`, remoteAddress: `10.2.0.${++ipSeq}` }));
const publicText = async () => JSON.stringify((await publicView()).records);
const commitment = (text: string, over: Record<string, unknown> = {}) => ({ kind: 'commitment', occurredOn: today, payload: { text }, ...over });

beforeAll(async () => {
  t = await buildTestApp();
  enterprise = await t.as('enterprise');
  office = await t.as('quality-office');
  // The district bureau of 滨海新区 (the demo enterprise's district), past its first-login password change.
  await t.db.execute(`update app_user set must_change_password = false where username = '${BINHAI}'`);
});
afterAll(() => t.close());

describe('access', () => {
  it('401 without login, 403 without the permission, 403 for another enterprise', async () => {
    expect((await t.anon().post(`/api/entities/${DEMO}/submissions`, commitment(CLEAN))).statusCode).toBe(401);
    expect((await t.anon().get('/api/submissions')).statusCode).toBe(401);
    expect(errorCode(await enterprise.get('/api/submissions'))).toBe('FORBIDDEN');
    expect(errorCode(await enterprise.post('/api/submissions/1/approve'))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.as('dept-user')).get('/api/submissions'))).toBe('FORBIDDEN');
    expect(errorCode(await office.post(`/api/entities/${DEMO}/submissions`, commitment(CLEAN)))).toBe('FORBIDDEN');
    expect(errorCode(await enterprise.post(`/api/entities/${OTHER_ENTERPRISE}/submissions`, commitment(CLEAN)))).toBe('NOT_YOUR_ENTITY');
  });
});

describe('the attack: a commitment with a phone number, an ID number and a phishing link', () => {
  it('no longer reaches the archive directly: the records endpoint sends enterprises to review', async () => {
    const res = await enterprise.post(`/api/entities/${DEMO}/records`, commitment(ATTACK));
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('RECORD_KIND_NOT_ALLOWED');
    expect(res.body).toContain('审核');
    expect(await publicText()).not.toContain('13812345678');
  });

  it('is refused on submission with 400 naming each finding, and nothing is stored', async () => {
    const seq = await headSeq();
    const res = await enterprise.post(`/api/entities/${DEMO}/submissions`, commitment(ATTACK));
    expect(res.statusCode).toBe(400);
    const err = json<{ error: { code: string; message: string; details: { path: string; kinds: string[] }[] } }>(res).error;
    expect(err.code).toBe('PERSONAL_DATA_FOUND');
    expect(err.message).toContain('手机号码 138****5678');
    expect(err.message).toContain('身份证号码 120101********');
    expect(err.message).toContain('网址链接 tj-credit-verify.top');
    expect(err.message).not.toContain('13812345678');
    expect(err.details).toEqual([{ path: 'payload.text', code: 'personal_data', kinds: ['mobile', 'id_number', 'link'], message: expect.any(String) }]);
    // In English for an English reader.
    const en = await enterprise.request('POST', `/api/entities/${DEMO}/submissions`, { body: commitment(ATTACK), headers: { 'accept-language': 'en' } });
    expect(json<{ error: { message: string } }>(en).error.message).toContain('mobile number 138****5678');
    // A self-declaration's fields and the title are checked too.
    const decl = await enterprise.post(`/api/entities/${DEMO}/submissions`, { kind: 'self_declaration', occurredOn: today, title: '客服 022-23456789', payload: { standardNo: 'Q/12BHSF 002-2026', standardName: '速冻食品', product: '水饺 详见 www.bhsf-shop.top' } });
    expect(json<{ error: { details: { path: string }[] } }>(decl).error.details.map((d) => d.path)).toEqual(['title', 'payload.product']);
    expect(await headSeq()).toBe(seq);
    expect(json<Submission[]>(await enterprise.get(`/api/entities/${DEMO}/submissions`))).toEqual([]);
    expect(await publicText()).not.toMatch(/13812345678|tj-credit-verify/);
  });
});

describe('review', () => {
  let approvedId = 0;

  it('a clean commitment waits for review: not on the portal, not in the archive; the enterprise sees it pending', async () => {
    const seq = await headSeq();
    const res = await enterprise.post(`/api/entities/${DEMO}/submissions`, commitment(CLEAN, { title: '2026年度质量信用承诺' }));
    expect(res.statusCode, res.body).toBe(201);
    const s = json<Submission>(res);
    approvedId = s.id;
    expect(s).toMatchObject({ uscc: DEMO, kind: 'commitment', status: 'pending', submittedBy: 'enterprise', submittedByName: expect.stringContaining('吴企业'), recordId: null });
    expect(await actionsSince(seq)).toEqual(['entities.submission.submit']);
    expect(await publicText()).not.toContain('GB/T 19001-2016 质量管理体系');
    const own = json<Submission[]>(await enterprise.get(`/api/entities/${DEMO}/submissions`));
    expect(own.map((x) => [x.id, x.status])).toEqual([[s.id, 'pending']]);
  });

  it('is in the queue of officers whose scope covers the entity only (和平区 does not see 滨海新区)', async () => {
    const heping = await t.as('district-user');
    const theirs = json<Page<Submission>>(await heping.get('/api/submissions?status=pending'));
    expect(theirs.items.map((x) => x.id)).not.toContain(approvedId);
    expect((await heping.post(`/api/submissions/${approvedId}/approve`)).statusCode).toBe(404);
    const binhai = await t.as(BINHAI);
    const queue = json<Page<Submission>>(await binhai.get('/api/submissions?status=pending'));
    expect(queue.items.map((x) => x.id)).toContain(approvedId);
    expect(json<Page<Submission>>(await office.get(`/api/submissions?status=pending&keyword=${DEMO}`)).total).toBe(1);
  });

  it('approved: appended to the archive as public, with its audit rows, and shown on the portal at once', async () => {
    const binhai = await t.as(BINHAI);
    const seq = await headSeq();
    const res = await binhai.post(`/api/submissions/${approvedId}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    const s = json<Submission>(res);
    expect(s).toMatchObject({ status: 'approved', reviewedBy: BINHAI, recordId: expect.any(Number) });
    expect(await actionsSince(seq)).toEqual(expect.arrayContaining(['entities.record.append', 'entities.submission.approve']));
    const rec = json<Page<ArchiveRecord>>(await office.get(`/api/entities/${DEMO}/records?kind=commitment&pageSize=100`)).items.find((r) => r.id === s.recordId)!;
    expect(rec).toMatchObject({ visibility: 'public', sourceModule: 'submission', sourceId: String(approvedId), title: '2026年度质量信用承诺' });
    const shown = (await publicView()).records.find((r) => r.id === s.recordId);
    expect(shown?.payload.text).toBe(CLEAN);
    expect(errorCode(await binhai.post(`/api/submissions/${approvedId}/approve`))).toBe('SUBMISSION_DECIDED');
    expect(errorCode(await binhai.post(`/api/submissions/${approvedId}/reject`, { reason: '重复' }))).toBe('SUBMISSION_DECIDED');
  });

  it('rejected: a reason is required, the enterprise reads it, and the text never reaches the portal', async () => {
    const text = '本企业承诺产品质量达到国际先进水平，全国销量第一。';
    const s = json<Submission>(await enterprise.post(`/api/entities/${DEMO}/submissions`, commitment(text)));
    const seq = await headSeq();
    expect((await office.post(`/api/submissions/${s.id}/reject`, {})).statusCode).toBe(400);
    expect((await office.post(`/api/submissions/${s.id}/reject`, { reason: ' ' })).statusCode).toBe(400);
    expect(await headSeq()).toBe(seq);
    const res = await office.post(`/api/submissions/${s.id}/reject`, { reason: '“全国销量第一”属无法核实的宣传用语，请修改后重新报送' });
    expect(res.statusCode).toBe(200);
    expect(await actionsSince(seq)).toEqual(['entities.submission.reject']);
    const own = json<Submission[]>(await enterprise.get(`/api/entities/${DEMO}/submissions`)).find((x) => x.id === s.id)!;
    expect(own).toMatchObject({ status: 'rejected', rejectReason: expect.stringContaining('无法核实'), reviewedByName: expect.stringContaining('王质量'), recordId: null });
    expect(await publicText()).not.toContain('全国销量第一');
    expect(json<Page<ArchiveRecord>>(await office.get(`/api/entities/${DEMO}/records?kind=commitment&pageSize=100`)).items.some((r) => JSON.stringify(r.payload).includes('全国销量第一'))).toBe(false);
  });
});

describe('four eyes', () => {
  it('refuses to let the person who submitted a text review it, even holding both permissions (403), and another officer may', async () => {
    const admin = await t.as('admin');
    const s = json<Submission>(await admin.post(`/api/entities/${DEMO}/submissions`, commitment('本企业承诺落实质量安全主体责任，建立质量安全总监制度。')));
    expect(s.status).toBe('pending');
    const seq = await headSeq();
    for (const res of [await admin.post(`/api/submissions/${s.id}/approve`), await admin.post(`/api/submissions/${s.id}/reject`, { reason: '自审' })]) {
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('SUBMISSION_REVIEW_SELF');
    }
    expect(await actionsSince(seq)).toEqual([]);
    const approved = await (await t.as(BINHAI)).post(`/api/submissions/${s.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(json<Submission>(approved)).toMatchObject({ status: 'approved', reviewedBy: BINHAI });
  });
});

describe('officers’ public records and the portal’s masking', () => {
  it('refuses personal data in an officer’s public record; an internal note may keep it', async () => {
    const seq = await headSeq();
    const res = await office.post(`/api/entities/${DEMO}/records`, { kind: 'inspection', occurredOn: today, payload: { result: 'pass', items: '现场负责人 张三 13912345678' } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('PERSONAL_DATA_FOUND');
    expect(await headSeq()).toBe(seq);
    expect((await office.post(`/api/entities/${DEMO}/records`, { kind: 'note', occurredOn: today, payload: { text: '联系人 13912345678' } })).statusCode).toBe(201);
  });

  it('masks what reached the archive another way (an older row, an import) on its way to the public', async () => {
    const e = (await findEntityByUscc(t.db, DEMO))!;
    await t.db.insert(archiveRecord).values({
      entityId: e.id,
      kind: 'commitment',
      title: '旧承诺（联系 13712345678）',
      occurredOn: today,
      recordedBy: 'import',
      sourceModule: 'import',
      visibility: 'public',
      payload: { text: `承诺书，经办人身份证 ${ID_NUMBER}，详见 www.old-site.top` },
    });
    const shown = (await publicView()).records.find((r) => r.title.startsWith('旧承诺'))!;
    expect(shown.title).toBe('旧承诺（联系 137****5678）');
    expect(shown.payload.text).toBe('承诺书，经办人身份证 120101********' + ID_NUMBER.slice(14) + '，详见 〔链接已屏蔽〕');
  });
});
