import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftItem, PlanDraft } from '../../../../contracts/plans.js';
import { FULL_SCOPE, type DataScope } from '../../platform/data-scope/data-scope.js';
import { parsePlan } from './parser/index.js';
import { checkDraft, completionRate, defaultDueDate, draftFromParse, movePastDeadlines, publishPreview, isAttained, matchUnitName, progressTowards, requiredValue, recipientOf, roundsFromDeadlines, roundUnitStatus, mayReportOn, statusAfterReview, tasksOfItem, type DirectoryDept } from './plans.rules.js';
import { unitNamesOf, unmappedNames } from '../../../../contracts/plan-draft.js';

const dept = (id: number, name: string, extra: Partial<DirectoryDept> = {}): DirectoryDept => ({
  id,
  name,
  shortName: null,
  aliases: [],
  kind: 'member',
  districtCode: '120000',
  status: 'active',
  ...extra,
});

const DIRECTORY: DirectoryDept[] = [
  dept(1, '天津市市场监督管理委员会', { shortName: '市市场监管委', aliases: ['市质监局'], kind: 'regulator' }),
  dept(2, '天津市发展和改革委员会', { shortName: '市发展改革委', aliases: ['发展改革'] }),
  dept(3, '天津市商务局', { shortName: '市商务局', aliases: ['市商务委'] }),
  dept(4, '天津市和平区人民政府', { shortName: '和平区政府', kind: 'government', districtCode: '120101' }),
  dept(5, '天津市河西区人民政府', { shortName: '河西区政府', kind: 'government', districtCode: '120103' }),
  dept(6, '天津市人民政府', { shortName: '市政府', kind: 'government', districtCode: '120000' }),
  dept(7, '天津市科学技术局', { shortName: '市科技局', aliases: ['市科委'] }),
  dept(8, '天津市科学技术协会', { shortName: '市科协', aliases: ['市科委'] }),
  dept(9, '天津市旧商务委员会', { aliases: ['市外贸委'], status: 'disabled' }),
];

const item = (path: string, units: Partial<Pick<DraftItem, 'lead' | 'support' | 'joint'>> = {}, children: DraftItem[] = []): DraftItem => ({
  path,
  level: (path.split('/').length as DraftItem['level']) ?? 1,
  number: path.split('/').at(-1)!,
  heading: null,
  text: `条目 ${path}`,
  lead: [],
  support: [],
  joint: [],
  dueDate: null,
  children,
  ...units,
});

describe('matchUnitName', () => {
  it('matches a full name, a short name and an alias', () => {
    expect(matchUnitName('天津市商务局', DIRECTORY)).toEqual({ status: 'matched', candidates: [{ deptId: 3, name: '天津市商务局' }] });
    expect(matchUnitName('市发展改革委', DIRECTORY).candidates.map((c) => c.deptId)).toEqual([2]);
    expect(matchUnitName('市质监局', DIRECTORY).candidates.map((c) => c.deptId)).toEqual([1]);
    expect(matchUnitName('发展改革', DIRECTORY).status).toBe('matched');
  });

  it('matches a name printed without the 和 of the official one', () => {
    expect(matchUnitName('天津市发展改革委员会', DIRECTORY)).toEqual({ status: 'matched', candidates: [{ deptId: 2, name: '天津市发展和改革委员会' }] });
    expect(matchUnitName('天津市发展改革局', DIRECTORY).status).toBe('unknown');
  });

  it('adds the 市 prefix a document dropped', () => {
    expect(matchUnitName('商务局', DIRECTORY)).toMatchObject({ status: 'matched', candidates: [{ deptId: 3 }] });
  });

  it('is ambiguous when a name fits two departments: the user chooses', () => {
    expect(matchUnitName('市科委', DIRECTORY)).toEqual({
      status: 'ambiguous',
      candidates: [
        { deptId: 7, name: '天津市科学技术局' },
        { deptId: 8, name: '天津市科学技术协会' },
      ],
    });
  });

  it('does not match disabled departments, nor invent one', () => {
    expect(matchUnitName('市外贸委', DIRECTORY)).toEqual({ status: 'unknown', candidates: [] });
    expect(matchUnitName('盐城质监局', DIRECTORY)).toEqual({ status: 'unknown', candidates: [] });
  });

  it('maps 各区人民政府 and its variants to every district government, not the city government', () => {
    for (const name of ['各区人民政府', '各区政府', '各县区政府', '各区县人民政府']) {
      expect(matchUnitName(name, DIRECTORY), name).toEqual({
        status: 'matched',
        candidates: [
          { deptId: 4, name: '天津市和平区人民政府' },
          { deptId: 5, name: '天津市河西区人民政府' },
        ],
      });
    }
  });
});

describe('unit names and mappings', () => {
  const items = [item('一', {}, [item('一/(一)', { lead: ['市商务局'], support: ['市科委', '市商务局'] }), item('一/(二)', { joint: ['各区人民政府'] })]), item('二', { joint: ['各区人民政府'] })];

  it('counts each name once per item', () => {
    expect([...unitNamesOf(items)]).toEqual([
      ['市商务局', 1],
      ['市科委', 1],
      ['各区人民政府', 2],
    ]);
  });

  it('lists the names neither mapped nor ignored', () => {
    const draft = { items, unitMappings: [{ name: '市商务局', deptIds: [3], ignored: false }, { name: '市科委', deptIds: [], ignored: true }, { name: '各区人民政府', deptIds: [], ignored: false }] } as unknown as PlanDraft;
    expect(unmappedNames(draft)).toEqual(['各区人民政府']);
  });
});

describe('tasksOfItem', () => {
  const mappings = new Map([
    ['市商务局', { name: '市商务局', deptIds: [3], ignored: false }],
    ['商务', { name: '商务', deptIds: [3], ignored: false }],
    ['各区人民政府', { name: '各区人民政府', deptIds: [4, 5], ignored: false }],
    ['市外部单位', { name: '市外部单位', deptIds: [], ignored: true }],
  ]);

  it('makes one task per department, keeping the strongest role', () => {
    expect(tasksOfItem({ lead: ['市商务局'], support: ['商务'], joint: ['各区人民政府', '市外部单位'] }, mappings)).toEqual([
      { deptId: 3, role: 'lead' },
      { deptId: 4, role: 'joint' },
      { deptId: 5, role: 'joint' },
    ]);
    expect(tasksOfItem({ lead: [], support: ['市商务局'], joint: ['商务'] }, mappings)).toEqual([{ deptId: 3, role: 'support' }]);
  });

  it('makes none for an item without units or with unmapped ones', () => {
    expect(tasksOfItem({ lead: [], support: [], joint: [] }, mappings)).toEqual([]);
    expect(tasksOfItem({ lead: ['无此单位'], support: [], joint: [] }, mappings)).toEqual([]);
  });
});

describe('checkDraft', () => {
  const draft = (items: DraftItem[], unitMappings: PlanDraft['unitMappings'] = []): PlanDraft => ({
    title: 't',
    docNumber: null,
    issuer: null,
    issuedDate: null,
    dueDate: '2026-12-31',
    items,
    targets: [],
    deadlines: [],
    unitMappings,
  });

  it('accepts a well-formed draft', () => {
    expect(checkDraft(draft([item('一', {}, [item('一/(一)')])], [{ name: 'a', deptIds: [1], ignored: false }]), new Set([1]))).toEqual([]);
  });

  it('reports duplicate paths, a child not deeper than its parent, double mappings and unknown departments', () => {
    const bad = draft([item('一', {}, [{ ...item('一/(一)'), level: 1 }]), item('一')], [
      { name: 'a', deptIds: [1], ignored: false },
      { name: 'a', deptIds: [99], ignored: false },
    ]);
    expect(checkDraft(bad, new Set([1])).map((i) => i.path)).toEqual(['items[0].children[0].level', 'items[1].path', 'unitMappings[1].name', 'unitMappings[1].deptIds']);
  });
});

describe('defaultDueDate', () => {
  const title = '天津市贯彻落实质量发展纲要2016年行动计划';
  it('is the first deadline of the document, else the end of the year of issue, else of this year', () => {
    expect(defaultDueDate({ title, deadlines: [{ path: null, date: '2017-01-31', sentence: '' }, { path: null, date: '2017-01-10', sentence: '' }], issuedDate: '2016-08-06' }, '2026-11-23')).toBe('2017-01-10');
    expect(defaultDueDate({ title, deadlines: [], issuedDate: '2016-08-06' }, '2026-11-23')).toBe('2016-12-31');
    expect(defaultDueDate({ title, deadlines: [], issuedDate: null }, '2026-11-23')).toBe('2026-12-31');
  });

  it('is the end of the period a title names, before any yearly report date (seed 002: 2023—2025年)', () => {
    const issued = { deadlines: [{ path: null, date: '2024-01-31', sentence: '2024年1月底前报送年度总结' }], issuedDate: '2023-09-04' };
    expect(defaultDueDate({ title: '天津市进一步提高产品 工程和服务质量行动实施方案(2023—2025年)', ...issued }, '2026-11-23')).toBe('2025-12-31');
    expect(defaultDueDate({ title: '天津市进一步提高产品 工程和服务质量行动实施方案(2023—2025年)', deadlines: [], issuedDate: '2023-09-04' }, '2026-11-23')).toBe('2025-12-31');
    for (const period of ['2023—2025年', '2023–2025年', '2023-2025年', '2023～2025年', '2023~2025年', '2023至2025年', '2023到2025年', '2023年—2025年', '2023年至2025年', '2023——2025年', '2023 — 2025 年']) {
      expect(defaultDueDate({ title: `质量提升行动计划（${period}）`, ...issued }, '2026-11-23'), period).toBe('2025-12-31');
    }
  });

  it('gives the imported seed 002 (2023—2025年) the due date 2025-12-31, not the end of its year of issue', () => {
    const { plan } = parsePlan(readFileSync(join(import.meta.dirname, 'parser', 'fixtures', 'seed-002-tianjin-2023.txt'), 'utf8'));
    expect(plan.issuedDate).toBe('2023-09-04');
    expect(draftFromParse(plan, DIRECTORY, '2026-11-23').dueDate).toBe('2025-12-31');
  });

  it('ignores a year that is no period and a period that runs backwards or too long', () => {
    const plan = { deadlines: [], issuedDate: '2023-09-04' };
    expect(defaultDueDate({ title: '2023年质量工作要点', ...plan }, '2026-11-23')).toBe('2023-12-31');
    expect(defaultDueDate({ title: '质量提升行动(2025—2023年)', ...plan }, '2026-11-23')).toBe('2023-12-31');
    expect(defaultDueDate({ title: '质量发展纲要(2001—2099年)', ...plan }, '2026-11-23')).toBe('2023-12-31');
  });
});

describe('publishPreview and movePastDeadlines (issue 12)', () => {
  const mappings: PlanDraft['unitMappings'] = [
    { name: '市商务局', deptIds: [3], ignored: false },
    { name: '各区人民政府', deptIds: [4, 5], ignored: false },
  ];
  const plan = (dueDate: string, items: DraftItem[]): PlanDraft => ({
    title: 't',
    docNumber: null,
    issuer: null,
    issuedDate: null,
    dueDate,
    items,
    targets: [],
    deadlines: [
      { path: null, date: '2026-06-30', sentence: '2026年6月30日前报送半年工作进展' },
      { path: null, date: '2027-01-10', sentence: '2027年1月10日前报送年度总结' },
    ],
    unitMappings: mappings,
  });
  const items = [
    item('一', {}, [
      { ...item('一/(一)', { lead: ['市商务局'], joint: ['各区人民政府'] }), dueDate: '2026-03-31' },
      item('一/(二)', { lead: ['市商务局'] }),
      item('一/(三)', { lead: ['无对应单位'] }),
    ]),
    { ...item('二', { joint: ['各区人民政府'] }), dueDate: '2027-06-30' },
  ];

  it('counts the tasks, and those overdue at once grouped by date, oldest first', () => {
    expect(publishPreview(plan('2026-12-31', items), '2026-12-07')).toEqual({
      today: '2026-12-07',
      tasks: 6,
      rounds: 2,
      overdue: { tasks: 3, rounds: 1, earliest: [{ dueDate: '2026-03-31', tasks: 3, items: 1, paths: ['一/(一)'] }] },
    });
    const late = publishPreview(plan('2026-10-31', items), '2026-12-07');
    expect(late.overdue).toEqual({
      tasks: 4,
      rounds: 1,
      earliest: [
        { dueDate: '2026-03-31', tasks: 3, items: 1, paths: ['一/(一)'] },
        { dueDate: '2026-10-31', tasks: 1, items: 1, paths: ['一/(二)'] },
      ],
    });
    // A task due today is not overdue yet.
    expect(publishPreview(plan('2026-12-07', [item('一', { lead: ['市商务局'] })]), '2026-12-07').overdue.tasks).toBe(0);
  });

  it('moves only past dates — plan, items, deadlines — and leaves later ones', () => {
    const moved = movePastDeadlines(plan('2026-10-31', items), '2026-12-07', '2027-01-31');
    expect(moved.dueDate).toBe('2027-01-31');
    expect(moved.items[0]!.children.map((c) => c.dueDate)).toEqual(['2027-01-31', null, null]);
    expect(moved.items[1]!.dueDate).toBe('2027-06-30');
    expect(moved.deadlines.map((d) => d.date)).toEqual(['2027-01-31', '2027-01-10']);
    expect(publishPreview(moved, '2026-12-07').overdue).toEqual({ tasks: 0, rounds: 0, earliest: [] });
  });
});

describe('statusAfterReview', () => {
  it('completes a task accepted at 100 %, keeps it in progress below, and marks a return', () => {
    expect(statusAfterReview('accept', 100)).toBe('completed');
    expect(statusAfterReview('accept', 60)).toBe('in_progress');
    expect(statusAfterReview('return', 100)).toBe('returned');
  });
});

describe('mayReportOn', () => {
  const EMPTY: DataScope = { all: false, kinds: [], deptIds: [], districtPrefixes: [], jurisdictionPrefixes: [], selfUserId: null, enterpriseUscc: null };
  const task = { deptId: 30, districtCode: '120101', deptAncestors: '0,6,4' };

  it('lets the responsible department and the departments above it report', () => {
    expect(mayReportOn({ deptId: 30 }, EMPTY, task)).toBe(true);
    expect(mayReportOn({ deptId: 4 }, EMPTY, task)).toBe(true);
  });

  it('lets a district-scoped user report for the district', () => {
    expect(mayReportOn({ deptId: 99 }, { ...EMPTY, kinds: ['district'], districtPrefixes: ['120101'] }, task)).toBe(true);
    expect(mayReportOn({ deptId: 99 }, { ...EMPTY, kinds: ['district'], districtPrefixes: ['120103'] }, task)).toBe(false);
  });

  it('does not let seeing everything stand for being responsible', () => {
    expect(mayReportOn({ deptId: 99 }, FULL_SCOPE, task)).toBe(false);
    expect(mayReportOn({ deptId: null }, EMPTY, task)).toBe(false);
  });
});

describe('indicator attainment', () => {
  it('compares with the target for absolute comparators', () => {
    const t = { comparator: '>=' as const, targetValue: 93, baseline: null };
    expect(isAttained(t, 93)).toBe(true);
    expect(isAttained(t, 92.9)).toBe(false);
    expect(progressTowards(t, 46.5)).toBe(50);
    expect(isAttained({ comparator: '<=', targetValue: 5, baseline: null }, 5)).toBe(true);
    expect(progressTowards({ comparator: '<=', targetValue: 5, baseline: null }, 10)).toBe(50);
    expect(isAttained({ comparator: '>', targetValue: 0, baseline: null }, 0)).toBe(false);
    expect(isAttained({ comparator: '=', targetValue: 100, baseline: null }, 100)).toBe(true);
  });

  it('scales 翻一番 and 提高…% from the baseline, and cannot tell without one', () => {
    const double = { comparator: 'x' as const, targetValue: 2, baseline: 150 };
    expect(requiredValue(double)).toBe(300);
    expect(isAttained(double, 299)).toBe(false);
    expect(progressTowards(double, 225)).toBe(50);
    const plus60 = { comparator: '+%' as const, targetValue: 60, baseline: 50 };
    expect(requiredValue(plus60)).toBe(80);
    expect(isAttained(plus60, 80)).toBe(true);
    expect(isAttained({ ...plus60, baseline: null }, 80)).toBeNull();
    expect(progressTowards({ ...double, baseline: null }, 80)).toBeNull();
  });

  it('adds an increase to the baseline (增加8项) and meets a decrease at or below it (减少5起, 下降20%)', () => {
    const plus8 = { comparator: '+' as const, targetValue: 8, baseline: 12 };
    expect(requiredValue(plus8)).toBe(20);
    expect(isAttained(plus8, 19)).toBe(false);
    expect(isAttained(plus8, 20)).toBe(true);
    expect(progressTowards(plus8, 16)).toBe(50);
    expect(requiredValue({ ...plus8, baseline: null })).toBeNull();
    const minus5 = { comparator: '+' as const, targetValue: -5, baseline: 30 };
    expect(requiredValue(minus5)).toBe(25);
    expect(isAttained(minus5, 26)).toBe(false);
    expect(isAttained(minus5, 24)).toBe(true);
    expect(progressTowards(minus5, 28)).toBe(40);
    const minus20pct = { comparator: '+%' as const, targetValue: -20, baseline: 50 };
    expect(isAttained(minus20pct, 45)).toBe(false);
    expect(isAttained(minus20pct, 40)).toBe(true);
    expect(progressTowards(minus20pct, 45)).toBe(50);
  });

  it('computes completion rates with one decimal', () => {
    expect(completionRate(1, 3)).toBe(33.3);
    expect(completionRate(0, 0)).toBe(0);
  });
});

describe('reporting rounds', () => {
  it('makes one round per deadline date, named after what is due', () => {
    expect(
      roundsFromDeadlines(
        [
          { date: '2017-01-10', sentence: '于2017年1月10日前将年度工作总结报市质量办' },
          { date: '2016-07-15', sentence: '于7月15日前报送半年工作进展' },
          { date: '2017-01-10', sentence: '同一天的另一句' },
          { date: '2016-10-10', sentence: '于10月10日前报送' },
        ],
        '2016-12-31',
      ),
    ).toEqual([
      { name: '半年工作报告', dueDate: '2016-07-15', recipient: null, sentence: '于7月15日前报送半年工作进展' },
      { name: '报送节点（2016-10-10）', dueDate: '2016-10-10', recipient: null, sentence: '于10月10日前报送' },
      { name: '年度工作总结', dueDate: '2017-01-10', recipient: '市质量办', sentence: '于2017年1月10日前将年度工作总结报市质量办' },
    ]);
  });

  it('names each round after its own clause when one sentence sets several dates', () => {
    const sentence = '各责任单位于2026年6月30日前报送半年工作报告，2026年12月20日前报送年度工作总结。';
    expect(
      roundsFromDeadlines(
        [
          { date: '2026-06-30', sentence },
          { date: '2026-12-20', sentence },
        ],
        '2026-12-31',
      ).map((r) => r.name),
    ).toEqual(['半年工作报告', '年度工作总结']);
    expect(roundsFromDeadlines([{ date: '2017-01-31', sentence: '2017年1月底前报送工作总结' }], '2016-12-31')[0]!.name).toBe('年度工作总结');
  });

  it('says to whom each report goes', () => {
    expect(recipientOf('各区、各有关部门要于2017年1月10日前将年度工作总结报市质量工作领导小组办公室。', '2017-01-10')).toBe('市质量工作领导小组办公室');
    expect(recipientOf('各市政府要于2017年1月底前将贯彻落实情况报送省政府。', '2017-01-31')).toBe('省政府');
    expect(recipientOf('于2026年12月10日前完成。', '2026-12-10')).toBeNull();
  });

  it('gives a plan without deadlines a year-end summary on its due date', () => {
    expect(roundsFromDeadlines([], '2026-12-31')).toEqual([{ name: '年度工作总结', dueDate: '2026-12-31', recipient: null, sentence: null }]);
  });

  it('tells on-time, late, pending and overdue apart', () => {
    expect(roundUnitStatus('2026-12-10', '2026-12-10', '2026-12-20')).toBe('submitted');
    expect(roundUnitStatus('2026-12-10', '2026-12-11', '2026-12-20')).toBe('late');
    expect(roundUnitStatus('2026-12-10', null, '2026-12-10')).toBe('pending');
    expect(roundUnitStatus('2026-12-10', null, '2026-12-11')).toBe('overdue');
  });
});
