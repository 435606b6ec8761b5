/**
 * 企业质量信用报告 downloads on the seeded demo city: the Word file opens (unzipped with jszip) and
 * holds the entity, its grade and records; the public version and every enterprise copy leave out
 * the risk class and internal records; access follows permission and the enterprise's own USCC.
 * Each report is an official document of the configured issuer with a 发文字号 of its own.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { buildTestApp, errorCode, type Agent, type TestApp } from '../../../test/test-app.js';
import { FOOD_GROUP } from '../../../demo/index.js';
import { addMonths } from '../lists/lists.rules.js';

let t: TestApp;
let office: Agent;
const DEMO = '91120116MA05JQ7W8' + usccCheckCharacter('91120116MA05JQ7W8');
const NOTE = '内部备注：复查计划已排期';

/** The visible text of a .docx. */
async function docText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
}

/** The paragraphs of a .docx as text, with the XML of the first (the 版头). */
async function docLines(body: Buffer): Promise<{ lines: string[]; head: string }> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  const ps = xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];
  return { lines: ps.map((p) => p.replace(/<[^>]+>/g, '')), head: ps[0] ?? '' };
}

const YEAR = Number(todayInChina().slice(0, 4));
const REGULATOR = '天津市市场监督管理委员会';
const NUMBER = new RegExp(`^津市监信〔${YEAR}〕[1-9]\\d*号$`);

async function report(agent: Agent, url: string) {
  const res = await agent.get(url);
  return { res, text: res.statusCode === 200 ? await docText(res.rawPayload) : '' };
}

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  const res = await office.post(`/api/entities/${DEMO}/records`, { kind: 'note', occurredOn: addMonths(todayInChina(), -1), payload: { text: NOTE } });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/credit/entities/:uscc/report', () => {
  it('gives staff the internal version: registry, grade with indicators, lists, internal records, risk class', async () => {
    const { res, text } = await report(office, `/api/credit/entities/${DEMO}/report?version=internal&years=3`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(text).toContain('企业质量信用报告');
    expect(text).toContain('天津滨海示范食品有限公司');
    // The grade in words once, and the indicators' dimensions by their names, never the model's keys.
    expect(text).toMatch(/质量信用等级为 (AAA|AA|A|B|C|D) 级（信用[^）]+），/);
    expect(text).not.toMatch(/级（(AAA|AA|A|B|C|D) 级/);
    expect(text).toContain('质量管理');
    expect(text).not.toMatch(/management|performance|customers|social/);
    expect(text).toMatch(/信用风险分类为 [ABCD] 类（信用风险[^）]+），/);
    expect(text).toContain('行政处罚信息公示');
    expect(text).toContain('津市监罚〔');
    expect(text).toContain(NOTE);
    expect(text).toContain('信用风险分类');
  });

  it('gives the public version without internal records or the risk class', async () => {
    const { res, text } = await report(office, `/api/credit/entities/${DEMO}/report?version=public`);
    expect(res.statusCode).toBe(200);
    expect(text).toContain('企业质量信用报告（公开版）');
    expect(text).toContain('天津滨海示范食品有限公司');
    expect(text).toMatch(/质量信用等级为 (AAA|AA|A|B|C|D) 级/);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('信用风险分类');
    expect(text).not.toContain('联系人');
  });

  it('lets an enterprise download only its own report, never with the risk class or officers\u2019 notes', async () => {
    const ent = await t.as('enterprise');
    const own = await report(ent, `/api/credit/entities/${DEMO}/report?version=internal`);
    expect(own.res.statusCode).toBe(200);
    expect(own.text).toContain('天津滨海示范食品有限公司');
    expect(own.text).not.toContain('信用风险分类');
    expect(own.text).not.toContain(NOTE);
    const other = await ent.get(`/api/credit/entities/${FOOD_GROUP.uscc}/report?version=public`);
    expect(other.statusCode).toBe(403);
    expect(errorCode(other)).toBe('NOT_YOUR_ENTITY');
  });

  it('refuses readers without credit:report:export, anonymous callers and bad parameters', async () => {
    expect((await (await t.as('dept-user')).get(`/api/credit/entities/${DEMO}/report`)).statusCode).toBe(403);
    expect((await t.anon().get(`/api/credit/entities/${DEMO}/report`)).statusCode).toBe(401);
    expect((await office.get(`/api/credit/entities/${DEMO}/report?years=0`)).statusCode).toBe(400);
    expect((await office.get(`/api/credit/entities/${DEMO}/report?version=secret`)).statusCode).toBe(400);
  });
});

describe('the report as an official document', () => {
  it('is issued by the configured regulator under a 发文字号 of its own, registered with an audit row', async () => {
    const seq = (await auditHeadRow(t.db))!.seq;
    // (A report not asked for before in this file: 4 years of records.)
    const { res } = await report(office, `/api/credit/entities/${DEMO}/report?version=internal&years=4`);
    const { lines, head } = await docLines(res.rawPayload);
    // 版头 in red, the 文号 two lines below, the title two lines below the red line.
    expect(lines[0]).toBe(REGULATOR);
    expect(head).toContain('<w:color w:val="FF0000"/>');
    expect(lines[3]).toMatch(NUMBER);
    expect(lines[6]).toBe('企业质量信用报告');
    expect(lines).not.toContain('质量强市信息平台');
    // Signed by the regulator, dated today (no 版记: a report is not 印发).
    const [y, m, d] = todayInChina().split('-').map(Number);
    const at = lines.lastIndexOf(REGULATOR);
    expect(lines.slice(at)).toEqual([REGULATOR, `${y}年${m}月${d}日`]);
    const rows = await auditRowsAfter(t.db, seq, 10);
    expect(rows.map((r) => r.action)).toEqual(['credit.report.issue']);
    expect(rows[0]!.after).toMatchObject({ uscc: DEMO, version: 'internal', docNumber: lines[3], issuer: REGULATOR });
  });

  it('keeps the number of the same report asked for again; another version or scope gets the next number', async () => {
    const numberOf = async (url: string) => (await docLines((await office.get(url)).rawPayload)).lines[3]!;
    const a = await numberOf(`/api/credit/entities/${DEMO}/report?version=internal&years=4`);
    const seq = (await auditHeadRow(t.db))!.seq;
    expect(await numberOf(`/api/credit/entities/${DEMO}/report?version=internal&years=4`)).toBe(a);
    expect(await auditRowsAfter(t.db, seq, 10)).toEqual([]);
    const b = await numberOf(`/api/credit/entities/${DEMO}/report?version=public&years=2`);
    const c = await numberOf(`/api/credit/entities/${DEMO}/report?version=internal&years=5`);
    for (const n of [a, b, c]) expect(n).toMatch(NUMBER);
    expect(new Set([a, b, c]).size).toBe(3);
    const seqOf = (n: string) => Number(/〕(\d+)号/.exec(n)![1]);
    expect(seqOf(c)).toBe(seqOf(b) + 1);
  });

  it('follows the issuer an administrator configures', async () => {
    const admin = await t.as('admin');
    const issuer = { name: '天津市市场监督管理委员会信用监督管理处', mark: '天津市市场监督管理委员会', prefix: '津市监信用', printer: REGULATOR };
    expect((await admin.put('/api/system/doc-issuers/credit-report', issuer)).statusCode).toBe(200);
    const { lines } = await docLines((await office.get(`/api/credit/entities/${DEMO}/report?version=internal`)).rawPayload);
    expect(lines[0]).toBe(issuer.mark);
    expect(lines[3]).toBe(`津市监信用〔${YEAR}〕1号`);
    expect(lines).toContain(issuer.name);
  });
});

describe('GET /api/public/credit/:uscc/report', () => {
  it('serves the public version without login', async () => {
    const { res, text } = await report(t.anon(), `/api/public/credit/${DEMO}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(text).toContain('企业质量信用报告（公开版）');
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('信用风险分类');
    // A self-service copy: a 查询编号 from its content, not a 发文字号 from the register.
    const code = (await docLines(res.rawPayload)).lines[3]!;
    expect(code).toMatch(/^查询编号 \d{8}-[0-9A-F]{10}$/);
    expect(text).toContain('本报告为公开信息自助查询结果');
    const unknown = '91120101MA05YY9Y1';
    expect((await t.anon().get(`/api/public/credit/${unknown + usccCheckCharacter(unknown)}/report`)).statusCode).toBe(404);
  });

  it('spends no official number and writes nothing, however many variants an anonymous caller asks for', async () => {
    const seq = (await auditHeadRow(t.db))?.seq ?? 0;
    const codes = new Set<string>();
    for (const q of ['', '?years=1', '?years=2', '?years=10', '?years=2']) {
      const res = await t.anon().get(`/api/public/credit/${DEMO}/report${q}`);
      expect(res.statusCode).toBe(200);
      codes.add((await docLines(res.rawPayload)).lines[3]!);
    }
    // One code per distinct content (the same request again gives the same code), none registered.
    expect(codes.size).toBe(4);
    expect(await auditRowsAfter(t.db, seq, 100)).toEqual([]);
  });
});
