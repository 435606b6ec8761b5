/** The demo assessment's own reads and the dating of its rows on the days its steps happened. */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { assessmentInput, assessmentRectification, assessmentResult, assessmentScheme } from '../assessment.table.js';

export async function findSchemeByName(db: Executor, name: string): Promise<{ id: number } | null> {
  const [row] = await db.select({ id: assessmentScheme.id }).from(assessmentScheme).where(eq(assessmentScheme.name, name)).limit(1);
  return row ?? null;
}

export async function backdateScheme(
  db: Executor,
  b: { schemeId: number; createdAt: Date; enteredAt: Date; scoredAt: Date; publishedAt: Date; rectifications: { id: number; submittedAt: Date; reviewedAt: Date | null }[] },
): Promise<void> {
  await db.update(assessmentScheme).set({ createdAt: b.createdAt, updatedAt: b.publishedAt, scoredAt: b.scoredAt, publishedAt: b.publishedAt }).where(eq(assessmentScheme.id, b.schemeId));
  await db.update(assessmentInput).set({ updatedAt: b.enteredAt }).where(eq(assessmentInput.schemeId, b.schemeId));
  await db.update(assessmentResult).set({ scoredAt: b.scoredAt }).where(eq(assessmentResult.schemeId, b.schemeId));
  for (const r of b.rectifications) {
    await db.update(assessmentRectification).set({ submittedAt: r.submittedAt, reviewedAt: r.reviewedAt }).where(eq(assessmentRectification.id, r.id));
  }
}

/** Ids of a scheme's results, by department. */
export async function resultIdsOf(db: Executor, schemeId: number): Promise<Map<number, number>> {
  const rows = await db.select({ id: assessmentResult.id, deptId: assessmentResult.deptId }).from(assessmentResult).where(inArray(assessmentResult.schemeId, [schemeId]));
  return new Map(rows.map((r) => [r.deptId, r.id]));
}
