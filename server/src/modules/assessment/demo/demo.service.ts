/**
 * The demo city's assessment of last year, through the real use cases: the quality office creates
 * the district scheme and enters its figures, scores (task figures come from the demo plan's tasks
 * due that year), and its chief publishes the results — the 通报 gets its 发文字号 from the
 * configured issuer; then districts that must rectify report and the office accepts some. Rows are
 * dated early this year (never after today), with one audit row saying so. Running it again
 * changes nothing: it stops when the scheme exists.
 */
import type { Database } from '../../../db/client.js';
import type { Domain } from '../../../platform/context.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { addCalendarDays } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { ctxOfUser, DEMO_AUTHORS, demoReporterOf } from '../../system/index.js';
import { saveInputs } from '../input.service.js';
import { reviewRectification, submitRectification } from '../rectification.service.js';
import { listResults, publishAssessment, scoreAssessment } from '../result.service.js';
import { createScheme } from '../scheme.service.js';
import { backdateScheme, findSchemeByName } from './demo.repository.js';
import { demoAssessmentDates, demoInputs, demoScheme, demoSchemeName, RECTIFICATION_TEXT, rectificationFate } from './demo.rules.js';

export interface AssessmentDemoReport {
  skipped: boolean;
  schemeId: number;
  docNumber: string | null;
  units: number;
  rectifications: number;
}

function stamp(date: string, time: string, now: Date): Date {
  const at = new Date(`${date}T${time}:00+08:00`);
  return at.getTime() > now.getTime() ? now : at;
}

/** Load the assessment of `year` (the demo plan's first year). */
export async function seedAssessmentDemo(db: Database, domain: Domain, opts: { year: number; today?: string }): Promise<AssessmentDemoReport> {
  const existing = await findSchemeByName(db, demoSchemeName(opts.year));
  if (existing) return { skipped: true, schemeId: existing.id, docNumber: null, units: 0, rectifications: 0 };
  const today = opts.today ?? todayInChina();
  const now = new Date(Math.min(Date.now(), Date.parse(`${today}T23:59:00+08:00`)));
  const dates = demoAssessmentDates(opts.year, today);
  const [office, chief] = await Promise.all([ctxOfUser(db, domain, DEMO_AUTHORS.qualityOffice), ctxOfUser(db, domain, DEMO_AUTHORS.approver)]);

  const scheme = await createScheme(office, demoScheme(opts.year));
  await saveInputs(office, scheme.id, { units: demoInputs(scheme.units.map((u) => u.deptId)) });
  await scoreAssessment(office, scheme.id);
  const published = await publishAssessment(chief, scheme.id);

  // Districts that must rectify: some have reported (and of those, some were accepted).
  const { items } = await listResults(office, scheme.id);
  const order = new Map(scheme.units.map((u, i) => [u.deptId, i]));
  const rectifications: { id: number; submittedAt: Date; reviewedAt: Date | null }[] = [];
  for (const r of items.filter((x) => x.needsRectification)) {
    const fate = rectificationFate(order.get(r.deptId) ?? 0);
    const reporter = demoReporterOf({ name: r.deptName });
    if (fate === 'none' || !reporter) continue;
    const submitted = addCalendarDays(dates.published, 20);
    const rect = await submitRectification(await ctxOfUser(db, domain, reporter), r.id, { ...RECTIFICATION_TEXT, completionDate: addCalendarDays(dates.published, 90) });
    let reviewedAt: Date | null = null;
    if (fate === 'accepted') {
      await reviewRectification(office, rect.id, { decision: 'accept', comment: '整改措施具体可行，同意。' });
      reviewedAt = stamp(addCalendarDays(submitted, 5) > today ? today : addCalendarDays(submitted, 5), '15:00', now);
    }
    rectifications.push({ id: rect.id, submittedAt: stamp(submitted > today ? today : submitted, '10:00', now), reviewedAt });
  }

  await db.transaction(async (tx) => {
    await backdateScheme(tx, {
      schemeId: scheme.id,
      createdAt: stamp(dates.created, '09:30', now),
      enteredAt: stamp(dates.entered, '16:00', now),
      scoredAt: stamp(dates.scored, '10:00', now),
      publishedAt: stamp(dates.published, '11:00', now),
      rectifications,
    });
    await appendAudit(tx, office, {
      action: 'assessment.seed.demo',
      targetType: 'assessment_scheme',
      targetId: scheme.id,
      after: { today, year: opts.year, published: dates.published, docNumber: published.docNumber, rectifications: rectifications.length },
    });
  });
  return { skipped: false, schemeId: scheme.id, docNumber: published.docNumber, units: scheme.units.length, rectifications: rectifications.length };
}
