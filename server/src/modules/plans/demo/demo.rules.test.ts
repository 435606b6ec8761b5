/**
 * The demo's stories for several "todays" (the first and last day of a year, a leap day, mid-year):
 * nothing happens before the plan is published or after today, events run in order, last year's
 * items fall in last year, and every state a task can be in occurs.
 */
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../platform/calendar/calendar.rules.js';
import { demoAssessmentDates } from '../../assessment/index.js';
import { demoFate, demoItemDueDates, demoPlanDates, demoPlanYears, demoPlanText, roundSubmission, taskStory, type DemoFate } from './demo.rules.js';

const TODAYS = ['2026-12-07', '2027-01-01', '2028-02-29', '2026-06-30', '2026-12-31', '2027-03-18'];
const DISTRICT_ITEMS = ['一/(二)', '四/(一)', '四/(二)', '四/(三)'];
const UNIT_ITEMS: [string, string][] = [
  ['一/(一)', '市工业和信息化局'],
  ['一/(一)', '市科技局'],
  ['一/(三)', '市农业农村委'],
  ['二/(一)', '市住房城乡建设委'],
  ['二/(二)', '市商务局'],
  ['二/(二)', '市文化和旅游局'],
  ['二/(三)', '市交通运输委'],
  ['二/(三)', '市卫生健康委'],
  ['三/(一)', '市市场监管委'],
  ['三/(一)', '市工业和信息化局'],
  ['三/(二)', '市知识产权局'],
  ['四/(二)', '市发展改革委'],
  ['四/(三)', '市委宣传部'],
];

function allStories(today: string) {
  const years = demoPlanYears(today);
  const dates = demoPlanDates(years);
  const due = demoItemDueDates(years, today, addCalendarDays(today, 4));
  const stories: { fate: DemoFate; due: string; item: string; events: ReturnType<typeof taskStory> }[] = [];
  let n = 0;
  const add = (item: string, fate: DemoFate) => stories.push({ fate, due: due[item]!, item, events: taskStory(fate, { itemPath: item, due: due[item]!, published: dates.published, today, n: n++ }) });
  for (const item of DISTRICT_ITEMS) for (let i = 0; i < 16; i++) add(item, demoFate(item, { districtIndex: i, printedName: null }, true));
  for (const [item, name] of UNIT_ITEMS) add(item, demoFate(item, { districtIndex: null, printedName: name }, name !== '市市场监管委'));
  return { years, dates, due, stories };
}

describe('the demo plan', () => {
  it('runs from last year: issued and published last February, its text dated accordingly', () => {
    const years = demoPlanYears('2026-12-07');
    expect(years).toEqual({ y0: 2025, y1: 2026, y2: 2027 });
    expect(demoPlanDates(years)).toEqual({ issued: '2025-02-20', imported: '2025-02-24', published: '2025-02-27' });
    expect(demoPlanText('津质强办〔{Y0}〕2号 {Y1}年6月30日 {Y2}', years)).toBe('津质强办〔2025〕2号 2026年6月30日 2027');
  });

  it('sets last year\u2019s items in last year, this year\u2019s overdue items before today and the rest after it', () => {
    for (const today of TODAYS) {
      const { years, due, dates } = allStories(today);
      for (const item of ['四/(一)', '二/(一)', '一/(二)', '三/(二)']) expect(due[item]!.slice(0, 4), `${today} ${item}`).toBe(String(years.y0));
      for (const item of ['一/(一)', '二/(二)', '三/(一)']) {
        expect(due[item]! < today, `${today} ${item}`).toBe(true);
        expect(due[item]! > dates.published, `${today} ${item}`).toBe(true);
      }
      for (const item of ['四/(三)', '四/(二)', '一/(三)', '二/(三)']) expect(due[item]! >= today, `${today} ${item}`).toBe(true);
    }
    expect(demoItemDueDates({ y0: 2025, y2: 2027 }, '2026-12-07', '2026-12-10')).toMatchObject({ '一/(一)': '2026-10-31', '二/(二)': '2026-11-30', '四/(二)': '2027-01-31', '一/(三)': '2027-03-31' });
  });
});

describe('the stories', () => {
  it('never act before the plan is published nor after today, and keep their order', () => {
    for (const today of TODAYS) {
      const { stories, dates } = allStories(today);
      for (const s of stories) {
        let previous = dates.published;
        for (const e of s.events) {
          expect(e.on > dates.published, `${today} ${s.item} ${s.fate}`).toBe(true);
          expect(e.on <= today, `${today} ${s.item} ${s.fate} ${e.kind} ${e.on}`).toBe(true);
          expect(e.on >= previous, `${today} ${s.item} ${s.fate} order`).toBe(true);
          previous = e.on;
        }
      }
    }
  });

  it('give every state a task can be in: not started, in progress, awaiting review, returned, completed (on time and late), overdue; reminders answered and open', () => {
    const today = '2026-12-07';
    const { stories } = allStories(today);
    const fates = new Set(stories.map((s) => s.fate));
    for (const f of ['done', 'done_late', 'progress', 'progress_reminded', 'awaiting', 'returned', 'returned_reminded', 'reminded_open', 'untouched'] as const) expect(fates, f).toContain(f);
    const completedOnTime = stories.filter((s) => s.fate === 'done' && s.events.every((e) => e.kind !== 'review' || e.on <= s.due));
    expect(completedOnTime.length).toBeGreaterThan(20);
    const late = stories.filter((s) => s.fate === 'done_late');
    for (const s of late) expect(s.events.find((e) => e.kind === 'review')!.on > s.due).toBe(true);
    // Overdue and not done: in progress, returned and not started ones.
    const overdue = stories.filter((s) => s.due < today && !['done', 'done_late'].includes(s.fate));
    expect(new Set(overdue.map((s) => s.fate))).toEqual(new Set(['progress', 'progress_reminded', 'returned_reminded', 'reminded_open', 'awaiting']));
    // Reports say what was done; returns say why.
    for (const s of stories) {
      for (const e of s.events) {
        if (e.kind === 'report') expect(e.text.length).toBeGreaterThan(15);
        if (e.kind === 'review' && e.decision === 'return') expect(e.comment).toMatch(/请/);
      }
    }
    const reminders = stories.flatMap((s) => s.events.filter((e) => e.kind === 'remind'));
    const answers = stories.flatMap((s) => s.events.filter((e) => e.kind === 'respond'));
    expect(reminders.length).toBeGreaterThan(answers.length);
    expect(answers.length).toBeGreaterThan(2);
  });

  it('leaves a unit without a reporter only reminded or untouched', () => {
    expect(demoFate('三/(一)', { districtIndex: null, printedName: '市市场监管委' }, false)).toBe('reminded_open');
    expect(demoFate('一/(一)', { districtIndex: null, printedName: '市科技局' }, false)).toBe('reminded_open');
    expect(demoFate('二/(三)', { districtIndex: null, printedName: '市交通运输委' }, false)).toBe('untouched');
    expect(demoFate('不存在', { districtIndex: null, printedName: 'x' }, true)).toBe('untouched');
  });

  it('sends round reports only on or before today', () => {
    for (const today of TODAYS) {
      const dates = demoPlanDates(demoPlanYears(today));
      for (let n = 0; n < 40; n++) {
        for (const due of [addCalendarDays(today, -60), addCalendarDays(today, 3)]) {
          const s = roundSubmission(due, { today, published: dates.published, n });
          if (s) expect(s.on <= today && s.on > dates.published, `${today} ${due} ${n}`).toBe(true);
        }
      }
    }
  });
});

describe('the demo assessment', () => {
  it('is created, entered, scored and published early in the following year, never after today', () => {
    expect(demoAssessmentDates(2025, '2026-12-07')).toEqual({ created: '2026-01-12', entered: '2026-02-26', scored: '2026-03-10', published: '2026-03-18' });
    const early = demoAssessmentDates(2025, '2026-02-01');
    expect(early).toEqual({ created: '2026-01-12', entered: '2026-02-01', scored: '2026-02-01', published: '2026-02-01' });
    for (const today of TODAYS) {
      const d = demoAssessmentDates(Number(today.slice(0, 4)) - 1, today);
      expect([d.created, d.entered, d.scored, d.published].every((x) => x <= today)).toBe(true);
      expect(d.created <= d.entered && d.entered <= d.scored && d.scored <= d.published).toBe(true);
    }
  });
});
