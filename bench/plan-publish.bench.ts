/**
 * Publishing a plan of 500 items × 10 responsible units (5,000 tasks) on PostgreSQL: target ≤ 2 s.
 * The floor, measured in the same run: the same 500 item rows and 5,000 task rows written by
 * hand-written multi-row INSERTs in one transaction (no validation, mapping or audit).
 * Uses DATABASE_URL when set, else starts a throwaway PostgreSQL cluster.
 * Run: npx tsx bench/plan-publish.bench.ts [--runs 5]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { insertPlan } from '../server/src/modules/plans/plans.repository.js';
import { publishPlan } from '../server/src/modules/plans/plan.service.js';
import { departmentDirectory, seedBuiltins, seedDemo } from '../server/src/modules/system/index.js';
import { composeModules } from '../server/src/composition.js';
import { benchPostgres, machine, median, report } from './lib.js';
import { syntheticDraft } from './plans-data.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const ITEMS = 500;
const UNITS = 10;

const postgres = benchPostgres();
const url = postgres.url;

const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
try {
  await handle.migrate();
  await seedBuiltins(handle.db, { adminPassword: 'Bench-Admin-2026!' });
  await seedDemo(handle.db, { password: 'Bench-Demo-2026!' });
  const ctx = composeModules().systemCtx(handle.db);
  const depts = (await departmentDirectory(handle.db)).slice(0, UNITS);
  const publishMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const d = syntheticDraft(`基准计划 ${run}`, ITEMS, depts);
    const row = await insertPlan(handle.db, { title: d.title, sourceHash: `bench-${Date.now()}-${run}`, body: '', spans: {}, warnings: [], draft: d, dueDate: d.dueDate, createdBy: 'bench' });
    let t0 = performance.now();
    const result = await publishPlan(ctx, row.id, { version: row.version });
    publishMs.push(performance.now() - t0);
    if (result.tasksCreated !== ITEMS * UNITS) throw new Error(`expected ${ITEMS * UNITS} tasks, got ${result.tasksCreated}`);

    // The floor: the same rows by hand, one transaction, multi-row INSERTs of 1,000 rows.
    const floorPlan = await insertPlan(handle.db, { title: `${d.title} floor`, sourceHash: `bench-floor-${Date.now()}-${run}`, body: '', spans: {}, warnings: [], draft: d, dueDate: d.dueDate, createdBy: 'bench' });
    t0 = performance.now();
    await handle.db.transaction(async (tx) => {
      const flat = d.items.flatMap((i) => [i, ...i.children]);
      const ids: number[] = [];
      for (let i = 0; i < flat.length; i += 1000) {
        const chunk = flat.slice(i, i + 1000);
        const res = (await tx.execute(
          sql`insert into plan_item (plan_id, path, level, number, heading, text, sort) values ${sql.join(
            chunk.map((it, k) => sql`(${floorPlan.id}, ${it.path}, ${it.level}, ${it.number}, ${it.heading}, ${it.text}, ${i + k})`),
            sql`, `,
          )} returning id`,
        )) as unknown as { rows: { id: number }[] };
        ids.push(...res.rows.map((r) => r.id));
      }
      const taskRows = ids.flatMap((itemId) => depts.map((dep, u) => sql`(${floorPlan.id}, ${itemId}, ${dep.id}, ${dep.districtCode}, ${u < 2 ? 'lead' : u < 5 ? 'support' : 'joint'}, ${'2026-12-31'})`));
      for (let i = 0; i < taskRows.length; i += 1000) {
        await tx.execute(sql`insert into plan_task (plan_id, item_id, dept_id, district_code, role, due_date) values ${sql.join(taskRows.slice(i, i + 1000), sql`, `)}`);
      }
    });
    floorMs.push(performance.now() - t0);
  }

  const pub = median(publishMs);
  const floor = median(floorMs);
  report('Publishing 500 items × 10 units (PostgreSQL)', {
    machine: machine(),
    dataset: `${ITEMS} items, ${UNITS} units each → ${ITEMS * UNITS} tasks; median of ${runs} runs`,
    'publishPlan (validate, map, items, tasks, audit)': `${pub.toFixed(0)} ms (target ≤ 2000 ms)`,
    'floor: hand-written multi-row INSERTs, one transaction': `${floor.toFixed(0)} ms`,
    ratio: `${(pub / floor).toFixed(2)}× the floor`,
  });
  if (pub > 2000) process.exitCode = 1;
} finally {
  await handle.close();
  postgres.stop();
}
