/**
 * addWorkingDays with a loaded calendar: target ≤ 1 µs per call. The floor it is compared with is
 * the date parsing and formatting every call must do anyway (toDayNumber + fromDayNumber).
 * Run: npx tsx bench/calendar.bench.ts
 */
import { buildYearDays, fromDayNumber, toDayNumber, WorkingCalendar } from '../server/src/platform/calendar/calendar.rules.js';
import { CN_HOLIDAY_NOTICES } from '../server/src/platform/calendar/cn-holidays.data.js';
import { Prng } from '../server/src/platform/random/prng.js';
import { machine, median, report } from './lib.js';

const calendar = new WorkingCalendar(CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays)));
const prng = new Prng(42);
const N = 1_000_000;
const start = toDayNumber('2024-01-01');
// Inputs chosen so every result stays inside 2024–2026.
const dates = Array.from({ length: N }, () => fromDayNumber(start + prng.int(0, 900)));
const counts = Int32Array.from({ length: N }, () => prng.int(1, 60));

function timeNsPerCall(fn: () => number): number {
  const t0 = process.hrtime.bigint();
  const sink = fn();
  const t1 = process.hrtime.bigint();
  if (sink === -1) console.log('');
  return Number(t1 - t0) / N;
}

const runs = { add: [] as number[], between: [] as number[], floor: [] as number[] };
for (let r = 0; r < 7; r++) {
  runs.add.push(
    timeNsPerCall(() => {
      let x = 0;
      for (let i = 0; i < N; i++) x += calendar.addWorkingDays(dates[i]!, counts[i]!).length;
      return x;
    }),
  );
  runs.between.push(
    timeNsPerCall(() => {
      let x = 0;
      for (let i = 0; i < N; i++) x += calendar.workingDaysBetween(dates[i]!, dates[(i + 1) % N]!);
      return x;
    }),
  );
  runs.floor.push(
    timeNsPerCall(() => {
      let x = 0;
      for (let i = 0; i < N; i++) x += fromDayNumber(toDayNumber(dates[i]!) + counts[i]!).length;
      return x;
    }),
  );
}
// Building the calendar (1990–2100, the loaded years over provisional ones): once a minute per
// process, when the store's cache expires.
const loadedDays = CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays));
const builds: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  new WorkingCalendar(loadedDays);
  builds.push(performance.now() - t0);
}
const add = median(runs.add.slice(2));
const floor = median(runs.floor.slice(2));
report('addWorkingDays (loaded calendar 2024–2026)', {
  machine: machine(),
  calls: `${N.toLocaleString('en')} per run, 7 runs (2 warm-up), median`,
  'addWorkingDays': `${add.toFixed(0)} ns/call (target ≤ 1000 ns)`,
  'workingDaysBetween': `${median(runs.between.slice(2)).toFixed(0)} ns/call`,
  'floor: parse + format only': `${floor.toFixed(0)} ns/call`,
  'ratio to floor': `${(add / floor).toFixed(2)}×`,
  'building the calendar (20 builds, median)': `${median(builds).toFixed(2)} ms`,
});
if (add > 1000) process.exitCode = 1;
