/**
 * The demo city's quality work, as pure data and date arithmetic (no I/O, no clock): a three-year
 * action plan of our own (fixtures/demo-city-plan.txt) issued early last year, when each item falls
 * due, and what each responsible unit has done about its task — a "story" of reports, reviews,
 * reminders (督办) and answers, dated relative to `today` and never after it. The same `today`
 * always gives the same stories; demo.service.ts plays them through the real use cases.
 */
import { addCalendarDays } from '../../../platform/calendar/calendar.rules.js';

/** The name the demo plan is imported under: finding it means the demo's quality work is loaded. */
export const DEMO_PLAN_SOURCE = '天津市质量强市建设三年行动方案.txt';

/** The plan runs three years from last year: Y0 (last year, assessed), Y1 (this year), Y2. */
export function demoPlanYears(today: string): { y0: number; y1: number; y2: number } {
  const y1 = Number(today.slice(0, 4));
  return { y0: y1 - 1, y1, y2: y1 + 1 };
}

/** The fixture with its years filled in. */
export function demoPlanText(template: string, years: { y0: number; y1: number; y2: number }): string {
  return template.replaceAll('{Y0}', String(years.y0)).replaceAll('{Y1}', String(years.y1)).replaceAll('{Y2}', String(years.y2));
}

/** The plan's own dates: signed (as printed), imported by the office and published. */
export function demoPlanDates(years: { y0: number }): { issued: string; imported: string; published: string } {
  return { issued: `${years.y0}-02-20`, imported: `${years.y0}-02-24`, published: `${years.y0}-02-27` };
}

/** The last day of the month `months` away from `date`'s month. */
function monthEnd(date: string, months: number): string {
  // Months counted from year 0; +1 for the month after, whose first day less one is the end.
  const following = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months + 1;
  const first = `${Math.floor(following / 12)}-${String((following % 12) + 1).padStart(2, '0')}-01`;
  return addCalendarDays(first, -1);
}

/**
 * When each item falls due, as the office set it in review: four last year (they feed last year's
 * assessment), three earlier this year (overdue unless done), four still ahead — one within days.
 * `soon` is the date a few working days ahead (the caller counts it on the working calendar).
 */
export function demoItemDueDates(years: { y0: number; y2: number }, today: string, soon: string): Record<string, string> {
  return {
    '四/(一)': `${years.y0}-06-30`,
    '二/(一)': `${years.y0}-11-30`,
    '一/(二)': `${years.y0}-12-20`,
    '三/(二)': `${years.y0}-12-31`,
    '一/(一)': monthEnd(today, -2),
    '二/(二)': monthEnd(today, -1),
    '三/(一)': monthEnd(today, -1),
    '四/(三)': soon,
    '四/(二)': monthEnd(today, 1),
    '一/(三)': monthEnd(today, 3),
    '二/(三)': `${years.y2}-06-30`,
  };
}

/**
 * What a unit did about its task:
 * - `done` reported 100 % before the deadline and was accepted;
 * - `done_late` was reminded after the deadline, answered, then finished late;
 * - `progress` reported part of the work, accepted (in progress; overdue once the date passes);
 * - `progress_reminded` the same, then reminded after the deadline and answered;
 * - `awaiting` reported, not yet reviewed; `returned` reported and was sent back with a comment;
 * - `returned_reminded` sent back, then reminded (not yet answered);
 * - `reminded_open` has not reported and has an unanswered reminder; `untouched` has done nothing.
 */
export type DemoFate = 'done' | 'done_late' | 'progress' | 'progress_reminded' | 'awaiting' | 'returned' | 'returned_reminded' | 'reminded_open' | 'untouched';

/** Fates of the district governments' tasks, by item, in the order of the 16 districts (和平区 first). */
const DISTRICT_FATES: Record<string, readonly DemoFate[]> = {
  '四/(一)': ['done', 'done', 'done', 'done', 'done', 'done_late', 'done', 'done', 'done', 'done', 'done', 'progress', 'done', 'done', 'done', 'done'],
  '一/(二)': ['done', 'done', 'done', 'done_late', 'done', 'done', 'progress_reminded', 'done', 'done', 'done_late', 'done', 'done', 'done', 'reminded_open', 'done', 'done'],
  '四/(二)': ['returned', 'progress', 'untouched', 'awaiting', 'progress', 'untouched', 'done', 'progress', 'awaiting', 'untouched', 'progress', 'returned', 'untouched', 'progress', 'awaiting', 'untouched'],
  '四/(三)': ['reminded_open', 'progress', 'awaiting', 'untouched', 'done', 'progress', 'untouched', 'awaiting', 'progress', 'untouched', 'done', 'progress', 'awaiting', 'untouched', 'progress', 'untouched'],
};

/** Fates of the city units' tasks, by item and the department's short name as the plan prints it. */
const UNIT_FATES: Record<string, Record<string, DemoFate>> = {
  '一/(一)': { 市工业和信息化局: 'returned_reminded', 市科技局: 'done' },
  '一/(三)': { 市农业农村委: 'awaiting' },
  '二/(一)': { 市住房城乡建设委: 'done' },
  '二/(二)': { 市商务局: 'awaiting', 市文化和旅游局: 'done' },
  '二/(三)': { 市交通运输委: 'untouched', 市卫生健康委: 'progress' },
  '三/(一)': { 市市场监管委: 'reminded_open', 市工业和信息化局: 'progress' },
  '三/(二)': { 市知识产权局: 'done_late' },
  '四/(二)': { 市发展改革委: 'progress' },
  '四/(三)': { 市委宣传部: 'progress' },
};

/**
 * A task's fate: a district government's by its district's place in the list, a city unit's by its
 * printed name; a unit with nobody to report for it can only have been reminded.
 */
export function demoFate(itemPath: string, unit: { districtIndex: number | null; printedName: string | null }, hasReporter: boolean): DemoFate {
  const fate = unit.districtIndex !== null ? DISTRICT_FATES[itemPath]?.[unit.districtIndex % 16] : unit.printedName ? UNIT_FATES[itemPath]?.[unit.printedName] : undefined;
  const chosen = fate ?? 'untouched';
  if (hasReporter) return chosen;
  return chosen === 'untouched' ? 'untouched' : 'reminded_open';
}

export type DemoEvent =
  | { kind: 'report'; on: string; percent: number; text: string }
  | { kind: 'review'; on: string; decision: 'accept' | 'return'; comment: string | null }
  | { kind: 'remind'; on: string; message: string; respondWithinDays: number }
  | { kind: 'respond'; on: string; text: string };

/** What units write, per item: the work done so far, and the work finished. */
const REPORT_TEXTS: Record<string, { part: string; done: string }> = {
  '一/(一)': {
    part: '已确定汽车零部件、工业机器人等12个重点产品质量攻关项目，组织企业开展质量比对和工艺改进，目前完成攻关任务的{p}%，制造业产品质量合格率为93.6%。',
    done: '12个重点产品质量攻关项目全部完成验收，制造业产品质量合格率达到94.3%，完成年度目标。',
  },
  '一/(二)': {
    part: '已完成年度食品安全监督抽检计划的{p}%，对抽检不合格食品全部开展核查处置，抽检合格率为97.9%。',
    done: '全年完成食品安全监督抽检计划，抽检不合格食品核查处置率100%，食品抽检合格率达到98.4%。',
  },
  '一/(三)': {
    part: '已开展两轮农产品质量安全例行监测，覆盖蔬菜、水果、畜禽产品等5大类，完成计划的{p}%，监测合格率98.2%。',
    done: '全年例行监测任务全部完成，农产品质量安全例行监测合格率98.5%。',
  },
  '二/(一)': {
    part: '住宅工程质量常见问题专项治理已覆盖在建项目的{p}%，新建住宅工程一次验收合格率保持100%。',
    done: '专项治理覆盖全部在建住宅项目，新建住宅工程一次验收合格率100%，任务完成。',
  },
  '二/(二)': {
    part: '已组织商贸、餐饮、家政服务标准化试点23家，服务质量满意度测评完成{p}%。',
    done: '服务标准化试点和满意度测评全部完成，顾客满意度为81.2分，达到目标。',
  },
  '二/(三)': {
    part: '已建立公共交通、医疗卫生服务质量监测指标，完成首轮监测的{p}%。',
    done: '公共服务质量监测全部完成，群众反映问题均已回应。',
  },
  '三/(一)': {
    part: '已推动企业主导或参与制修订国家标准、行业标准18项，完成目标的{p}%。',
    done: '新增主导制修订标准31项，完成目标。',
  },
  '三/(二)': {
    part: '知识产权快速协同保护机制已覆盖{p}%的重点产业园区，每万人口高价值发明专利拥有量为23.6件。',
    done: '快速协同保护机制覆盖全部重点产业园区，每万人口高价值发明专利拥有量达到25.3件。',
  },
  '四/(一)': {
    part: '已将质量工作纳入区绩效考核方案初稿，年度质量工作要点已完成{p}%，正在征求各部门意见。',
    done: '质量工作已纳入区绩效考核，年度质量工作要点已印发，责任分工明确到各部门。',
  },
  '四/(二)': {
    part: '已归集企业质量信用信息，完成分级分类监管名单的{p}%，本季度质量信用信息归集情况已报送。',
    done: '企业质量信用档案完善工作全部完成，分级分类监管已覆盖辖区重点企业。',
  },
  '四/(三)': {
    part: '“质量月”活动方案已印发，质量宣传进企业、进社区、进学校活动已完成{p}%。',
    done: '“质量月”系列活动全部完成，累计开展宣传活动26场，覆盖群众1.2万人次。',
  },
};

const RETURN_COMMENTS: Record<string, string> = {
  '一/(一)': '请补充12个攻关项目的清单和合格率测算依据后重新报送。',
  '四/(二)': '报告未写明归集的企业数量和分级结果，请补充数据后重新报送。',
};
const DEFAULT_RETURN_COMMENT = '进展情况表述笼统，请补充具体数据和佐证材料后重新报送。';

/** The first day after `published` and the last on `today` that a story may use. */
function clamp(date: string, from: string, to: string): string {
  return date < from ? from : date > to ? to : date;
}

/**
 * The events of one task's story, in order and each on or before `today` (and after the plan was
 * published). `n` varies percentages and days so that units do not all act on the same day.
 */
export function taskStory(fate: DemoFate, t: { itemPath: string; due: string; published: string; today: string; n: number }): DemoEvent[] {
  const texts = REPORT_TEXTS[t.itemPath] ?? { part: '按计划推进，目前完成{p}%。', done: '任务已全部完成。' };
  const first = addCalendarDays(t.published, 1);
  const at = (date: string) => clamp(date, first, t.today);
  const part = 30 + ((t.n * 17) % 5) * 10; // 30, 40 … 70
  const report = (on: string, percent: number): DemoEvent => ({ kind: 'report', on: at(on), percent, text: percent >= 100 ? texts.done : texts.part.replace('{p}', String(percent)) });
  const accept = (on: string): DemoEvent => ({ kind: 'review', on: at(on), decision: 'accept', comment: null });
  const remind = (on: string, overdue: boolean): DemoEvent => ({
    kind: 'remind',
    on: at(on),
    message: overdue ? '该任务已超过完成时限，请说明进展情况和未完成原因，并明确完成时间。' : '该任务即将到期，请抓紧推进并按时报送进展。',
    respondWithinDays: 3,
  });
  const respond = (on: string, text: string): DemoEvent => ({ kind: 'respond', on: at(on), text });
  const overdue = t.due < t.today;
  // A date some days before the deadline, or before today when the deadline is still ahead.
  const before = (days: number) => addCalendarDays(t.due < t.today ? t.due : t.today, -days);
  const lead = 3 + (t.n % 9);
  switch (fate) {
    case 'done':
      return [report(before(lead), 100), accept(before(lead - 2))];
    case 'done_late': {
      const late = [remind(addCalendarDays(t.due, 5), true), respond(addCalendarDays(t.due, 7), '因前期数据核实工作量大，进度滞后，已增派人员，预计两周内完成。')];
      return [...late, report(addCalendarDays(t.due, 12 + (t.n % 5)), 100), accept(addCalendarDays(t.due, 15 + (t.n % 5)))];
    }
    case 'progress':
      return [report(before(lead + 10), part), accept(before(lead + 7))];
    case 'progress_reminded':
      return [
        report(before(lead + 10), part),
        accept(before(lead + 7)),
        remind(addCalendarDays(t.due, 6), true),
        respond(addCalendarDays(t.due, 8), '剩余工作受部分企业停产影响，已调整抽检安排，正在加紧推进。'),
      ];
    case 'awaiting':
      return [report(addCalendarDays(t.today, -(1 + (t.n % 3))), overdue ? 100 : part + 20)];
    case 'returned':
      return [
        report(addCalendarDays(t.today, -(9 + (t.n % 4))), 80),
        { kind: 'review', on: at(addCalendarDays(t.today, -(6 + (t.n % 3)))), decision: 'return', comment: RETURN_COMMENTS[t.itemPath] ?? DEFAULT_RETURN_COMMENT },
      ];
    case 'returned_reminded':
      return [
        report(addCalendarDays(t.today, -14), 80),
        { kind: 'review', on: at(addCalendarDays(t.today, -11)), decision: 'return', comment: RETURN_COMMENTS[t.itemPath] ?? DEFAULT_RETURN_COMMENT },
        remind(addCalendarDays(t.today, -2), overdue),
      ];
    case 'reminded_open':
      return [remind(addCalendarDays(t.today, -(1 + (t.n % 3))), overdue)];
    case 'untouched':
      return [];
  }
}

/** Round reports (报送节点): what a unit writes, and whether it sends it (and when) for a round due on `due`. */
export function roundSubmission(due: string, t: { today: string; published: string; n: number }): { on: string; text: string } | null {
  const first = addCalendarDays(t.published, 1);
  if (due < t.today) {
    // Past rounds: most units reported in time, one in six late, one in five not at all.
    if (t.n % 5 === 4) return null;
    const on = t.n % 6 === 5 ? addCalendarDays(due, 4) : addCalendarDays(due, -(1 + (t.n % 6)));
    return { on: clamp(on, first, t.today), text: '本单位上半年质量强市重点任务推进情况：各项任务按计划推进，详见附件。' };
  }
  // A round still ahead: a few units send their report early.
  if (t.n % 7 !== 0) return null;
  return { on: clamp(addCalendarDays(t.today, -1), first, t.today), text: '本单位年度质量工作总结：全年重点任务完成情况、存在问题及下一步打算。' };
}

/** Values the quality office recorded for the plan's indicators: last year's end and the latest quarter. */
export function demoIndicatorValues(years: { y0: number }, today: string): { indicator: string; value: number; asOf: string }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  // The last quarter that has ended.
  const q = Math.floor((m - 1) / 3);
  const quarterEnd = q === 0 ? `${y - 1}-12-31` : addCalendarDays(`${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
  const yearEnd = `${years.y0}-12-31`;
  const rows = [
    { indicator: '制造业产品质量合格率', value: 93.1, asOf: yearEnd },
    { indicator: '食品抽检合格率', value: 98.4, asOf: yearEnd },
    { indicator: '新建住宅工程一次验收合格率', value: 100, asOf: yearEnd },
    { indicator: '每万人口高价值发明专利拥有量', value: 23.6, asOf: yearEnd },
  ];
  if (quarterEnd > yearEnd) {
    rows.push(
      { indicator: '制造业产品质量合格率', value: 93.8, asOf: quarterEnd },
      { indicator: '食品抽检合格率', value: 98.7, asOf: quarterEnd },
      { indicator: '新增主导制修订标准', value: 18, asOf: quarterEnd },
    );
  }
  return rows;
}
