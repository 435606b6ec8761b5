/**
 * Scoring use cases (信用评价): model versions (create, activate, list, read), evaluating one entity
 * when its archive grows, the bulk recompute, the monthly risk-class run, and the read side with
 * explanations. The risk class is internal: it is shown only to staff holding credit:risk:list.
 */
import {
  modelDefinition,
  type CreateModelBody,
  type CreditModelDetail,
  type CreditModelDto,
  type EntityEvaluationResponse,
  type EvaluationDto,
  type EvaluationStats,
  type ModelDefinition,
  type ModelKind,
  type RecomputeResponse,
} from '../../../../../contracts/credit-scoring.js';
import type { ArchiveRecord } from '../../../../../contracts/entities.js';
import type { Database, Executor, Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { hasPermission, systemSource, type Ctx, type DomainListeners } from '../../../platform/context.js';
import { AppError, localizeIssues } from '../../../platform/http/errors.js';
import { effectiveRecords, entityFlags, loadEntityForRead, type EntityRow } from '../../entities/index.js';
import { namesOf, type NameOf } from '../../system/index.js';
import { SHIPPED_MODELS } from './scoring.models.js';
import {
  activateModelRow,
  entitiesInScope,
  evaluationsOf,
  findActiveModel,
  countEntities,
  findModel,
  findModelVersion,
  gradeCounts,
  insertModelVersion,
  insertRecomputeRun,
  listModelRows,
  runRecompute,
  type RecomputeModel,
  upsertEvaluations,
  type EvaluationRow,
  type ModelRow,
  scoringInputsOf,
  type ScoringInputs,
} from './scoring.repository.js';
import { definitionIssues, earliestWindowStart, evaluate, type EntityFacts, type Evaluation } from './scoring.rules.js';

const KINDS: readonly ModelKind[] = ['grade', 'risk'];

// ─── Models ─────────────────────────────────────────────────────────────────────────────────────

function toModelDto(r: ModelRow, nameOf: NameOf): CreditModelDto {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    name: r.name,
    status: r.status,
    createdBy: r.createdBy,
    createdByName: nameOf(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    activatedAt: r.activatedAt?.toISOString() ?? null,
  };
}

function toModelDetail(r: ModelRow, nameOf: NameOf): CreditModelDetail {
  return { ...toModelDto(r, nameOf), definition: r.definition as unknown as ModelDefinition };
}

/** A model version with its author's name (one lookup). */
async function modelDetail(db: Executor, r: ModelRow): Promise<CreditModelDetail> {
  return toModelDetail(r, await namesOf(db, [r.createdBy]));
}

/** Parse and check a definition; 400 MODEL_INVALID listing every problem (path and message). */
export function parseDefinition(ctx: Pick<Ctx, 'lang'>, raw: unknown, kind: ModelKind): ModelDefinition {
  const parsed = modelDefinition.safeParse(raw);
  if (!parsed.success) {
    const details = localizeIssues(parsed.error.issues, ctx.lang).map((d) => `${d.path}: ${d.message}`);
    throw new AppError('MODEL_INVALID', { details, message: { zh: `评价模型配置不合法：${details[0]}`, en: `The scoring model is invalid: ${details[0]}` } });
  }
  const issues = definitionIssues(parsed.data);
  if (kind === 'risk' && parsed.data.published) {
    issues.push({ path: 'published', message: { zh: '信用风险分类仅供内部使用，不得公开', en: 'Credit-risk classes are internal and may not be published' } });
  }
  if (issues.length) {
    throw new AppError('MODEL_INVALID', {
      details: issues.map((i) => `${i.path}: ${i.message[ctx.lang]}`),
      message: { zh: `评价模型配置不合法：${issues[0]!.message.zh}`, en: `The scoring model is invalid: ${issues[0]!.message.en}` },
    });
  }
  return parsed.data;
}

export async function listModels(ctx: Ctx, kind?: ModelKind): Promise<{ items: CreditModelDto[] }> {
  const rows = await listModelRows(ctx.db, kind);
  const nameOf = await namesOf(ctx.db, rows.map((r) => r.createdBy));
  return { items: rows.map((r) => toModelDto(r, nameOf)) };
}

export async function getModel(ctx: Ctx, id: number): Promise<CreditModelDetail> {
  const row = await findModel(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return modelDetail(ctx.db, row);
}

/** A new draft version of the kind's model (activate it to use it). */
export async function createModel(ctx: Ctx, body: CreateModelBody): Promise<CreditModelDetail> {
  const definition = parseDefinition(ctx, body.definition, body.kind);
  return ctx.db.transaction(async (tx) => {
    const row = await insertModelVersion(tx, { kind: body.kind, name: body.name, definition, status: 'draft', createdBy: ctx.actor.username });
    await appendAudit(tx, ctx, { action: 'credit.model.create', targetType: 'credit_model', targetId: row.id, after: { kind: row.kind, version: row.version, name: row.name } });
    return modelDetail(tx, row);
  });
}

/**
 * Activate a version: the kind's active version retires and every entity is re-evaluated with the
 * new one in the same transaction, so no evaluation ever names a retired model as current.
 */
export async function activateModel(ctx: Ctx, id: number): Promise<CreditModelDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await findModel(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status === 'active') return modelDetail(tx, row);
    const kind = row.kind as ModelKind;
    // Stored before today's checks existed? Check again: an invalid model is never activated.
    const definition = parseDefinition(ctx, row.definition, kind);
    const { activated, retired } = await activateModelRow(tx, id, kind);
    await appendAudit(tx, ctx, {
      action: 'credit.model.activate',
      targetType: 'credit_model',
      targetId: id,
      before: retired ? { id: retired.id, version: retired.version } : undefined,
      after: { id: activated.id, version: activated.version },
    });
    await recomputeModels(tx, ctx, [{ id: activated.id, kind, version: activated.version, def: definition }], 'activate');
    return modelDetail(tx, activated);
  });
}

/** Version 1 of both shipped models, when the kind has no model yet. Idempotent. */
export async function seedCreditModels(db: Database): Promise<{ added: number }> {
  const ctx = systemSource();
  let added = 0;
  for (const m of SHIPPED_MODELS) {
    await db.transaction(async (tx) => {
      if (await findModelVersion(tx, m.kind, 1)) return;
      const row = await insertModelVersion(tx, { kind: m.kind, name: m.name, definition: m.definition, status: 'active', createdBy: 'system', activatedAt: new Date() });
      await appendAudit(tx, ctx, { action: 'credit.model.create', targetType: 'credit_model', targetId: row.id, after: { kind: row.kind, version: row.version, name: row.name, status: 'active' } });
      added++;
    });
  }
  return { added };
}

// ─── Evaluating one entity ──────────────────────────────────────────────────────────────────────

function factsOf(inputs: ScoringInputs, asOf: string): EntityFacts {
  const { entity: e, products, licences, lists } = inputs;
  const validLicences = licences.filter((l) => !l.revokedOn && (!l.validUntil || l.validUntil >= asOf)).length;
  return {
    hasQualityOfficer: !!e.qualityOfficer,
    validLicences,
    flags: entityFlags({ scale: e.scale, qualityOfficer: e.qualityOfficer, products, licences }, asOf).map((f) => f.code),
    lists,
    establishedOn: e.establishedOn,
  };
}

/** The record kinds and earliest date any of `defs` looks at. */
function recordNeeds(defs: readonly ModelDefinition[], asOf: string): { kinds: string[]; since: string } {
  const kinds = [...new Set(defs.flatMap((d) => d.indicators.flatMap((i) => (i.formula === 'fact' ? [] : i.kinds))))];
  const since = defs.map((d) => earliestWindowStart(d, asOf)).sort()[0] ?? asOf;
  return { kinds, since };
}

async function evaluateWith(db: Executor, e: EntityRow, def: ModelDefinition, asOf: string, recordedUpTo?: Date): Promise<Evaluation> {
  const { kinds, since } = recordNeeds([def], asOf);
  const inputs = await scoringInputsOf(db, e.id, { withModels: false });
  if (!inputs) throw new AppError('NOT_FOUND');
  const records = kinds.length ? await effectiveRecords(db, e.id, { kinds, since, recordedUpTo }) : [];
  return evaluate(def, factsOf(inputs, asOf), records, asOf);
}

/**
 * Re-evaluate both kinds for one entity with the active models (inside the caller's transaction):
 * three statements — facts with the active models, the effective records both models read, one
 * two-row upsert.
 */
export async function reevaluateEntity(db: Executor, entityId: number, asOf = todayInChina()): Promise<void> {
  const inputs = await scoringInputsOf(db, entityId, { withModels: true });
  const models = (inputs?.models ?? []).filter((m) => (KINDS as readonly string[]).includes(m.kind));
  if (!inputs || models.length === 0) return;
  const defs = models.map((m) => m.definition as unknown as ModelDefinition);
  const { kinds, since } = recordNeeds(defs, asOf);
  const facts = factsOf(inputs, asOf);
  const records = kinds.length ? await effectiveRecords(db, entityId, { kinds, since }) : [];
  const computedAt = new Date();
  await upsertEvaluations(
    db,
    models.map((model, i) => {
      const r = evaluate(defs[i]!, facts, records, asOf);
      return {
        entityId,
        kind: model.kind,
        modelVersion: model.version,
        score: r.score,
        grade: r.grade,
        vetoed: r.vetoed,
        explanation: { asOf, source: 'record', points: r.indicators.map((x) => x.points), vetoes: r.vetoes.map((v) => v.key) },
        computedAt,
      };
    }),
  );
}

const onAppended = async (tx: Transaction, _ctx: Ctx, record: ArchiveRecord) => reevaluateEntity(tx, record.entityId);
const onChanged = async (tx: Transaction, _ctx: Ctx, entityId: number) => reevaluateEntity(tx, entityId);

/**
 * Evaluate the entities a bulk import inserted or changed, and any entity still without an
 * evaluation (a row the import left unchanged that an earlier, ungraded import brought in), set-based
 * (the bulk recompute's statement limited to them): one transaction, one audit row; not a recompute
 * run, so the monthly schedule still sees its own last run.
 */
export async function evaluateImportedEntities(db: Database, ctx: Ctx, changedSince: Date): Promise<{ kind: ModelKind; changed: number }[]> {
  const asOf = todayInChina();
  return db.transaction(async (tx) => {
    const models = await activeRecomputeModels(tx, KINDS);
    const changed = models.length ? await runRecompute(tx, models, asOf, { updatedSince: changedSince, orUnevaluated: true }) : new Map<string, number>();
    const results = models.map((m) => ({ kind: m.kind, changed: changed.get(m.kind) ?? 0 }));
    await appendAudit(tx, ctx, { action: 'credit.evaluation.recompute', targetType: 'entity', targetId: 'import', after: { scope: 'import', changedSince: changedSince.toISOString(), results } });
    return results;
  });
}

const onImported = async (db: Database, ctx: Ctx, changedSince: Date) => {
  await evaluateImportedEntities(db, ctx, changedSince);
};

/**
 * Keep evaluations current as records arrive and as registry facts change (a revoked licence is a
 * veto at once), and after a bulk import. The composition root adds these to its events.
 */
export const scoringListeners: DomainListeners = { recordAppended: onAppended, entityChanged: onChanged, entitiesImported: onImported };

// ─── Bulk recompute ─────────────────────────────────────────────────────────────────────────────

type ActiveModel = RecomputeModel & { kind: ModelKind; id: number };

/** The active model of each kind that has one, ready to compile. */
async function activeRecomputeModels(tx: Transaction, kinds: readonly ModelKind[]): Promise<ActiveModel[]> {
  const models: ActiveModel[] = [];
  for (const kind of kinds) {
    const model = await findActiveModel(tx, kind);
    if (model) models.push({ id: model.id, kind, version: model.version, def: model.definition as unknown as ModelDefinition });
  }
  return models;
}

/**
 * Recompute the given models for every entity in ONE statement (one pass over the archive for all
 * of them) and record a run per kind; the statement's time is each run's time.
 */
async function recomputeModels(tx: Transaction, ctx: Ctx, models: readonly ActiveModel[], trigger: string): Promise<RecomputeResponse['results']> {
  if (models.length === 0) return [];
  const asOf = todayInChina();
  const started = performance.now();
  const changed = await runRecompute(tx, models, asOf);
  const ms = Math.round(performance.now() - started);
  const entities = await countEntities(tx);
  const results: RecomputeResponse['results'] = [];
  for (const m of models) {
    await insertRecomputeRun(tx, { kind: m.kind, modelVersion: m.version, asOf, entities, ms, trigger, startedBy: ctx.actor.username });
    results.push({ kind: m.kind, modelVersion: m.version, entities, changed: changed.get(m.kind) ?? 0, asOf, ms });
  }
  return results;
}

/** Recompute every entity's evaluation of `kind` (both kinds when omitted) in one SQL statement and one transaction. */
export async function recomputeEvaluations(ctx: Ctx, opts: { kind?: ModelKind; trigger?: string } = {}): Promise<RecomputeResponse> {
  const results = await ctx.db.transaction(async (tx) => {
    const models = await activeRecomputeModels(tx, opts.kind ? [opts.kind] : KINDS);
    const results = await recomputeModels(tx, ctx, models, opts.trigger ?? 'manual');
    for (const [i, m] of models.entries()) {
      await appendAudit(tx, ctx, { action: 'credit.evaluation.recompute', targetType: 'credit_model', targetId: m.id, after: results[i] });
    }
    return results;
  });
  return { results };
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

/**
 * The stored evaluation with its per-record explanation, recomputed in JS from the records as they
 * stood at computed_at and the model version that produced it (the SQL path stores points only).
 */
async function explain(db: Executor, e: EntityRow, row: EvaluationRow): Promise<EvaluationDto> {
  const model = await findModelVersion(db, row.kind, row.modelVersion);
  const stored = (row.explanation ?? {}) as { asOf?: string; vetoes?: string[] };
  const asOf = stored.asOf ?? todayInChina(row.computedAt);
  const base = { kind: row.kind, modelVersion: row.modelVersion, score: row.score, grade: row.grade, vetoed: row.vetoed, asOf, computedAt: row.computedAt.toISOString() };
  if (!model) return { ...base, modelId: null, vetoes: [], indicators: [] };
  const def = model.definition as unknown as ModelDefinition;
  const r = await evaluateWith(db, e, def, asOf, row.computedAt);
  const vetoKeys = new Set(stored.vetoes ?? r.vetoes.map((v) => v.key));
  const dimensionName = new Map(def.dimensions.map((d) => [d.key, d.name]));
  return {
    ...base,
    modelId: model.id,
    vetoes: def.vetoes.filter((v) => vetoKeys.has(v.key)).map((v) => ({ key: v.key, name: v.name, grade: v.grade })),
    indicators: r.indicators.map((i) => ({ ...i, dimensionName: dimensionName.get(i.dimension) ?? i.dimension })),
  };
}

/** Risk classes are for staff who hold credit:risk:list; enterprises never see them (internal only). */
export function maySeeRisk(ctx: Ctx): boolean {
  return hasPermission(ctx, 'credit:risk:list') && !(ctx.scope.enterpriseUscc && !ctx.scope.all);
}

export async function getEntityEvaluation(ctx: Ctx, uscc: string): Promise<EntityEvaluationResponse> {
  const e = await loadEntityForRead(ctx, uscc);
  const rows = await evaluationsOf(ctx.db, e.id);
  const grade = rows.find((r) => r.kind === 'grade');
  const risk = maySeeRisk(ctx) ? rows.find((r) => r.kind === 'risk') : undefined;
  return {
    uscc: e.uscc,
    name: e.name,
    grade: grade ? await explain(ctx.db, e, grade) : null,
    risk: risk ? await explain(ctx.db, e, risk) : null,
  };
}

export async function evaluationStats(ctx: Ctx): Promise<EvaluationStats> {
  const [total, grades, risks] = await Promise.all([
    entitiesInScope(ctx.db, ctx.scope),
    gradeCounts(ctx.db, ctx.scope, 'grade'),
    maySeeRisk(ctx) ? gradeCounts(ctx.db, ctx.scope, 'risk') : Promise.resolve(null),
  ]);
  const order = (m: ModelKind) => SHIPPED_MODELS.find((s) => s.kind === m)!.definition.bands.map((b) => b.grade);
  // Best grade first; grades of retired models' bands (not in the shipped order) last.
  const rank = (o: string[], g: string) => (o.includes(g) ? o.indexOf(g) : o.length);
  const sortBy = (rows: { grade: string; count: number }[], o: string[]) => [...rows].sort((a, b) => rank(o, a.grade) - rank(o, b.grade) || a.grade.localeCompare(b.grade));
  return { total, grades: sortBy(grades, order('grade')), riskClasses: risks ? sortBy(risks, order('risk')) : null };
}
