/**
 * `zhiliang plan parse <file> [--json]` in-process (runCli). The command never opens the database:
 * the data directory it is pointed at must not even be created.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsedPlanSchema } from '../../../contracts/plans.js';
import { parsePlan } from '../modules/plans/index.js';
import { cli } from '../test/run-cli.js';

const SEED = join(import.meta.dirname, '..', 'modules', 'plans', 'parser', 'fixtures', 'seed-004-tianjin-2018.txt');
const ENV_KEYS = ['ZHILIANG_DATA_DIR', 'DATABASE_URL'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let workDir: string;
let dataDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'zl-plan-parse-'));
  dataDir = join(workDir, 'never-created');
  process.env.ZHILIANG_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
});

afterAll(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  rmSync(workDir, { recursive: true, force: true });
});


describe('plan parse', () => {
  it('--json prints exactly the parsed plan and nothing else', async () => {
    const res = await cli('plan', 'parse', SEED, '--json');
    expect(res).toMatchObject({ code: 0, err: '' });
    const expected = parsePlan(readFileSync(SEED, 'utf8')).plan;
    expect(res.out).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(parsedPlanSchema.parse(JSON.parse(res.out))).toEqual(expected);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('prints a Chinese summary without --json', async () => {
    const res = await cli('plan', 'parse', SEED);
    expect(res.code).toBe(0);
    expect(res.out).toContain('标题：关于加快推进质量立市战略开展质量提升行动的实施意见');
    expect(res.out).toContain('文号：（无）');
    expect(res.out).toContain('发文机关：中共天津市委 天津市人民政府');
    expect(res.out).toContain('成文日期：2018-08-12');
    expect(res.out).toContain('条目：一级 6 项，二级 26 项，三级 0 项，四级 0 项；其中 0 项列明责任单位');
    expect(res.out).toMatch(/量化指标：2\d 项/);
    expect(res.out).toContain('二/(三)：装备制造业产品质量合格率 >= 93%（2020年）');
    expect(res.out).toContain('警告：（无）');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('reads a .docx', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>一、主要任务</w:t></w:r></w:p><w:p><w:r><w:t>(一)加强计量。(市质监局牵头)</w:t></w:r></w:p></w:body></w:document>');
    const file = join(workDir, 'plan.docx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const res = await cli('plan', 'parse', file, '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out).items[0].children[0]).toMatchObject({ path: '一/(一)', lead: ['市质监局'] });
  });

  it('fails with exit code 1 on an unsupported, unreadable or broken file', async () => {
    const pdf = join(workDir, 'plan.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const unsupported = await cli('plan', 'parse', pdf, '--json');
    expect(unsupported).toMatchObject({ code: 1, out: '' });
    expect(unsupported.err).toContain('UNSUPPORTED_FILE_TYPE');
    expect(unsupported.err).toContain('.txt and .docx');
    const missing = await cli('plan', 'parse', join(workDir, 'nope.txt'));
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain('cannot read the file');
    const broken = join(workDir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    expect((await cli('plan', 'parse', broken)).err).toContain('INVALID_DOCX');
  });

  it('exits with 2 without a file', async () => {
    const res = await cli('plan', 'parse');
    expect(res.code).toBe(2);
    expect(res.err).toContain("missing required argument 'file'");
  });
});
