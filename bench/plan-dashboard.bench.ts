/**
 * The supervision dashboard over 50 published plans and 20,000 tasks on PostgreSQL: target ≤ 100 ms.
 * The floor, measured in the same run: the same three aggregates (by status, by unit, by district)
 * as hand-written SQL sent one after another on one connection.
 * Uses DATABASE_URL when set, else starts a throwaway PostgreSQL cluster.
 * Run: npx tsx bench/plan-dashboard.bench.ts [--runs 21]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../server/src/db/client.js';
import { getDashboard } from '../server/src/modules/plans/dashboard.service.js';
import { publishPlan } from '../server/src/modules/plans/plan.service.js';
import { insertPlan } from '../server/src/modules/plans/plans.repository.js';
import { departmentDirectory, seedBuiltins, seedDemo } from '../server/src/modules/system/index.js';
import { composeModules } from '../server/src/composition.js';
import { benchPostgres, machine, median, report } from './lib.js';
import { syntheticDraft } from './plans-data.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);
const PLANS = 50;
const ITEMS_PER_PLAN = 40;
const UNITS = 10;

const postgres = benchPostgres();
const url = postgres.url;

const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
const raw = new pg.Client({ connectionString: url });
try {
  await handle.migrate();
  await seedBuiltins(handle.db, { adminPassword: 'Bench-Admin-2026!' });
  await seedDemo(handle.db, { password: 'Bench-Demo-2026!' });
  const ctx = composeModules().systemCtx(handle.db);
  const all = await departmentDirectory(handle.db);
  const existing = await handle.db.$count((await import('../server/src/modules/plans/plans.table.js')).planTask);
  if (existing < PLANS * ITEMS_PER_PLAN * UNITS) {
    for (let p = 0; p < PLANS; p++) {
      // Rotate the units so every department and district carries tasks.
      const depts = Array.from({ length: UNITS }, (_, u) => all[(p * UNITS + u) % all.length]!);
      const d = syntheticDraft(`看板基准计划 ${p}`, ITEMS_PER_PLAN, depts);
      d.dueDate = p % 3 === 0 ? '2025-06-30' : '2026-12-31';
      const row = await insertPlan(handle.db, { title: d.title, sourceHash: `dash-${p}-${Date.now()}`, body: '', spans: {}, warnings: [], draft: d, dueDate: d.dueDate, createdBy: 'bench' });
      await publishPlan(ctx, row.id, { version: row.version });
    }
  }
  const tasks = await handle.db.$count((await import('../server/src/modules/plans/plans.table.js')).planTask);
  await raw.connect();
  await raw.query('analyze');

  const dashMs: number[] = [];
  const floorMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const board = await getDashboard(ctx, {});
    dashMs.push(performance.now() - t0);
    if (board.totals.tasks !== tasks) throw new Error(`dashboard counted ${board.totals.tasks} of ${tasks} tasks`);
    t0 = performance.now();
    await raw.query('select status, count(*) from plan_task group by status');
    await raw.query(
      `select t.dept_id, d.name, count(*), count(*) filter (where t.status = 'completed'), count(*) filter (where t.status <> 'completed' and t.due_date < current_date)
         from plan_task t join department d on d.id = t.dept_id group by t.dept_id, d.name order by count(*) desc`,
    );
    await raw.query(
      `select district_code, count(*), count(*) filter (where status = 'completed'), count(*) filter (where status <> 'completed' and due_date < current_date)
         from plan_task where district_code is not null group by district_code`,
    );
    floorMs.push(performance.now() - t0);
  }
  const dash = median(dashMs.slice(1));
  const floor = median(floorMs.slice(1));
  report('Supervision dashboard (PostgreSQL)', {
    machine: machine(),
    dataset: `${PLANS} plans, ${tasks} tasks, ${all.length} departments; median of ${runs - 1} runs after one warm-up`,
    'getDashboard (all scope: status, units, districts, plans, reviews, indicators)': `${dash.toFixed(1)} ms (target ≤ 100 ms)`,
    'floor: the three aggregates as hand-written SQL': `${floor.toFixed(1)} ms`,
    ratio: `${(dash / floor).toFixed(2)}× the floor`,
  });
  if (dash > 100) process.exitCode = 1;
} finally {
  await raw.end().catch(() => undefined);
  await handle.close();
  postgres.stop();
}
