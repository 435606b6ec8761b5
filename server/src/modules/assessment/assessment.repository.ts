/** Schemes, inputs, results and rectification reports: the only Drizzle-aware code of the assessment module. */
import { and, asc, count, desc, eq, ilike, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { scopePredicate, type DataScope, type ScopeColumns } from '../../platform/data-scope/data-scope.js';
import { department } from '../system/system.table.js';
import { assessmentInput, assessmentRectification, assessmentResult, assessmentScheme } from './assessment.table.js';

export type SchemeRow = typeof assessmentScheme.$inferSelect;
export type NewSchemeRow = typeof assessmentScheme.$inferInsert;
export type InputRow = typeof assessmentInput.$inferSelect;
export type ResultRow = typeof assessmentResult.$inferSelect;
export type NewResultRow = typeof assessmentResult.$inferInsert;
export type RectificationRow = typeof assessmentRectification.$inferSelect;

export const RESULT_SCOPE: ScopeColumns = { deptId: assessmentResult.deptId, districtCode: assessmentResult.districtCode };

// ─── Schemes ────────────────────────────────────────────────────────────────────────────────────

export async function insertScheme(db: Executor, values: NewSchemeRow): Promise<SchemeRow> {
  const [row] = await db.insert(assessmentScheme).values(values).returning();
  return row!;
}

export async function findScheme(db: Executor, id: number): Promise<SchemeRow | null> {
  const [row] = await db.select().from(assessmentScheme).where(eq(assessmentScheme.id, id));
  return row ?? null;
}

export async function listSchemes(
  db: Executor,
  f: { keyword?: string | undefined; year?: number | undefined; status?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: SchemeRow[]; total: number }> {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) parts.push(ilike(assessmentScheme.name, containsPattern(f.keyword)));
  if (f.year) parts.push(eq(assessmentScheme.year, f.year));
  if (f.status) parts.push(eq(assessmentScheme.status, f.status));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db.select().from(assessmentScheme).where(where).orderBy(desc(assessmentScheme.year), desc(assessmentScheme.updatedAt), desc(assessmentScheme.id)).offset(page.offset).limit(page.limit),
    db.select({ n: count() }).from(assessmentScheme).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Change a scheme still unpublished at `version`; null when it is not (stale or published). */
export async function updateSchemeConfig(
  db: Executor,
  id: number,
  version: number,
  values: Pick<NewSchemeRow, 'name' | 'year' | 'targetKind' | 'deptIds' | 'config' | 'issuer' | 'recipients'>,
): Promise<SchemeRow | null> {
  const [row] = await db
    .update(assessmentScheme)
    .set({ ...values, version: sql`${assessmentScheme.version} + 1`, revision: sql`${assessmentScheme.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.version, version), sql`${assessmentScheme.status} <> 'published'`))
    .returning();
  return row ?? null;
}

/** Record that inputs changed: a new revision (results become stale) and, from draft, status `scoring`. */
export async function touchSchemeInputs(db: Executor, id: number): Promise<SchemeRow | null> {
  const [row] = await db
    .update(assessmentScheme)
    .set({ revision: sql`${assessmentScheme.revision} + 1`, status: 'scoring', updatedAt: new Date() })
    .where(and(eq(assessmentScheme.id, id), sql`${assessmentScheme.status} <> 'published'`))
    .returning();
  return row ?? null;
}

/** Record a scoring at `revision`; null when the scheme changed meanwhile or is published. */
export async function markScored(db: Executor, id: number, revision: number, at: Date): Promise<SchemeRow | null> {
  const [row] = await db
    .update(assessmentScheme)
    .set({ scoredRevision: revision, scoredAt: at, status: 'scoring', updatedAt: at })
    .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.revision, revision), sql`${assessmentScheme.status} <> 'published'`))
    .returning();
  return row ?? null;
}

/** Publish a scheme scored at its current revision; null when that no longer holds (one of two publishes wins). */
export async function markSchemePublished(
  db: Executor,
  id: number,
  revision: number,
  by: string,
  notice: { docNumber: string; issuer: { name: string; mark: string; printer: string } },
  now: Date,
): Promise<SchemeRow | null> {
  const [row] = await db
    .update(assessmentScheme)
    .set({ status: 'published', publishedAt: now, publishedBy: by, updatedAt: now, docNumber: notice.docNumber, issuer: notice.issuer.name, noticeIssuer: notice.issuer })
    .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.revision, revision), eq(assessmentScheme.scoredRevision, revision), sql`${assessmentScheme.status} <> 'published'`))
    .returning();
  return row ?? null;
}

export async function deleteUnpublishedScheme(db: Executor, id: number): Promise<boolean> {
  const rows = await db
    .delete(assessmentScheme)
    .where(and(eq(assessmentScheme.id, id), sql`${assessmentScheme.status} <> 'published'`))
    .returning({ id: assessmentScheme.id });
  return rows.length > 0;
}

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────

export async function inputsOfScheme(db: Executor, schemeId: number): Promise<InputRow[]> {
  return db.select().from(assessmentInput).where(eq(assessmentInput.schemeId, schemeId));
}

export async function upsertInput(db: Executor, values: typeof assessmentInput.$inferInsert): Promise<void> {
  const { schemeId: _s, deptId: _d, ...set } = values;
  await db
    .insert(assessmentInput)
    .values(values)
    .onConflictDoUpdate({ target: [assessmentInput.schemeId, assessmentInput.deptId], set: { ...set, updatedAt: new Date() } });
}

/** Drop the inputs of units no longer assessed. */
export async function deleteInputsExcept(db: Executor, schemeId: number, deptIds: readonly number[]): Promise<void> {
  await db.delete(assessmentInput).where(and(eq(assessmentInput.schemeId, schemeId), deptIds.length > 0 ? notInArray(assessmentInput.deptId, [...deptIds]) : undefined));
}

// ─── Results ────────────────────────────────────────────────────────────────────────────────────

/** Write a scoring: results of the units scored (updated in place), none for units no longer assessed. */
export async function replaceResults(db: Executor, schemeId: number, rows: readonly NewResultRow[]): Promise<void> {
  await db.delete(assessmentResult).where(
    and(eq(assessmentResult.schemeId, schemeId), rows.length > 0 ? notInArray(assessmentResult.deptId, rows.map((r) => r.deptId)) : undefined),
  );
  for (const r of rows) {
    const { schemeId: _s, deptId: _d, ...set } = r;
    await db.insert(assessmentResult).values(r).onConflictDoUpdate({ target: [assessmentResult.schemeId, assessmentResult.deptId], set });
  }
}

export async function deleteResults(db: Executor, schemeId: number): Promise<void> {
  await db.delete(assessmentResult).where(eq(assessmentResult.schemeId, schemeId));
}

/** A scheme's results in the caller's data scope, by rank. */
export async function resultsOfScheme(db: Executor, schemeId: number, scope: DataScope): Promise<ResultRow[]> {
  return db
    .select()
    .from(assessmentResult)
    .where(and(eq(assessmentResult.schemeId, schemeId), scopePredicate(scope, RESULT_SCOPE)))
    .orderBy(asc(assessmentResult.rank), asc(assessmentResult.id));
}

export type ResultJoined = { result: ResultRow; deptAncestors: string };

/** A result with its department's ancestors (for the own-unit test), if it is in the caller's scope. */
export async function findResult(db: Executor, id: number, scope: DataScope | null): Promise<ResultJoined | null> {
  const [row] = await db
    .select({ result: assessmentResult, deptAncestors: department.ancestors })
    .from(assessmentResult)
    .innerJoin(department, eq(department.id, assessmentResult.deptId))
    .where(and(eq(assessmentResult.id, id), scope ? scopePredicate(scope, RESULT_SCOPE) : undefined));
  return row ?? null;
}

/** Results of published schemes in the caller's scope, newest year first. */
export async function publishedResultsInScope(db: Executor, scope: DataScope): Promise<(ResultJoined & { scheme: SchemeRow })[]> {
  return db
    .select({ result: assessmentResult, deptAncestors: department.ancestors, scheme: assessmentScheme })
    .from(assessmentResult)
    .innerJoin(assessmentScheme, eq(assessmentScheme.id, assessmentResult.schemeId))
    .innerJoin(department, eq(department.id, assessmentResult.deptId))
    .where(and(eq(assessmentScheme.status, 'published'), scopePredicate(scope, RESULT_SCOPE)))
    .orderBy(desc(assessmentScheme.year), desc(assessmentScheme.publishedAt), asc(assessmentResult.id));
}

export async function countResults(db: Executor, schemeId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(assessmentResult).where(eq(assessmentResult.schemeId, schemeId));
  return row?.n ?? 0;
}

// ─── Rectification ──────────────────────────────────────────────────────────────────────────────

export async function insertRectification(db: Executor, values: typeof assessmentRectification.$inferInsert): Promise<RectificationRow> {
  const [row] = await db.insert(assessmentRectification).values(values).returning();
  return row!;
}

export async function findRectification(db: Executor, id: number): Promise<RectificationRow | null> {
  const [row] = await db.select().from(assessmentRectification).where(eq(assessmentRectification.id, id));
  return row ?? null;
}

/** Every rectification report of the given results, newest first. */
export async function rectificationsOf(db: Executor, resultIds: readonly number[]): Promise<RectificationRow[]> {
  if (resultIds.length === 0) return [];
  return db
    .select()
    .from(assessmentRectification)
    .where(inArray(assessmentRectification.resultId, [...resultIds]))
    .orderBy(desc(assessmentRectification.submittedAt), desc(assessmentRectification.id));
}

/** Decide on a report still awaiting review; null when someone decided first. */
export async function decideRectification(db: Executor, id: number, values: { status: 'accepted' | 'returned'; reviewComment: string | null; reviewedBy: string }): Promise<RectificationRow | null> {
  const [row] = await db
    .update(assessmentRectification)
    .set({ ...values, reviewedAt: new Date() })
    .where(and(eq(assessmentRectification.id, id), eq(assessmentRectification.status, 'submitted')))
    .returning();
  return row ?? null;
}

/** Earlier reports of a result still awaiting review: a new report supersedes them. */
export async function withdrawPendingRectifications(db: Executor, resultId: number, by: string): Promise<void> {
  await db
    .update(assessmentRectification)
    .set({ status: 'returned', reviewComment: '已被新的整改报告取代 Superseded by a newer report', reviewedBy: by, reviewedAt: new Date() })
    .where(and(eq(assessmentRectification.resultId, resultId), eq(assessmentRectification.status, 'submitted')));
}
