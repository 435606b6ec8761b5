/**
 * The plans module over HTTP on a real database: import (file and text), review, publish, tasks
 * in each user's scope, progress reports and their review, 督办, and the to-do list — with the
 * unhappy paths (401, 403, 400, 409, 413, 415) leaving everything unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchRemindResult, Dashboard, Indicator, IndicatorDetail, PlanDetail, Round, Task, TaskDetail, TaskReport, TaskUnit, Todo } from '../../../../contracts/plans.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { addCalendarDays } from '../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../test/test-app.js';
import { findUserByUsername, updateUserRow } from '../system/index.js';
import { docxOf, xlsxOf } from '../../test/zip-fixtures.js';
import { MAX_PLAN_ITEMS, MAX_PLAN_TEXT_CHARS } from './plans.rules.js';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'demo-plan.txt'), 'utf8');

let t: TestApp;
let office: Agent;
let deptUser: Agent;
let districtUser: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  deptUser = await t.as('dept-user');
  districtUser = await t.as('district-user');
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditActionsSince = async (seq: number) => (await auditRowsAfter(t.db, seq, 1000)).map((r) => r.action);
const upload = (agent: Agent, file: Buffer, filename: string, type = 'text/plain') => agent.request('POST', '/api/plans/import', multipartBody(file, { filename, type }));
const planCount = async () => json<{ total: number }>(await office.get('/api/plans')).total;

async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function deptId(name: string): Promise<number> {
  const res = await (await t.as('admin')).get(`/api/system/departments?keyword=${encodeURIComponent(name)}`);
  const d = json<{ items: { id: number; name: string }[] }>(res).items.find((x) => x.name === name);
  if (!d) throw new Error(`no department ${name}`);
  return d.id;
}

describe('access', () => {
  it('asks for a login (401) and refuses users without the permission (403)', async () => {
    expect((await t.anon().get('/api/plans')).statusCode).toBe(401);
    expect(errorCode(await deptUser.get('/api/plans'))).toBe('FORBIDDEN');
    expect(errorCode(await deptUser.post('/api/plans/import-text', { text: FIXTURE }))).toBe('FORBIDDEN');
    expect((await t.anon().get('/api/plans/tasks')).statusCode).toBe(401);
    expect(errorCode(await (await t.as('lab')).get('/api/plans/tasks'))).toBe('FORBIDDEN');
  });
});

describe('importing a document', () => {
  it('refuses other file types (415), broken Word files (400) and files over the limit (413, naming it), creating nothing', async () => {
    const before = await planCount();
    const pdf = await upload(office, Buffer.from('%PDF-1.4 fake'), 'plan.pdf', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(errorCode(pdf)).toBe('UNSUPPORTED_FILE_TYPE');
    const broken = await upload(office, Buffer.from('this is not a zip'), 'plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(broken.statusCode).toBe(400);
    expect(errorCode(broken)).toBe('INVALID_DOCX');
    const huge = await upload(office, Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 'huge.txt');
    expect(huge.statusCode).toBe(413);
    expect(json<{ error: { message: string } }>(huge).error.message).toContain('10 MB');
    expect(await planCount()).toBe(before);
  });

  it('imports a Word file into a draft', async () => {
    const file = await docx(['某市质量工作要点', '一、夯实质量基础', '（一）推进标准化建设。（市市场监管委负责）']);
    const res = await upload(office, file, '要点.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.statusCode).toBe(201);
    const plan = json<PlanDetail>(res);
    expect(plan.status).toBe('draft');
    expect(plan.sourceName).toBe('要点.docx');
    expect(plan.draft.items[0]!.children[0]!.joint).toEqual(['市市场监管委']);
  });

  it('refuses (422) a small file that unpacks to a document far longer than any plan, storing nothing', async () => {
    // ~100 KB zipped, ~6 MB of document.xml: under the unpacking cap, but 200,000 numbered items.
    const before = await planCount();
    const paragraphs = (function* () {
      yield '某市质量工作要点';
      for (let i = 1; i <= 200_000; i++) yield `（${i}）推进第${i}项工作。`;
    })();
    const res = await upload(office, docxOf(paragraphs), '超长.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('FILE_TOO_COMPLEX');
    expect(json<{ error: { message: string; details: { maxChars: number } } }>(res).error).toMatchObject({ message: expect.stringContaining('请拆分后导入'), details: { maxChars: MAX_PLAN_TEXT_CHARS } });
    expect(await planCount()).toBe(before);
  });

  it('stores a Word file spelling a lone surrogate (&#xD800;) as readable text, not a 500', async () => {
    const file = docxOf(['某区质量工作要点', '一、夯实质量基础', '（一）推进标准化建设&#xD800;。（区市场监管局负责）']);
    const res = await upload(office, file, '代理项.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.statusCode, res.body).toBe(201);
    // The replacement character is then treated like any unreadable character by the parser's normaliser.
    const body = json<PlanDetail>(res).body;
    expect(body).toContain('推进标准化建设');
    expect(body).not.toMatch(/[\ud800-\udfff]/);
  });

  it('turns text with no structure into one item with a warning', async () => {
    const res = await office.post('/api/plans/import-text', { text: 'Quality matters. No numbering here at all.' });
    expect(res.statusCode).toBe(201);
    const plan = json<PlanDetail>(res);
    expect(plan.itemCount).toBe(1);
    expect(plan.warnings.length).toBeGreaterThan(0);
  });

  it('rejects an empty paste (400)', async () => {
    expect(errorCode(await office.post('/api/plans/import-text', { text: '' }))).toBe('VALIDATION_FAILED');
  });
});

describe('importing an Excel task list', () => {
  async function sheet(rows: (string | null)[][]): Promise<Buffer> {
    const template = await office.get('/api/plans/import-template');
    expect(template.statusCode).toBe(200);
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    // The template's header row (with its * marks), then our rows instead of its examples.
    const header = (tpl.worksheets[0]!.getRow(1).values as (string | undefined)[]).slice(1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务清单');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('refuses (422) a list too large for a plan, by characters or by items, storing nothing', async () => {
    const before = await planCount();
    const header = ['条目编号', '标题', '任务内容', '牵头单位'];
    // 200 rows repeating one 2,000-character text: 400,000 characters from a small file.
    const long = xlsxOf(header, 200, (i) => [String(i), `任务${i}`, '加'.repeat(2000), '市市场监管委']);
    const tooLong = await upload(office, long, '超长清单.xlsx', XLSX);
    expect(tooLong.statusCode).toBe(422);
    expect(errorCode(tooLong)).toBe('FILE_TOO_COMPLEX');
    // One item more than a draft holds (the schema's top-level limit too: over it the plan could never be read back).
    const many = xlsxOf(header, MAX_PLAN_ITEMS + 1, (i) => [String(i), `任务${i}`, `推进第${i}项工作。`, '市市场监管委']);
    const tooMany = await upload(office, many, '超多清单.xlsx', XLSX);
    expect(tooMany.statusCode).toBe(422);
    expect(json<{ error: { details: { items: number } } }>(tooMany).error.details.items).toBe(MAX_PLAN_ITEMS + 1);
    expect(await planCount()).toBe(before);
  });

  it('makes a draft titled after the file, with units and due dates per item', async () => {
    const file = await sheet([
      ['一', '强化质量安全监管', null, null, null, null, null],
      ['一/(一)', '开展监督抽查', '产品质量监督抽查合格率达到94%。', '市市场监管委', '各区人民政府', null, '2026-10-31'],
    ]);
    const res = await upload(office, file, '2026年质量工作任务清单.xlsx', XLSX);
    expect(res.statusCode).toBe(201);
    const plan = json<PlanDetail>(res);
    expect(plan).toMatchObject({ title: '2026年质量工作任务清单', sourceName: '2026年质量工作任务清单.xlsx', itemCount: 2 });
    expect(plan.draft.items[0]!.children[0]).toMatchObject({ lead: ['市市场监管委'], support: ['各区人民政府'], dueDate: '2026-10-31' });
    expect(plan.draft.targets).toMatchObject([{ indicator: '产品质量监督抽查合格率', value: 94 }]);
    expect(plan.unitSuggestions.find((u) => u.name === '各区人民政府')!.candidates).toHaveLength(16);
    const span = plan.spans['一/(一)']!;
    expect(plan.body.slice(span.start, span.end)).toContain('开展监督抽查');
    expect((await upload(office, file, '2026年质量工作任务清单.xlsx', XLSX)).statusCode).toBe(200);
  });

  it('rejects a list with bad rows, naming each, and imports nothing', async () => {
    const before = await planCount();
    const file = await sheet([
      ['一/(一)', '没有上级', '内容', null, null, null, null],
      ['二', null, null, null, null, null, '下个月'],
    ]);
    const res = await upload(office, file, '错误清单.xlsx', XLSX);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const rows = json<{ error: { details: { errors: { row: number; column: string }[] } } }>(res).error.details.errors;
    expect(rows.map((e) => [e.row, e.column])).toEqual([
      [2, '条目编号'],
      [3, '任务内容'],
      [3, '完成时限'],
    ]);
    expect(await planCount()).toBe(before);
  });
});

describe('review and publish', () => {
  let plan: PlanDetail;
  let sciAssociation: number;

  it('parses the text, proposes mappings and audits the import', async () => {
    // A second department also called 市科委 makes that name ambiguous.
    const admin = await t.as('admin');
    const created = await admin.post('/api/system/departments', {
      parentId: await deptId('天津市人民政府'),
      name: '天津市科学技术协会',
      shortName: '市科协',
      aliases: ['市科委'],
      kind: 'member',
      districtCode: '120000',
      sort: 999,
      status: 'active',
    });
    expect(created.statusCode).toBe(201);
    sciAssociation = json<{ id: number }>(created).id;

    const seq = await headSeq();
    const res = await office.post('/api/plans/import-text', { text: FIXTURE, sourceName: '示范方案.txt' });
    expect(res.statusCode).toBe(201);
    plan = json<PlanDetail>(res);
    expect(plan).toMatchObject({ title: '天津市质量提升示范行动方案', docNumber: '津质量发〔2026〕1号', issuedDate: '2026-03-01', dueDate: '2026-12-10', status: 'draft', version: 1 });
    expect(plan.draft.targets.map((x) => x.indicator)).toContain('产品质量监督抽查合格率');
    expect(plan.spans['二/(一)']).toBeDefined();
    const span = plan.spans['二/(一)']!;
    expect(plan.body.slice(span.start, span.end)).toContain('开展监督抽查');

    const byName = new Map(plan.unitSuggestions.map((s) => [s.name, s]));
    expect(byName.get('市市场监管委')).toMatchObject({ status: 'matched', items: 3 });
    expect(byName.get('各区人民政府')!.candidates).toHaveLength(16);
    expect(byName.get('市科委')).toMatchObject({ status: 'ambiguous' });
    expect(byName.get('盐城质监局')).toMatchObject({ status: 'unknown', candidates: [] });
    expect(plan.draft.unitMappings.map((m) => m.name).sort()).toEqual(['各区人民政府', '市发展改革委', '市工业和信息化局', '市市场监管委'].sort());
    expect(await auditActionsSince(seq)).toEqual(['plans.plan.import']);
  });

  it('finds the same plan when the same text is imported again (200, nothing new)', async () => {
    const before = await planCount();
    const again = await office.post('/api/plans/import-text', { text: FIXTURE });
    expect(again.statusCode).toBe(200);
    expect(json<PlanDetail>(again).id).toBe(plan.id);
    expect(await planCount()).toBe(before);
  });

  it('refuses to publish while names are unmapped, naming them, and changes nothing', async () => {
    const res = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('UNITS_UNMAPPED');
    const names = json<{ error: { details: { name: string }[] } }>(res).error.details.map((d) => d.name);
    expect(names.sort()).toEqual(['市科委', '盐城质监局'].sort());
    expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`))).toMatchObject({ status: 'draft', version: 1, taskCount: 0 });
  });

  it('refuses an invalid draft (400) and a stale version (409)', async () => {
    const dup = { ...plan.draft, items: [...plan.draft.items, plan.draft.items[0]!] };
    const bad = await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version, draft: dup });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('重复');
    const unknownDept = { ...plan.draft, unitMappings: [...plan.draft.unitMappings, { name: '市科委', deptIds: [987654], ignored: false }] };
    expect((await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version, draft: unknownDept })).statusCode).toBe(400);
    const stale = await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version + 5, draft: plan.draft });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it('refuses (422) a draft grown past a plan\'s size through editing, and keeps the one it had', async () => {
    // 30 items of 80 children each: 2,430 items, though only 30 at the top level.
    const item = plan.draft.items[0]!;
    const children = (p: string) => Array.from({ length: 80 }, (_c, k) => ({ ...item, path: `${p}/${k + 1}`, number: String(k + 1), children: [] }));
    const items = Array.from({ length: 30 }, (_i, k) => ({ ...item, path: `x${k}`, number: `x${k}`, children: children(`x${k}`) }));
    const res = await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version, draft: { ...plan.draft, items } });
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('FILE_TOO_COMPLEX');
    expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`))).toMatchObject({ version: plan.version, itemCount: plan.itemCount });
  });

  it('saves the reviewed draft: chosen and ignored names, a per-item due date', async () => {
    const sci = await deptId('天津市科学技术局');
    expect(sci).not.toBe(sciAssociation);
    const tomorrow = addCalendarDays(todayInChina(), 1);
    const draft = structuredClone(plan.draft);
    draft.unitMappings.push({ name: '市科委', deptIds: [sci], ignored: false }, { name: '盐城质监局', deptIds: [], ignored: true });
    draft.items[0]!.children[0]!.dueDate = tomorrow;
    draft.items[0]!.children[0]!.heading = '开展质量提升专项行动';
    const seq = await headSeq();
    const res = await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version, draft });
    expect(res.statusCode).toBe(200);
    plan = json<PlanDetail>(res);
    expect(plan.version).toBe(2);
    expect(plan.draft.items[0]!.children[0]!.heading).toBe('开展质量提升专项行动');
    expect(await auditActionsSince(seq)).toEqual(['plans.plan.save']);
  });

  it('publishes one task per item and department, with roles, due dates and indicators — once', async () => {
    const seq = await headSeq();
    // The fixture's dates are fixed (2026-12-10); on a later day they have passed and are kept.
    const res = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version, pastDue: 'keep' });
    expect(res.statusCode).toBe(200);
    // 一/(一): 工信局 lead + 市场监管委, 科技局 support = 3 · 一/(二): 2 joint · 二/(一): 市场监管委 lead + 16 district governments = 17 · 二/(二): ignored.
    expect(json(res)).toMatchObject({ tasksCreated: 22, indicatorsCreated: 2, plan: { status: 'published', taskCount: 22, completion: 0 } });
    expect(await auditActionsSince(seq)).toEqual(['plans.plan.publish']);

    const again = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('PLAN_PUBLISHED');
    expect(errorCode(await office.put(`/api/plans/${plan.id}/draft`, { version: plan.version + 1, draft: plan.draft }))).toBe('PLAN_PUBLISHED');
    expect(errorCode(await office.delete(`/api/plans/${plan.id}`))).toBe('PLAN_PUBLISHED');

    const tasks = json<{ items: Task[]; total: number }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100`));
    expect(tasks.total).toBe(22);
    const miit = tasks.items.find((x) => x.deptName === '天津市工业和信息化局')!;
    expect(miit).toMatchObject({ role: 'lead', itemPath: '一/(一)', dueDate: addCalendarDays(todayInChina(), 1), status: 'pending', percent: 0 });
    expect(tasks.items.filter((x) => x.itemPath === '二/(一)' && x.role === 'support')).toHaveLength(16);
    expect(tasks.items.filter((x) => x.itemPath === '一/(二)').every((x) => x.dueDate === '2026-12-10' && x.role === 'joint')).toBe(true);
  });

  it('shows each unit only its own tasks', async () => {
    const mine = json<{ items: Task[] }>(await deptUser.get(`/api/plans/tasks?planId=${plan.id}`)).items;
    expect(mine.map((x) => x.deptName)).toEqual(['天津市工业和信息化局']);
    const district = json<{ items: Task[] }>(await districtUser.get(`/api/plans/tasks?planId=${plan.id}`)).items;
    expect(district.map((x) => x.deptName)).toEqual(['天津市和平区人民政府']);
  });

  describe('progress, review and 督办', () => {
    let miitTask: Task;
    let report: TaskReport;

    beforeAll(async () => {
      miitTask = json<{ items: Task[] }>(await deptUser.get(`/api/plans/tasks?planId=${plan.id}`)).items[0]!;
    });

    it('lists the task due tomorrow in the unit\'s to-do', async () => {
      const todo = json<Todo>(await deptUser.get('/api/plans/todo?days=5'));
      expect(todo.dueSoon.map((x) => x.id)).toContain(miitTask.id);
      expect(todo.reportsToReview).toBe(0);
    });

    it('lets the unit report (201) and nobody else (403/404); bad input is a 400', async () => {
      const others = json<{ items: Task[] }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100`)).items;
      const amrTask = others.find((x) => x.deptName === '天津市市场监督管理委员会')!;
      // Another unit's task is out of the department user's scope; the quality office sees it but is not responsible.
      expect((await deptUser.post(`/api/plans/tasks/${amrTask.id}/reports`, { text: '进展', percent: 10 })).statusCode).toBe(404);
      expect(errorCode(await office.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '代报', percent: 10 }))).toBe('NOT_YOUR_TASK');
      expect(errorCode(await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '进展', percent: 140 }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '   ', percent: 10 }))).toBe('VALIDATION_FAILED');

      const seq = await headSeq();
      const res = await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '已完成重点产品攻关方案编制，组织 12 家企业开展质量比对。', percent: 60 });
      expect(res.statusCode).toBe(201);
      report = json<TaskReport>(res);
      expect(report).toMatchObject({ status: 'submitted', percent: 60, submittedBy: 'dept-user' });
      expect(await auditActionsSince(seq)).toEqual(['plans.task.report']);
      const detail = json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${miitTask.id}`));
      expect(detail).toMatchObject({ status: 'submitted', canReport: true, percent: 0 });
      expect(detail.reports[0]!.submittedByName).toBe('李工信（天津市工业和信息化局）');
      expect(detail.planIndicators.map((i) => i.name).sort()).toEqual(['产品质量监督抽查合格率', '制造业产品质量合格率']);
      expect(json<Todo>(await office.get('/api/plans/todo')).reportsToReview).toBe(1);
    });

    it('takes attachments in office formats from the reporting unit, served back to those who see the task', async () => {
      const attach = (agent: Agent, id: number, data: Buffer, filename: string) => agent.request('POST', `/api/plans/reports/${id}/attachments`, multipartBody(data, { filename }));
      expect(errorCode(await attach(deptUser, report.id, Buffer.from('MZ'), 'tool.exe'))).toBe('UNSUPPORTED_FILE_TYPE');
      expect(errorCode(await attach(office, report.id, Buffer.from('%PDF'), '代传.pdf'))).toBe('NOT_YOUR_TASK');
      const seq = await headSeq();
      const res = await attach(deptUser, report.id, Buffer.from('%PDF-1.7 progress evidence'), 'C:\\材料\\比对结果.pdf');
      expect(res.statusCode).toBe(201);
      const [file] = json<TaskReport>(res).attachments;
      expect(file).toMatchObject({ filename: '比对结果.pdf', mimetype: 'application/pdf', size: 26, uploadedBy: 'dept-user' });
      expect(await auditActionsSince(seq)).toEqual(['plans.report.attach']);
      const download = await office.get(`/api/plans/attachments/${file!.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.toString()).toBe('%PDF-1.7 progress evidence');
      expect(String(download.headers['content-disposition'])).toContain(encodeURIComponent('比对结果.pdf'));
      expect((await districtUser.get(`/api/plans/attachments/${file!.id}`)).statusCode).toBe(404);
      expect(json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${miitTask.id}`)).reports[0]!.attachments).toHaveLength(1);
    });

    it('lets only reviewers decide, wants a reason to return, and decides once', async () => {
      expect(errorCode(await deptUser.post(`/api/plans/reports/${report.id}/review`, { decision: 'accept' }))).toBe('FORBIDDEN');
      expect(errorCode(await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'return' }))).toBe('VALIDATION_FAILED');
      const seq = await headSeq();
      const accepted = await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'accept', comment: '同意' });
      expect(accepted.statusCode).toBe(200);
      expect(json<TaskReport>(accepted)).toMatchObject({ status: 'accepted', reviewedBy: 'quality-office', reviewComment: '同意' });
      expect(await auditActionsSince(seq)).toEqual(['plans.task.review']);
      expect(errorCode(await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'return', comment: '再改' }))).toBe('REPORT_DECIDED');
      expect(json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${miitTask.id}`))).toMatchObject({ status: 'in_progress', percent: 60 });
    });

    it('returns a report with the comment, then completes the task on an accepted 100 %', async () => {
      const second = json<TaskReport>(await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '全部完成', percent: 100 }));
      const returned = await office.post(`/api/plans/reports/${second.id}/review`, { decision: 'return', comment: '请补充合格率数据' });
      expect(json<TaskReport>(returned).status).toBe('returned');
      expect(json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${miitTask.id}`))).toMatchObject({ status: 'returned', percent: 60 });
      const third = json<TaskReport>(await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '全部完成，合格率 93.5%', percent: 100 }));
      await office.post(`/api/plans/reports/${third.id}/review`, { decision: 'accept' });
      const detail = json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${miitTask.id}`));
      expect(detail).toMatchObject({ status: 'completed', percent: 100, workingDaysLeft: null, overdue: false });
      expect(detail.reports.map((r) => r.status)).toEqual(['accepted', 'returned', 'accepted']);
      expect(errorCode(await deptUser.post(`/api/plans/tasks/${miitTask.id}/reports`, { text: '又一次', percent: 100 }))).toBe('CONFLICT');
      expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`)).completion).toBe(4.5);
    });

    it('sends a formal reminder due in working days, which the unit answers once', async () => {
      const hp = json<{ items: Task[] }>(await districtUser.get(`/api/plans/tasks?planId=${plan.id}`)).items[0]!;
      expect(errorCode(await districtUser.post(`/api/plans/tasks/${hp.id}/reminders`, { message: '请加快进度' }))).toBe('FORBIDDEN');
      const res = await office.post(`/api/plans/tasks/${hp.id}/reminders`, { message: '请于三个工作日内报送抽查进展' });
      expect(res.statusCode).toBe(201);
      const reminder = json<{ id: number; respondBy: string }>(res);
      expect(reminder.respondBy > todayInChina()).toBe(true);
      const todo = json<Todo>(await districtUser.get('/api/plans/todo'));
      expect(todo.openReminders.map((x) => x.id)).toEqual([hp.id]);
      expect(todo.totals.openReminders).toBe(1);
      expect(json<{ items: Task[] }>(await office.get('/api/plans/tasks?reminders=open')).items.map((x) => x.id)).toEqual([hp.id]);
      expect(json<TaskDetail>(await office.get(`/api/plans/tasks/${hp.id}`)).reminders[0]!.createdByName).toBe('王质量（天津市质量强市建设协调推进领导小组办公室）');
      expect(errorCode(await deptUser.post(`/api/plans/reminders/${reminder.id}/response`, { response: '收到' }))).toBe('NOT_FOUND');
      const answered = await districtUser.post(`/api/plans/reminders/${reminder.id}/response`, { response: '已部署全区抽查' });
      expect(answered.statusCode).toBe(200);
      expect(errorCode(await districtUser.post(`/api/plans/reminders/${reminder.id}/response`, { response: '再答' }))).toBe('REMINDER_ANSWERED');
      expect(json<Todo>(await districtUser.get('/api/plans/todo')).openReminders).toEqual([]);
    });
  });
});

/** The fixture under another title (a new source), its dates replaced, its unknown names ignored, saved. */
async function pastPlan(title: string, date: string): Promise<PlanDetail> {
  const text = FIXTURE.replace('天津市质量提升示范行动方案', title).replace('2026年12月10日', date);
  const imported = json<PlanDetail>(await office.post('/api/plans/import-text', { text }));
  const mapped = new Set(imported.draft.unitMappings.map((m) => m.name));
  const ignored = ['市科委', '盐城质监局'].filter((n) => !mapped.has(n)).map((name) => ({ name, deptIds: [], ignored: true }));
  const draft = { ...imported.draft, unitMappings: [...imported.draft.unitMappings, ...ignored] };
  const saved = await office.put(`/api/plans/${imported.id}/draft`, { version: imported.version, draft });
  expect(saved.statusCode).toBe(200);
  return json<PlanDetail>(saved);
}

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('publishing a plan whose deadlines have passed (issue 12)', () => {
  let plan: PlanDetail;
  beforeAll(async () => {
    plan = await pastPlan('过期计划发布测试方案', '2024年12月10日');
  });

  it('previews on the draft how many tasks would be overdue at once, with the earliest dates', () => {
    // 一/(一) 2 tasks (市科委 ignored), 一/(二) 2, 二/(一) 17 — all due on the plan's date, 2024-12-10; one round.
    expect(plan.publishPreview).toEqual({
      today: todayInChina(),
      tasks: 21,
      rounds: 1,
      overdue: { tasks: 21, rounds: 1, earliest: [{ dueDate: '2024-12-10', tasks: 21, items: 3, paths: ['一/(一)', '一/(二)', '二/(一)'] }] },
    });
  });

  it('refuses to publish without saying what to do (409, with what would be overdue), and changes nothing', async () => {
    const seq = await headSeq();
    const res = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('PLAN_DEADLINES_PASSED');
    expect(json<{ error: { message: string; details: unknown } }>(res).error).toMatchObject({ message: expect.stringContaining('立即逾期'), details: plan.publishPreview });
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`))).toMatchObject({ status: 'draft', version: plan.version, taskCount: 0 });
  });

  it('refuses a move without a date, to a past date, or a date without a move (400), changing nothing', async () => {
    const seq = await headSeq();
    for (const body of [{ pastDue: 'move' }, { pastDue: 'move', moveTo: addCalendarDays(todayInChina(), -1) }, { pastDue: 'keep', moveTo: addCalendarDays(todayInChina(), 30) }, { pastDue: 'later' }]) {
      const res = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`))).toMatchObject({ status: 'draft', version: plan.version });
  });

  it('moves every past date to the chosen day: no task or round is overdue, and the audit row says so', async () => {
    const moveTo = addCalendarDays(todayInChina(), 30);
    const seq = await headSeq();
    const res = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version, pastDue: 'move', moveTo });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ tasksCreated: 21, overdueTasks: 0, movedTasks: 21, plan: { status: 'published', dueDate: moveTo } });
    const tasks = json<{ items: Task[]; total: number }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100`));
    expect(tasks.total).toBe(21);
    expect(tasks.items.every((x) => x.dueDate === moveTo && !x.overdue)).toBe(true);
    expect(json<{ items: Round[] }>(await office.get(`/api/plans/${plan.id}/rounds`)).items.map((r) => r.dueDate)).toEqual([moveTo]);
    const [audit] = await auditRowsAfter(t.db, seq, 10);
    expect(audit).toMatchObject({ action: 'plans.plan.publish', after: { tasks: 21, dueDate: moveTo, pastDue: { action: 'move', moveTo, overdueTasks: 21, overdueRounds: 1 } } });
    const detail = json<PlanDetail>(await office.get(`/api/plans/${plan.id}`));
    expect(detail).toMatchObject({ dueDate: moveTo, publishPreview: null, draft: { dueDate: moveTo } });
  });

  it('moves only the dates that have passed: an item due later keeps its date', async () => {
    const later = addCalendarDays(todayInChina(), 90);
    const moveTo = addCalendarDays(todayInChina(), 10);
    const draft = await pastPlan('过期计划部分顺延测试方案', '2024年12月10日');
    const edited = structuredClone(draft.draft);
    edited.items[0]!.children[0]!.dueDate = later;
    const saved = json<PlanDetail>(await office.put(`/api/plans/${draft.id}/draft`, { version: draft.version, draft: edited }));
    expect(saved.publishPreview!.overdue).toMatchObject({ tasks: 19, earliest: [{ dueDate: '2024-12-10', tasks: 19, items: 2 }] });
    expect((await office.post(`/api/plans/${saved.id}/publish`, { version: saved.version, pastDue: 'move', moveTo })).statusCode).toBe(200);
    const tasks = json<{ items: Task[] }>(await office.get(`/api/plans/tasks?planId=${saved.id}&pageSize=100`)).items;
    expect(tasks.filter((x) => x.itemPath === '一/(一)').map((x) => x.dueDate)).toEqual([later, later]);
    expect(tasks.filter((x) => x.itemPath !== '一/(一)').every((x) => x.dueDate === moveTo)).toBe(true);
  });

  it('publishes a plan whose dates all lie ahead without asking', async () => {
    const ahead = await pastPlan('未过期计划发布测试方案', chineseDate(addCalendarDays(todayInChina(), 60)));
    expect(ahead.publishPreview!.overdue).toEqual({ tasks: 0, rounds: 0, earliest: [] });
    expect(json(await office.post(`/api/plans/${ahead.id}/publish`, { version: ahead.version }))).toMatchObject({ tasksCreated: 21, overdueTasks: 0, movedTasks: 0 });
  });
});

describe('filtering tasks by unit and batch 督办 (issue 12)', () => {
  let plan: PlanDetail;
  let tasks: Task[];
  let amr: number;
  let supervisor: Agent;
  const reminderCount = async () => json<{ total: number }>(await office.get(`/api/plans/tasks?planId=${plan.id}&reminders=open`)).total;

  beforeAll(async () => {
    plan = await pastPlan('督办测试方案', chineseDate(addCalendarDays(todayInChina(), 60)));
    expect((await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version })).statusCode).toBe(200);
    tasks = json<{ items: Task[] }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100`)).items;
    expect(tasks).toHaveLength(21);
    amr = await deptId('天津市市场监督管理委员会');
    // A district officer who may 督办, but only within 和平区.
    const admin = await t.as('admin');
    const role = json<{ id: number }>(
      await admin.post('/api/system/roles', { key: 'district_supervisor', name: '区督办员', dataScope: 'district', permissions: ['plans:task:list', 'plans:task:remind'], sort: 90, status: 'active' }),
    );
    const created = await admin.post('/api/system/users', {
      username: 'hp-supervisor',
      password: 'Initial-Pass-2026',
      displayName: '赵督办',
      deptId: await deptId('天津市和平区市场监督管理局'),
      districtCode: '120101',
      roleIds: [role.id],
    });
    expect(created.statusCode).toBe(201);
    await updateUserRow(t.db, (await findUserByUsername(t.db, 'hp-supervisor'))!.id, { mustChangePassword: false });
    supervisor = t.anon();
    expect((await supervisor.login('hp-supervisor', 'Initial-Pass-2026')).statusCode).toBe(200);
  });

  it('filters by responsible unit and by role; the keyword searches the items, not the units\' names', async () => {
    const list = async (q: string) => json<{ items: Task[]; total: number }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100&${q}`)).items;
    expect((await list(`deptId=${amr}`)).map((x) => `${x.itemPath} ${x.role}`)).toEqual(['一/(一) support', '一/(二) joint', '二/(一) lead']);
    expect((await list(`deptId=${amr}&role=lead`)).map((x) => x.itemPath)).toEqual(['二/(一)']);
    expect((await list('role=lead')).map((x) => `${x.itemPath} ${x.deptName}`)).toEqual(['一/(一) 天津市工业和信息化局', '二/(一) 天津市市场监督管理委员会']);
    // 和平区 names a unit, not words of any item: the unit filter finds its task, the keyword nothing.
    expect(await list(`keyword=${encodeURIComponent('和平区')}`)).toEqual([]);
    expect((await list(`keyword=${encodeURIComponent('监督抽查')}`)).every((x) => x.itemPath === '二/(一)')).toBe(true);
    expect(errorCode(await office.get(`/api/plans/tasks?role=boss`))).toBe('VALIDATION_FAILED');
  });

  it('lists the units holding tasks in the caller\'s scope, for the unit picker', async () => {
    const all = json<{ items: TaskUnit[] }>(await office.get(`/api/plans/tasks/units?planId=${plan.id}`)).items;
    expect(all).toHaveLength(new Set(tasks.map((x) => x.deptId)).size);
    expect(all.find((u) => u.deptId === amr)).toMatchObject({ deptName: '天津市市场监督管理委员会', tasks: 3 });
    expect(json<{ items: TaskUnit[] }>(await districtUser.get(`/api/plans/tasks/units?planId=${plan.id}`)).items).toEqual([
      expect.objectContaining({ deptName: '天津市和平区人民政府', districtCode: '120101', tasks: 1 }),
    ]);
    expect((await t.anon().get('/api/plans/tasks/units')).statusCode).toBe(401);
    expect(errorCode(await (await t.as('lab')).get('/api/plans/tasks/units'))).toBe('FORBIDDEN');
    expect(errorCode(await office.get('/api/plans/tasks/units?planId=x'))).toBe('VALIDATION_FAILED');
  });

  it('refuses batch 督办 without login (401), without the permission (403) and with bad input (400), sending nothing', async () => {
    const seq = await headSeq();
    const body = { taskIds: [tasks[0]!.id], message: '请加快进度' };
    expect((await t.anon().post('/api/plans/tasks/batch-reminders', body)).statusCode).toBe(401);
    expect(errorCode(await districtUser.post('/api/plans/tasks/batch-reminders', body))).toBe('FORBIDDEN');
    expect(errorCode(await deptUser.post('/api/plans/tasks/batch-reminders', body))).toBe('FORBIDDEN');
    const today = todayInChina();
    for (const bad of [
      { message: '请加快进度' },
      { taskIds: [tasks[0]!.id], filter: { planId: plan.id }, message: '请加快进度' },
      { taskIds: [], message: '请加快进度' },
      { taskIds: [tasks[0]!.id], message: '   ' },
      { taskIds: [tasks[0]!.id], message: '请加快进度', respondBy: addCalendarDays(today, -1) },
      { taskIds: [tasks[0]!.id], message: '请加快进度', respondBy: addCalendarDays(today, 5), respondWithinDays: 3 },
      { taskIds: [tasks[0]!.id], message: '请加快进度', respondWithinDays: 0 },
      { filter: { planId: plan.id, status: 'lost' }, message: '请加快进度' },
      { filter: { planId: plan.id, page: 2 }, message: '请加快进度' },
      { taskIds: [tasks[0]!.id], message: '请加快进度', urgent: true },
      { taskIds: [tasks[0]!.id] },
    ]) {
      const res = await office.post('/api/plans/tasks/batch-reminders', bad);
      expect({ body: bad, status: res.statusCode, code: errorCode(res) }).toEqual({ body: bad, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(await reminderCount()).toBe(0);
  });

  it('answers 404 for a task outside the caller\'s scope (or unknown) and sends nothing, not even to those in scope', async () => {
    const hp = tasks.find((x) => x.deptName === '天津市和平区人民政府')!;
    const city = tasks.find((x) => x.deptId === amr)!;
    const seq = await headSeq();
    for (const taskIds of [[hp.id, city.id], [hp.id, 987654321]]) {
      const res = await supervisor.post('/api/plans/tasks/batch-reminders', { taskIds, message: '请加快进度' });
      expect(res.statusCode).toBe(404);
      expect(json<{ error: { details: { taskIds: number[] } } }>(res).error.details.taskIds).toEqual([taskIds[1]]);
    }
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(await reminderCount()).toBe(0);
  });

  it('counts in a dry run what "all that match" would reach, skipping completed tasks, and sends nothing', async () => {
    // The 工信局 task is completed: it gets no reminder.
    const miit = json<{ items: Task[] }>(await deptUser.get(`/api/plans/tasks?planId=${plan.id}`)).items[0]!;
    const report = json<TaskReport>(await deptUser.post(`/api/plans/tasks/${miit.id}/reports`, { text: '已全部完成', percent: 100 }));
    expect((await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'accept' })).statusCode).toBe(200);

    const seq = await headSeq();
    // A dry run needs no message yet: the dialog asks for the count before the text is written.
    const res = await office.post('/api/plans/tasks/batch-reminders', { filter: { planId: plan.id }, dryRun: true });
    expect(res.statusCode).toBe(200);
    const dry = json<BatchRemindResult>(res);
    expect(dry).toMatchObject({ dryRun: true, sent: 20, skipped: 1 });
    expect(dry.results.filter((r) => r.outcome === 'skipped')).toEqual([{ taskId: miit.id, itemPath: '一/(一)', deptName: '天津市工业和信息化局', outcome: 'skipped', reason: 'completed', reminderId: null }]);
    expect(dry.results.every((r) => r.reminderId === null)).toBe(true);
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(await reminderCount()).toBe(0);
  });

  it('sends one reminder to each matching task, in one transaction with an audit row per task', async () => {
    const respondBy = addCalendarDays(todayInChina(), 7);
    const seq = await headSeq();
    const res = await office.post('/api/plans/tasks/batch-reminders', { filter: { planId: plan.id, deptId: amr }, message: '请于一周内报送抽查进展', respondBy });
    expect(res.statusCode).toBe(200);
    const done = json<BatchRemindResult>(res);
    expect(done).toMatchObject({ dryRun: false, respondBy, sent: 3, skipped: 0 });
    expect(done.results.map((r) => r.itemPath)).toEqual(['一/(一)', '一/(二)', '二/(一)']);
    expect(done.results.every((r) => r.outcome === 'sent' && r.reason === null && r.reminderId !== null)).toBe(true);
    const audit = await auditRowsAfter(t.db, seq, 100);
    expect(audit.map((a) => a.action)).toEqual(['plans.task.remind', 'plans.task.remind', 'plans.task.remind']);
    expect(audit.map((a) => a.targetId).sort()).toEqual(done.results.map((r) => String(r.reminderId)).sort());
    expect(audit[0]!.after).toMatchObject({ message: '请于一周内报送抽查进展', respondBy, batch: true });
    const detail = json<TaskDetail>(await office.get(`/api/plans/tasks/${done.results[2]!.taskId}`));
    expect(detail.reminders[0]).toMatchObject({ message: '请于一周内报送抽查进展', respondBy, createdBy: 'quality-office', response: null });
    expect(await reminderCount()).toBe(3);
  });

  it('reaches only the tasks in the caller\'s scope when sending to "all that match", with the default answer period', async () => {
    const seq = await headSeq();
    const res = await supervisor.post('/api/plans/tasks/batch-reminders', { filter: { planId: plan.id }, message: '请和平区抓紧落实' });
    expect(res.statusCode).toBe(200);
    const done = json<BatchRemindResult>(res);
    expect(done.results.map((r) => r.deptName)).toEqual(['天津市和平区人民政府']);
    expect(done.respondBy > todayInChina()).toBe(true);
    expect(await auditActionsSince(seq)).toEqual(['plans.task.remind']);
    // Chosen one by one: the same id twice is one reminder.
    const two = tasks.filter((x) => x.deptName.endsWith('区人民政府') && x.deptName !== '天津市和平区人民政府').slice(0, 2);
    const chosen = json<BatchRemindResult>(await office.post('/api/plans/tasks/batch-reminders', { taskIds: [two[0]!.id, two[1]!.id, two[0]!.id], message: '请报送进展', respondWithinDays: 5 }));
    expect(chosen.results.map((r) => r.taskId)).toEqual([two[0]!.id, two[1]!.id]);
    expect(chosen.sent).toBe(2);
    expect(await reminderCount()).toBe(6);
  });

  it('refuses "all that match" beyond the batch limit, naming the count', async () => {
    const items = Array.from({ length: 64 }, (_, i) => `${i + 1}.开展第${i + 1}项质量提升工作。(各区人民政府负责)`).join('\n');
    const big = json<PlanDetail>(await office.post('/api/plans/import-text', { text: `督办上限测试方案\n一、主要任务\n${items}` }));
    expect((await office.post(`/api/plans/${big.id}/publish`, { version: big.version, pastDue: 'keep' })).statusCode).toBe(200);
    const seq = await headSeq();
    const res = await office.post('/api/plans/tasks/batch-reminders', { filter: { planId: big.id }, message: '请报送进展' });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string; total: number }[] } }>(res).error.details[0]).toMatchObject({ path: 'filter', total: 1024 });
    expect(await auditActionsSince(seq)).toEqual([]);
  });
});

describe('overdue tasks', () => {
  it('lists tasks past their due date as overdue, with negative working days left', async () => {
    const saved = await pastPlan('逾期测试方案', '2024年12月10日');
    expect(errorCode(await office.post(`/api/plans/${saved.id}/publish`, { version: saved.version }))).toBe('PLAN_DEADLINES_PASSED');
    expect(json(await office.post(`/api/plans/${saved.id}/publish`, { version: saved.version, pastDue: 'keep' }))).toMatchObject({ tasksCreated: 21, overdueTasks: 21, movedTasks: 0 });
    const overdue = json<{ items: Task[] }>(await deptUser.get(`/api/plans/tasks?planId=${saved.id}&due=overdue`)).items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ overdue: true, dueDate: '2024-12-10' });
    expect(overdue[0]!.workingDaysLeft).toBeLessThan(-200);
    expect(json<Todo>(await deptUser.get('/api/plans/todo')).overdue.map((x) => x.planId)).toContain(saved.id);
  });

  it('records the indicator values a report claims once the report is accepted', async () => {
    const plans = json<{ items: { id: number; title: string }[] }>(await office.get('/api/plans?keyword=逾期测试'));
    const planId = plans.items[0]!.id;
    const [task] = json<{ items: Task[] }>(await deptUser.get(`/api/plans/tasks?planId=${planId}`)).items;
    const indicators = json<{ items: Indicator[] }>(await office.get(`/api/plans/indicators?planId=${planId}`)).items;
    const rate = indicators.find((i) => i.name === '制造业产品质量合格率')!;
    const otherPlanIndicator = json<{ items: Indicator[] }>(await office.get('/api/plans/indicators')).items.find((i) => i.planId !== planId)!;
    const wrong = await deptUser.post(`/api/plans/tasks/${task!.id}/reports`, { text: '进展', percent: 50, indicatorValues: [{ indicatorId: otherPlanIndicator.id, value: 90 }] });
    expect(errorCode(wrong)).toBe('VALIDATION_FAILED');
    const report = json<TaskReport>(await deptUser.post(`/api/plans/tasks/${task!.id}/reports`, { text: '合格率已达 93.6%', percent: 50, indicatorValues: [{ indicatorId: rate.id, value: 93.6 }] }));
    expect(report.indicatorValues).toEqual([{ indicatorId: rate.id, value: 93.6 }]);
    expect(json<IndicatorDetail>(await office.get(`/api/plans/indicators/${rate.id}`)).values).toEqual([]);
    await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'accept' });
    const detail = json<IndicatorDetail>(await office.get(`/api/plans/indicators/${rate.id}`));
    expect(detail).toMatchObject({ attained: true, latest: { value: 93.6, source: 'report', asOf: todayInChina() } });
  });
});

describe('indicators and the dashboard', () => {
  it('tracks values against targets, with history and an audit row', async () => {
    const plans = json<{ items: { id: number; title: string }[] }>(await office.get('/api/plans?keyword=示范'));
    const planId = plans.items.find((p) => p.title === '天津市质量提升示范行动方案')!.id;
    const list = json<{ items: Indicator[] }>(await office.get(`/api/plans/indicators?planId=${planId}`)).items;
    const rate = list.find((i) => i.name === '制造业产品质量合格率')!;
    expect(rate).toMatchObject({ comparator: '>=', targetValue: 93, unit: '%', targetYear: 2026, itemPath: '一/(一)', latest: null, attained: null });
    expect(errorCode(await office.post(`/api/plans/indicators/${rate.id}/values`, { value: 'x', asOf: '2026-06-30' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await deptUser.post(`/api/plans/indicators/${rate.id}/values`, { value: 90, asOf: '2026-06-30' }))).toBe('FORBIDDEN');
    const seq = await headSeq();
    const first = json<IndicatorDetail>(await office.post(`/api/plans/indicators/${rate.id}/values`, { value: 92, asOf: '2026-06-30', note: '上半年统计' }));
    expect(first).toMatchObject({ attained: false, progress: 98.9, latest: { value: 92, asOf: '2026-06-30', source: 'manual' } });
    expect(await auditActionsSince(seq)).toEqual(['plans.indicator.value']);
    // An older value entered later does not replace the latest one.
    await office.post(`/api/plans/indicators/${rate.id}/values`, { value: 95, asOf: '2026-09-30' });
    const detail = json<IndicatorDetail>(await office.post(`/api/plans/indicators/${rate.id}/values`, { value: 80, asOf: '2025-12-31' }));
    expect(detail).toMatchObject({ attained: true, latest: { value: 95 } });
    expect(detail.values.map((v) => v.asOf)).toEqual(['2026-09-30', '2026-06-30', '2025-12-31']);
  });

  it('counts completion by unit and district within the caller\'s scope', async () => {
    const plans = json<{ items: { id: number; title: string }[] }>(await office.get('/api/plans?keyword=示范'));
    const planId = plans.items.find((p) => p.title === '天津市质量提升示范行动方案')!.id;
    const board = json<Dashboard>(await office.get(`/api/plans/dashboard?planId=${planId}`));
    expect(board.totals).toMatchObject({ plans: 1, tasks: 22, completed: 1 });
    expect(board.byStatus.find((s) => s.status === 'completed')!.count).toBe(1);
    expect(board.byUnit.find((u) => u.deptName === '天津市工业和信息化局')).toMatchObject({ tasks: 1, completed: 1, completion: 100 });
    expect(board.byDistrict.map((d) => d.districtName)).toContain('和平区');
    expect(board.byDistrict.find((d) => d.districtName === '和平区')).toMatchObject({ tasks: 1, completed: 0 });
    expect(board.indicators).toHaveLength(2);
    const mine = json<Dashboard>(await deptUser.get(`/api/plans/dashboard?planId=${planId}`));
    expect(mine.byUnit.map((u) => u.deptName)).toEqual(['天津市工业和信息化局']);
    expect(mine.totals.tasks).toBe(1);
  });
});

describe('reporting rounds', () => {
  it('makes a round from the plan\'s deadline and tracks who reported', async () => {
    const plans = json<{ items: { id: number; title: string }[] }>(await office.get('/api/plans?keyword=示范'));
    const planId = plans.items.find((p) => p.title === '天津市质量提升示范行动方案')!.id;
    const [round] = json<{ items: Round[] }>(await office.get(`/api/plans/${planId}/rounds`)).items;
    expect(round).toMatchObject({ name: '年度工作总结', dueDate: '2026-12-10', recipient: '市质量工作领导小组办公室', submitted: 0, total: 20 });
    const amr = round!.units.find((u) => u.deptName === '天津市市场监督管理委员会')!;
    const hpGov = round!.units.find((u) => u.deptName === '天津市和平区人民政府')!;

    expect(errorCode(await deptUser.post(`/api/plans/rounds/${round!.id}/submissions`, { text: '代报', deptId: amr.deptId }))).toBe('NOT_YOUR_TASK');
    const seq = await headSeq();
    const mine = await deptUser.post(`/api/plans/rounds/${round!.id}/submissions`, { text: '工信局年度总结：已完成全部任务。' });
    expect(mine.statusCode).toBe(201);
    // The fixture's deadline is fixed (2026-12-10): after it, a summary handed in is late and a
    // missing one overdue.
    const past = todayInChina() > '2026-12-10';
    const status = past ? 'late' : 'submitted';
    expect(json<Round>(mine)).toMatchObject({ submitted: 1, total: 1, units: [{ deptName: '天津市工业和信息化局', status, submittedBy: 'dept-user' }] });
    expect(await auditActionsSince(seq)).toEqual(['plans.round.submit']);
    expect(errorCode(await deptUser.post(`/api/plans/rounds/${round!.id}/submissions`, { text: '再报一次' }))).toBe('CONFLICT');
    // The district bureau reports for its district government.
    expect((await districtUser.post(`/api/plans/rounds/${round!.id}/submissions`, { text: '和平区年度总结', deptId: hpGov.deptId })).statusCode).toBe(201);

    const after = json<{ items: Round[] }>(await office.get(`/api/plans/${planId}/rounds`)).items[0]!;
    expect(after.submitted).toBe(2);
    expect(after.units.filter((u) => u.status === (past ? 'overdue' : 'pending'))).toHaveLength(18);
  });
});

describe('exports', () => {
  it('exports the task list with its filters as a real workbook, and the plan list', async () => {
    const res = await office.get(`/api/tasks/export?status=completed&keyword=${encodeURIComponent('示范')}`);
    const { title, subtitle, header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(title).toBe('任务清单');
    expect(subtitle).toMatch(/^筛选条件：关键词：示范；状态：已完成\u3000\u3000导出时间：/);
    expect(header[1]).toBe('计划');
    expect(rows).toHaveLength(1);
    expect(rows[0]![5]).toBe('天津市工业和信息化局');
    expect(rows[0]![10]).toBe('已完成');
    // The due date is a date, the progress a number.
    expect(rows[0]![7]).toBeInstanceOf(Date);
    expect(rows[0]![11]).toBe(100);
    expect(errorCode(await deptUser.get('/api/plans/tasks/export'))).toBe('FORBIDDEN');
    const plans = await readExport(await office.get('/api/plans/export'));
    expect(plans.rows.length).toBeGreaterThan(0);
    expect(plans.rows.every((r) => typeof r[0] === 'number' && !['draft', 'published'].includes(String(r[5])))).toBe(true);
  });
});

describe('deleting a draft', () => {
  it('deletes a draft with an audit row; a second delete is a 404', async () => {
    const imported = json<PlanDetail>(await office.post('/api/plans/import-text', { text: '一、删除测试\n（一）临时条目。（市商务局负责）' }));
    const seq = await headSeq();
    expect((await office.delete(`/api/plans/${imported.id}`)).statusCode).toBe(200);
    expect(await auditActionsSince(seq)).toEqual(['plans.plan.delete']);
    expect((await office.delete(`/api/plans/${imported.id}`)).statusCode).toBe(404);
  });
});

describe('bad input on every write', () => {
  it('answers 400 (or 415 for a missing upload) and writes nothing', async () => {
    const plans = json<{ items: { id: number; title: string; version: number; status: string }[] }>(await office.get('/api/plans?keyword=示范'));
    const plan = plans.items.find((p) => p.title === '天津市质量提升示范行动方案')!;
    const tasks = json<{ items: Task[] }>(await office.get(`/api/plans/tasks?planId=${plan.id}&pageSize=100`)).items;
    const hp = tasks.find((x) => x.deptName === '天津市和平区人民政府')!;
    const detail = json<TaskDetail>(await office.get(`/api/plans/tasks/${hp.id}`));
    const [round] = json<{ items: Round[] }>(await office.get(`/api/plans/${plan.id}/rounds`)).items;
    const [indicator] = json<{ items: Indicator[] }>(await office.get(`/api/plans/indicators?planId=${plan.id}`)).items;
    const miit = json<TaskDetail>(await deptUser.get(`/api/plans/tasks/${tasks.find((x) => x.deptName === '天津市工业和信息化局')!.id}`));

    const seq = await headSeq();
    const cases: [Agent, 'POST' | 'PUT', string, unknown][] = [
      [office, 'POST', `/api/plans/${plan.id}/publish`, { version: 0 }],
      [office, 'POST', `/api/plans/${plan.id}/publish`, {}],
      [office, 'POST', `/api/plans/${plan.id}/publish`, { version: plan.version, pastDue: 'never' }],
      [office, 'POST', `/api/plans/${plan.id}/publish`, { version: plan.version, pastDue: 'move', moveTo: '2026-02-30' }],
      [office, 'PUT', `/api/plans/${plan.id}/draft`, { version: 1, draft: { title: '' } }],
      [office, 'POST', `/api/plans/tasks/${hp.id}/reminders`, { message: '   ' }],
      [office, 'POST', `/api/plans/tasks/${hp.id}/reminders`, { message: '催办', respondWithinDays: 0 }],
      [districtUser, 'POST', `/api/plans/reminders/${detail.reminders[0]!.id}/response`, { response: '' }],
      [districtUser, 'POST', `/api/plans/rounds/${round!.id}/submissions`, { text: '' }],
      [office, 'POST', `/api/plans/reports/${miit.reports[0]!.id}/review`, { decision: 'maybe' }],
      [office, 'POST', `/api/plans/indicators/${indicator!.id}/values`, { value: 1, asOf: '2026-02-30' }],
      [office, 'PUT', `/api/plans/indicators/${indicator!.id}/baseline`, { baseline: 'many' }],
      [deptUser, 'POST', `/api/plans/tasks/${miit.id}/reports`, { text: '进展', percent: 10, indicatorValues: [{ indicatorId: 'x', value: 1 }] }],
      [office, 'POST', '/api/plans/import-text', { text: '一、标题', extra: true }],
    ];
    for (const [agent, method, url, body] of cases) {
      const res = await agent.request(method, url, { body });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const noFile = await deptUser.post(`/api/plans/reports/${miit.reports[0]!.id}/attachments`, { file: 'x' });
    expect(noFile.statusCode).toBe(415);
    expect(await auditActionsSince(seq)).toEqual([]);
    expect(json<PlanDetail>(await office.get(`/api/plans/${plan.id}`))).toMatchObject({ status: 'published', version: plan.version });
  });
});
