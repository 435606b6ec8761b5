/**
 * Scoring models, evaluations and recompute runs: the only Drizzle-aware code of scoring. The bulk
 * recompute compiles a model definition into ONE set-based statement (aggregate the archive per
 * entity, score, grade, upsert) with every value bound as a parameter; scoring.rules.ts is the same
 * arithmetic in JS and the tests hold the two to the same scores and grades.
 */
import { and, asc, count, desc, eq, max, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Decay, Indicator, ModelDefinition, PayloadCondition, VetoCondition } from '../../../../../contracts/credit-scoring.js';
import type { Executor } from '../../../db/client.js';
import { scopePredicate, type DataScope } from '../../../platform/data-scope/data-scope.js';
import { archiveRecord, entity, entityLicence, entityProduct } from '../../entities/index.js';
import { creditListEntry } from '../lists/lists.table.js';
import { daysBetween, earliestWindowStart, monthsBefore } from './scoring.rules.js';
import { creditEvaluation, creditModel, creditRecomputeRun } from './scoring.table.js';

export type ModelRow = typeof creditModel.$inferSelect;
export type EvaluationRow = typeof creditEvaluation.$inferSelect;

/** List entries that count as "on the list" now (credit_list_entry.status). */
export const ACTIVE_LIST_STATUSES = ['listed', 'published'] as const;

// ─── Models ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The grade lookup credit offers the registry (`DomainQueries.gradeOf`): an entity's current
 * evaluation of `kind` as an SQL scalar, so the registry lists, filters and exports by grade
 * without reading credit's table itself.
 */
export function gradeOf(kind: 'grade' | 'risk', entityId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select ce.grade from ${creditEvaluation} ce where ce.entity_id = ${entityId} and ce.kind = ${kind})`;
}

export async function listModelRows(db: Executor, kind?: string): Promise<ModelRow[]> {
  return db
    .select()
    .from(creditModel)
    .where(kind ? eq(creditModel.kind, kind) : undefined)
    .orderBy(asc(creditModel.kind), desc(creditModel.version));
}

export async function findModel(db: Executor, id: number): Promise<ModelRow | null> {
  const [row] = await db.select().from(creditModel).where(eq(creditModel.id, id));
  return row ?? null;
}

export async function findActiveModel(db: Executor, kind: string): Promise<ModelRow | null> {
  const [row] = await db
    .select()
    .from(creditModel)
    .where(and(eq(creditModel.kind, kind), eq(creditModel.status, 'active')));
  return row ?? null;
}

export async function findModelVersion(db: Executor, kind: string, version: number): Promise<ModelRow | null> {
  const [row] = await db
    .select()
    .from(creditModel)
    .where(and(eq(creditModel.kind, kind), eq(creditModel.version, version)));
  return row ?? null;
}

/** Insert the next version of `kind` (locks the kind's rows so two drafts never share a number). */
export async function insertModelVersion(db: Executor, values: { kind: string; name: string; definition: ModelDefinition; status: string; createdBy: string; activatedAt?: Date | null }): Promise<ModelRow> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`credit_model:${values.kind}`}))`);
  const [last] = await db
    .select({ v: max(creditModel.version) })
    .from(creditModel)
    .where(eq(creditModel.kind, values.kind));
  const [row] = await db
    .insert(creditModel)
    .values({ ...values, definition: values.definition as unknown as Record<string, unknown>, version: (last?.v ?? 0) + 1 })
    .returning();
  return row!;
}

/** Retire the kind's active model and activate `id`; returns the retired one. */
export async function activateModelRow(db: Executor, id: number, kind: string): Promise<{ activated: ModelRow; retired: ModelRow | null }> {
  const [retired] = await db
    .update(creditModel)
    .set({ status: 'retired' })
    .where(and(eq(creditModel.kind, kind), eq(creditModel.status, 'active')))
    .returning();
  const [activated] = await db.update(creditModel).set({ status: 'active', activatedAt: new Date() }).where(eq(creditModel.id, id)).returning();
  return { activated: activated!, retired: retired ?? null };
}

// ─── Facts and evaluations of one entity ────────────────────────────────────────────────────────

/** What scoring one entity needs besides its records: the registry facts, its lists, and (when asked) the active models. */
export interface ScoringInputs {
  entity: { id: number; scale: string | null; qualityOfficer: string | null; establishedOn: string | null };
  products: { name: string; licenceRequired: boolean; cccRequired: boolean }[];
  licences: { kind: string; validUntil: string | null; revokedOn: string | null }[];
  lists: string[];
  models: Pick<ModelRow, 'kind' | 'version' | 'definition'>[];
}

/**
 * The registry facts, active lists and (optionally) active models for one entity in ONE statement:
 * a record appended anywhere re-evaluates its entity inside the writer's transaction, so every
 * round trip here is paid by every write of every module.
 */
export async function scoringInputsOf(db: Executor, entityId: number, opts: { withModels: boolean }): Promise<ScoringInputs | null> {
  const id = sql`${entity}."id"`;
  const [row] = await db
    .select({
      entity: sql<ScoringInputs['entity']>`json_build_object('id', ${id}, 'scale', ${entity.scale}, 'qualityOfficer', ${entity.qualityOfficer}, 'establishedOn', ${entity.establishedOn})`,
      products: sql<ScoringInputs['products']>`(select coalesce(json_agg(json_build_object('name', p.name, 'licenceRequired', p.licence_required, 'cccRequired', p.ccc_required) order by p.id), '[]'::json)
        from ${entityProduct} p where p.entity_id = ${id})`,
      licences: sql<ScoringInputs['licences']>`(select coalesce(json_agg(json_build_object('kind', l.kind, 'validUntil', l.valid_until, 'revokedOn', l.revoked_on) order by l.id), '[]'::json)
        from ${entityLicence} l where l.entity_id = ${id})`,
      lists: sql<string[]>`(select coalesce(json_agg(distinct c.list), '[]'::json) from ${creditListEntry} c
        where c.entity_id = ${id} and c.status in (${sql.join(ACTIVE_LIST_STATUSES.map((v) => sql`${v}`), sql`, `)}))`,
      models: opts.withModels
        ? sql<ScoringInputs['models']>`(select coalesce(json_agg(json_build_object('kind', m.kind, 'version', m.version, 'definition', m.definition) order by m.kind), '[]'::json)
            from ${creditModel} m where m.status = 'active')`
        : sql<ScoringInputs['models']>`'[]'::json`,
    })
    .from(entity)
    .where(eq(entity.id, entityId));
  return row ?? null;
}

export async function upsertEvaluations(db: Executor, rows: (typeof creditEvaluation.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(creditEvaluation)
    .values(rows)
    .onConflictDoUpdate({
      target: [creditEvaluation.entityId, creditEvaluation.kind],
      set: {
        modelVersion: sql`excluded.model_version`,
        score: sql`excluded.score`,
        grade: sql`excluded.grade`,
        vetoed: sql`excluded.vetoed`,
        explanation: sql`excluded.explanation`,
        computedAt: sql`excluded.computed_at`,
      },
    });
}

export async function evaluationsOf(db: Executor, entityId: number): Promise<EvaluationRow[]> {
  return db.select().from(creditEvaluation).where(eq(creditEvaluation.entityId, entityId));
}

/** Counts per grade of `kind` among the entities in scope. */
export async function gradeCounts(db: Executor, scope: DataScope, kind: string): Promise<{ grade: string; count: number }[]> {
  return db
    .select({ grade: creditEvaluation.grade, count: count() })
    .from(creditEvaluation)
    .innerJoin(entity, eq(entity.id, creditEvaluation.entityId))
    .where(and(eq(creditEvaluation.kind, kind), scopePredicate(scope, { jurisdictionCode: entity.districtCode, enterpriseUscc: entity.uscc })))
    .groupBy(creditEvaluation.grade);
}

export async function countEntities(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entity);
  return row?.n ?? 0;
}

export async function entitiesInScope(db: Executor, scope: DataScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(entity)
    .where(scopePredicate(scope, { jurisdictionCode: entity.districtCode, enterpriseUscc: entity.uscc }));
  return row?.n ?? 0;
}

// ─── Recompute runs ─────────────────────────────────────────────────────────────────────────────

export async function insertRecomputeRun(db: Executor, v: typeof creditRecomputeRun.$inferInsert): Promise<void> {
  await db.insert(creditRecomputeRun).values(v);
}

export async function lastRecomputeOn(db: Executor, kind: string): Promise<string | null> {
  const [row] = await db
    .select({ asOf: max(creditRecomputeRun.asOf) })
    .from(creditRecomputeRun)
    .where(eq(creditRecomputeRun.kind, kind));
  return row?.asOf ?? null;
}

// ─── The model compiled to SQL ──────────────────────────────────────────────────────────────────

const list = (values: readonly (string | number | boolean)[]) =>
  sql.join(
    values.map((v) => sql`${String(v)}`),
    sql`, `,
  );

function conditionSql(c: PayloadCondition): SQL {
  const text = sql`(r.payload ->> ${c.field}::text)`;
  const json = sql`(r.payload -> ${c.field}::text)`;
  switch (c.op) {
    case 'eq':
      return sql`${text} = ${String(c.value)}::text`;
    case 'in':
      return sql`${text} in (${list(c.values)})`;
    case 'not_in':
      return sql`${text} not in (${list(c.values)})`;
    case 'any':
      return sql`(jsonb_typeof(${json}) = 'array' and jsonb_exists_any(${json}, array[${list(c.values)}]::text[]))`;
    case 'none':
      return sql`(jsonb_typeof(${json}) = 'array' and not jsonb_exists_any(${json}, array[${list(c.values)}]::text[]))`;
    case 'gte':
      return sql`(case when jsonb_typeof(${json}) = 'number' then (${text})::float8 end >= ${c.value}::float8)`;
    case 'lt':
      return sql`(case when jsonb_typeof(${json}) = 'number' then (${text})::float8 end < ${c.value}::float8)`;
  }
}

const allOf = (conds: readonly PayloadCondition[]): SQL => (conds.length === 0 ? sql`true` : sql.join(conds.map(conditionSql), sql` and `));

function weightSql(decay: Decay, asOf: string, windowMonths: number): SQL {
  const age = sql`(${asOf}::date - r.occurred_on)::float8`;
  if (decay.kind === 'linear') return sql`(1.0::float8 - ${age} / ${daysBetween(monthsBefore(asOf, windowMonths), asOf)}::float8)`;
  if (decay.kind === 'half_life') return sql`power(0.5::float8, ${age} / ${decay.halfLifeDays}::float8)`;
  return sql`1.0::float8`;
}

/** The rows an indicator looks at: its kinds, its payload test, its window (start exclusive). */
function selects(ind: Exclude<Indicator, { formula: 'fact' }>, asOf: string): SQL {
  return sql`r.kind in (${list(ind.kinds)}) and ${allOf(ind.where)} and r.occurred_on > ${monthsBefore(asOf, ind.windowMonths)}::date`;
}

const clampSql = (x: SQL, lo: number, hi: number) => sql`least(greatest(${x}, ${lo}::float8), ${hi}::float8)`;
const round2Sql = (x: SQL) => sql`round((${x})::numeric, 2)`;

function vetoSql(v: VetoCondition, asOf: string): SQL {
  switch (v.type) {
    case 'flag':
      if (v.code === 'missing_production_licence') return sql`(coalesce(prod.pl, false) and not coalesce(lic.pl, false))`;
      if (v.code === 'missing_ccc') return sql`(coalesce(prod.ccc, false) and not coalesce(lic.ccc, false))`;
      return sql`((coalesce(prod.pl, false) or coalesce(prod.ccc, false)) and e.scale in ('large', 'medium') and e.quality_officer is null)`;
    case 'list':
      return sql`coalesce(${v.list}::text = any(lists.lists), false)`;
    case 'established_within_days':
      return sql`(e.established_on is not null and e.established_on <= ${asOf}::date and (${asOf}::date - e.established_on) < ${v.days}::int)`;
  }
}

/**
 * Which entities a recompute covers: all, or those whose registry row changed since a moment (a
 * bulk import) — and, with `orUnevaluated`, also every entity lacking an evaluation of a model's
 * kind (rows an import left unchanged that an earlier import never graded).
 */
export interface RecomputeScope {
  updatedSince?: Date;
  orUnevaluated?: boolean;
}

/** One active model to recompute: its definition, the evaluation kind it writes and its version. */
export interface RecomputeModel {
  def: ModelDefinition;
  kind: string;
  version: number;
}

/** The per-entity SQL of one model, its columns prefixed `m<k>_` so several models share one row. */
function modelColumns(def: ModelDefinition, k: number, asOf: string) {
  const name = (p: string, i: number) => sql.raw(`m${k}_${p}${i}`);
  const aggs: SQL[] = [];
  for (const [i, ind] of def.indicators.entries()) {
    if (ind.formula === 'fact') continue;
    const w = weightSql(ind.decay, asOf, ind.windowMonths);
    if (ind.formula === 'count') {
      aggs.push(sql`sum(case when ${selects(ind, asOf)} then ${ind.perRecord}::float8 * ${w} end) as ${name('a', i)}`);
    } else {
      aggs.push(sql`sum(case when ${selects(ind, asOf)} then ${w} end) as ${name('t', i)}`);
      aggs.push(sql`sum(case when ${selects(ind, asOf)} and ${allOf(ind.pass)} then ${w} else 0 end) as ${name('g', i)}`);
    }
  }
  const points = def.indicators.map((ind, i) => {
    const col = (p: string) => sql`rec.${name(p, i)}`;
    let x: SQL;
    if (ind.formula === 'fact') {
      const value = ind.fact === 'has_quality_officer' ? sql`(case when e.quality_officer is not null then 1 else 0 end)::float8` : sql`coalesce(lic.n, 0)::float8`;
      x = clampSql(sql`${ind.base}::float8 + ${ind.perUnit}::float8 * ${value}`, 0, ind.max);
    } else if (ind.formula === 'count') {
      const s = sql`coalesce(${col('a')}, 0)`;
      const capped = ind.cap === undefined ? s : clampSql(s, -ind.cap, ind.cap);
      x = clampSql(sql`${ind.base}::float8 + ${capped}`, 0, ind.max);
    } else {
      x = sql`(case when coalesce(${col('t')}, 0) > 0 then ${ind.max}::float8 * ${col('g')} / ${col('t')} else ${ind.empty}::float8 end)`;
    }
    return sql`${round2Sql(x)} as ${name('p', i)}`;
  });
  const vetoes = def.vetoes.map((v, i) => sql`${vetoSql(v.when, asOf)} as ${name('v', i)}`);
  const pNames = def.indicators.map((_, i) => name('p', i));
  const score = sql.raw(`m${k}_score`);
  // The band as one width_bucket over the ascending minima, so the score is computed once per row:
  // the number of minima ≤ score, counted from the best band down.
  const n = def.bands.length;
  const ascending = sql`array[${sql.join(
    [...def.bands].reverse().map((b) => sql`${b.min}::float8`),
    sql`, `,
  )}]::float8[]`;
  const bandCase = sql`least(${n}::int - width_bucket(${score}::float8, ${ascending}), ${n - 1}::int)`;
  const gradeIdx = (g: string) => def.bands.findIndex((b) => b.grade === g);
  const gi = def.vetoes.length ? sql`greatest(${bandCase}, ${sql.join(def.vetoes.map((v, i) => sql`case when ${name('v', i)} then ${gradeIdx(v.grade)}::int else 0 end`), sql`, `)})` : bandCase;
  const vetoed = def.vetoes.length ? sql.join(def.vetoes.map((_, i) => name('v', i)), sql` or `) : sql`false`;
  const vetoKeys = def.vetoes.length ? sql`array_remove(array[${sql.join(def.vetoes.map((v, i) => sql`case when ${name('v', i)} then ${v.key}::text end`), sql`, `)}]::text[], null)` : sql`array[]::text[]`;
  const grades = sql`array[${list(def.bands.map((b) => b.grade))}]::text[]`;
  return {
    aggs,
    /** Points and veto flags, per entity. */
    pts: [...points, ...vetoes],
    score: sql`(${sql.join(pNames, sql` + `)}) as ${score}`,
    /** The evaluation row's values after `kind` and `version`. */
    result: sql`${score}::float8, (${grades})[${gi} + 1], ${vetoed}, jsonb_build_object('asOf', ${asOf}::text, 'source', 'bulk', 'points', jsonb_build_array(${sql.join(pNames, sql`, `)}), 'vetoes', to_jsonb(${vetoKeys}))`,
  };
}

/**
 * One statement recomputing every given model for every entity (or the scope's): aggregate each
 * entity's effective records in all the models' windows in ONE pass over the archive (the costly
 * part at city scale), add the registry facts and active list entries, score, grade and apply the
 * vetoes of each model, and upsert one credit_evaluation row per entity and model. Returns how many
 * rows of each kind it changed.
 */
export function compileRecompute(models: readonly RecomputeModel[], asOf: string, scope: RecomputeScope = {}): SQL {
  if (models.length === 0) throw new Error('compileRecompute needs at least one model');
  const cols = models.map((m, k) => modelColumns(m.def, k, asOf));
  const aggs = cols.flatMap((c) => c.aggs);
  const kinds = [...new Set(models.flatMap((m) => m.def.indicators.flatMap((ind) => (ind.formula === 'fact' ? [] : ind.kinds))))];
  const since = models.map((m) => earliestWindowStart(m.def, asOf)).sort()[0]!;
  const defs = models.map((m) => m.def);
  const needsLic = defs.some((d) => d.indicators.some((i) => i.formula === 'fact' && i.fact === 'valid_licences') || d.vetoes.some((v) => v.when.type === 'flag'));
  const needsProd = defs.some((d) => d.vetoes.some((v) => v.when.type === 'flag'));
  const needsLists = defs.some((d) => d.vetoes.some((v) => v.when.type === 'list'));
  const changed = scope.updatedSince?.toISOString();
  /** The scope's predicate on an entity row named `alias`. */
  const inScope = (alias: string) => {
    const id = sql.raw(`${alias}.id`);
    const updated = sql`${sql.raw(`${alias}.updated_at`)} >= ${changed}::timestamptz`;
    if (!scope.orUnevaluated) return updated;
    const missing = models.map((m) => sql`not exists (select 1 from ${creditEvaluation} ev where ev.entity_id = ${id} and ev.kind = ${m.kind}::text)`);
    return sql`(${updated} or ${sql.join(missing, sql` or `)})`;
  };
  // Each entity's row carries every model's result; a lateral VALUES turns it into one row per model.
  const perModel = sql.join(
    models.map((m, k) => sql`(${m.kind}::text, ${m.version}::int, ${cols[k]!.result})`),
    sql`, `,
  );
  return sql`
    with rec as (
      select r.entity_id, ${aggs.length ? sql.join(aggs, sql`, `) : sql`0 as no_indicator`}
      from ${archiveRecord} r
      where r.retracts = false
        and r.kind in (${list(kinds.length ? kinds : ['-'])})
        and r.occurred_on > ${since}::date and r.occurred_on <= ${asOf}::date
        and not exists (select 1 from ${archiveRecord} c where c.corrects_id = r.id)${changed ? sql`
        and r.entity_id in (select u.id from ${entity} u where ${inScope('u')})` : sql``}
      group by r.entity_id
    ),
    lic as (
      ${needsLic ? sql`select entity_id, count(*)::int as n, bool_or(kind in ('production_licence', 'food_production')) as pl, bool_or(kind = 'ccc') as ccc from ${entityLicence} where revoked_on is null and (valid_until is null or valid_until >= ${asOf}::date) group by entity_id` : sql`select null::bigint as entity_id, 0 as n, false as pl, false as ccc where false`}
    ),
    prod as (
      ${needsProd ? sql`select entity_id, bool_or(licence_required) as pl, bool_or(ccc_required) as ccc from ${entityProduct} group by entity_id` : sql`select null::bigint as entity_id, false as pl, false as ccc where false`}
    ),
    lists as (
      ${needsLists ? sql`select entity_id, array_agg(distinct list)::text[] as lists from ${creditListEntry} where status in (${list(ACTIVE_LIST_STATUSES)}) group by entity_id` : sql`select null::bigint as entity_id, array[]::text[] as lists where false`}
    ),
    pts as (
      select e.id as entity_id, ${sql.join(
        cols.flatMap((c) => c.pts),
        sql`, `,
      )}
      from ${entity} e
      left join rec on rec.entity_id = e.id
      left join lic on lic.entity_id = e.id
      left join prod on prod.entity_id = e.id
      left join lists on lists.entity_id = e.id${changed ? sql`
      where ${inScope('e')}` : sql``}
      -- OFFSET 0 keeps the planner from inlining this subquery into its readers: each point and
      -- veto is then computed once per entity, not again in every score, band and explanation that
      -- names it (at 1M entities the inlined copies cost more than the archive scan).
      offset 0
    ),
    sc as (select pts.*, ${sql.join(
      cols.map((c) => c.score),
      sql`, `,
    )} from pts offset 0),
    up as (
      insert into ${creditEvaluation} (entity_id, kind, model_version, score, grade, vetoed, explanation, computed_at)
      select sc.entity_id, v.kind, v.model_version, v.score, v.grade, v.vetoed, v.explanation, now()
      from sc cross join lateral (values ${perModel}) as v(kind, model_version, score, grade, vetoed, explanation)
      on conflict (entity_id, kind) do update set
        model_version = excluded.model_version, score = excluded.score, grade = excluded.grade,
        vetoed = excluded.vetoed, explanation = excluded.explanation, computed_at = excluded.computed_at
      -- An unchanged result keeps its row (and the date it was computed as of, which still explains it).
      where (${creditEvaluation}.model_version, ${creditEvaluation}.score, ${creditEvaluation}.grade, ${creditEvaluation}.vetoed)
        is distinct from (excluded.model_version, excluded.score, excluded.grade, excluded.vetoed)
      returning kind
    )
    select kind, count(*)::int as changed from up group by kind`;
}

/**
 * Memory for the recompute's per-entity aggregate, for its transaction only. It holds every
 * indicator's running sums for every entity: about 0.5 GB at 1,000,000 entities, where the default
 * 4 MB made PostgreSQL spill 1.1 GB to temporary files and read it back. A cap, not an allocation:
 * a city of 20,000 entities uses a few MB.
 */
export const RECOMPUTE_WORK_MEM = '512MB';

/**
 * Run the compiled statement (inside the caller's transaction); returns, per kind, how many
 * evaluations it changed (unchanged rows are not rewritten).
 */
export async function runRecompute(db: Executor, models: readonly RecomputeModel[], asOf: string, scope: RecomputeScope = {}): Promise<Map<string, number>> {
  await db.execute(sql.raw(`set local work_mem = '${RECOMPUTE_WORK_MEM}'`));
  const res = (await db.execute(compileRecompute(models, asOf, scope))) as unknown as { rows: { kind: string; changed: number }[] };
  const changed = new Map<string, number>(models.map((m) => [m.kind, 0]));
  for (const r of res.rows) changed.set(r.kind, Number(r.changed));
  return changed;
}
