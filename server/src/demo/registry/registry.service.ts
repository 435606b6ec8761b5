/**
 * The demo city's registry: market entities, products, licences, five years of archive and a few
 * entries on each credit list (§8). A seeding layer outside the domain modules: it writes only
 * through their public bulk functions — the registry and the archive through the entities module
 * (each bulk write audited there, one row each), the lists through the credit module — in one
 * transaction, with ONE audit row `credit.seed.demo` summing up the load. Then everyone is graded,
 * and only then are the red round's members chosen (whom its criteria accept by then).
 * Running it again changes nothing: it stops when the demo entities exist.
 */
import { DEFAULT_VISIBILITY } from '../../../../contracts/entities.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import {
  DEFAULT_BLACK_CRITERIA,
  DEFAULT_RED_CRITERIA,
  getCreditSettings,
  honourCandidates,
  honourGrounds,
  insertHonourRound,
  insertListEntries,
  listingReason,
  lowFineThresholdFor,
  penaltyPublicationPlan,
  recomputeEvaluations,
  seedCreditModels,
  seriousViolationClocks,
} from '../../modules/credit/index.js';
import { appendRecordsInBulk, defaultRecordTitle, registerEntitiesInBulk, usccExists } from '../../modules/entities/index.js';
import { DEMO_AUTHORS, districtStaffUsername } from '../../modules/system/index.js';
import { DEFAULT_DEMO_ENTITIES, FOOD_GROUP, generateDemoCity, pickRedMembers, type PenaltyPlanner } from './registry.rules.js';

/** Why the bulk writes happened, in their audit rows. */
const REASON = 'demo city';

export interface RegistryDemoReport {
  entitiesAdded: number;
  recordsAdded: number;
  listEntriesAdded: number;
  skipped: boolean;
}

/** The entity count: the option, else ZHILIANG_DEMO_ENTITIES, else 20,000. */
export function demoEntityCount(option?: number): number {
  const env = Number(process.env.ZHILIANG_DEMO_ENTITIES);
  const n = option ?? (Number.isInteger(env) && env > 0 ? env : DEFAULT_DEMO_ENTITIES);
  return Math.max(50, n);
}

export async function seedDemoRegistry(ctx: Ctx, opts: { entities?: number; today?: string } = {}): Promise<RegistryDemoReport> {
  const { db } = ctx;
  if (await usccExists(db, FOOD_GROUP.uscc)) return { entitiesAdded: 0, recordsAdded: 0, listEntriesAdded: 0, skipped: true };
  const today = opts.today ?? todayInChina();
  // Penalty publications planned by the lists' own rules (Order 45), with the working calendar.
  const [cal, settings] = await Promise.all([ctx.domain.calendar.get(db), getCreditSettings(db)]);
  const planner: PenaltyPlanner = (d, p, entityType) => penaltyPublicationPlan(cal, d, p, lowFineThresholdFor(settings, entityType));
  const city = generateDemoCity(demoEntityCount(opts.entities), today, planner);
  let recordsAdded = 0;
  let redRound: { id: number; title: string; publishedOn: string; validUntil: string } | null = null;
  let idOfUscc = new Map<string, number>();
  const now = Date.now();

  await db.transaction(async (tx) => {
    const ids = await registerEntitiesInBulk(
      tx,
      ctx,
      // A demo entity is the registry's fields, its products and licences, and its archive (appended below).
      city.entities.map(({ records: _records, products, ...registry }) => ({
        ...registry,
        products: products.map((x) => ({ name: x.name, category: x.category, standard: x.standard, licenceRequired: x.licenceRequired, cccRequired: x.cccRequired })),
      })),
      REASON,
    );
    idOfUscc = ids;
    const idOf = (i: number) => ids.get(city.entities[i]!.uscc)!;

    const flat = city.entities.flatMap((e, i) => e.records.map((r, ri) => ({ i, ri, r })));
    const recordIds = await appendRecordsInBulk(
      tx,
      ctx,
      flat.map(({ i, r }) => ({
        entityId: idOf(i),
        kind: r.kind,
        title: r.title,
        occurredOn: r.occurredOn,
        recordedAt: recordedAtOf(r.occurredOn, now),
        recordedBy: recorderOf(city.entities[i]!.districtCode, r.kind),
        sourceModule: 'demo',
        visibility: r.visibility,
        payload: r.payload,
      })),
      REASON,
    );
    recordsAdded = recordIds.length;
    const recordId = new Map(flat.map((f, k) => [`${f.i}:${f.ri}`, recordIds[k]!]));

    const roundIds = new Map<string, number>();
    for (const r of city.rounds) {
      const { id } = await insertHonourRound(tx, { list: r.list, title: r.title, period: r.period, criteria: { ...(r.list === 'red' ? DEFAULT_RED_CRITERIA : DEFAULT_BLACK_CRITERIA) }, status: 'published', scheduledOn: r.publishedOn, publishedOn: r.publishedOn, validUntil: r.validUntil, createdBy: DEMO_AUTHORS.qualityOffice, approvedBy: DEMO_AUTHORS.approver });
      roundIds.set(r.list, id);
      if (r.list === 'red') redRound = { id, title: r.title, publishedOn: r.publishedOn, validUntil: r.validUntil };
    }
    const entries = city.lists.map((l) => ({
      entityId: idOf(l.entity),
      list: l.list,
      districtCode: city.entities[l.entity]!.districtCode,
      grounds: l.grounds,
      groundsText: l.groundsText,
      decisionNo: l.decisionNo,
      // The penalty the entry rests on, by its own 文号 (serious-violation listings and penalty publications).
      penaltyDecisionNo: l.record === null ? null : (((city.entities[l.entity]!.records[l.record]!.payload as { decisionNo?: string }).decisionNo ?? null) as string | null),
      decisionDate: l.decisionDate,
      sourceRecordId: l.record === null ? null : recordId.get(`${l.entity}:${l.record}`)!,
      status: l.status,
      approvedBy: l.status === 'published' && l.list === 'serious-violation' ? DEMO_AUTHORS.approver : null,
      approvedAt: l.status === 'published' && l.list === 'serious-violation' ? new Date(`${l.decisionDate}T10:00:00+08:00`) : null,
      publishedOn: l.publishedOn,
      publishBy: l.publishBy ?? null,
      restrictionUntil: l.restrictionUntil ?? null,
      earlyRemovalFrom: l.earlyRemovalFrom,
      autoRemoveOn: l.autoRemoveOn,
      roundId: l.round ? roundIds.get(l.round)! : null,
      // Red and black members are compiled by the quality office; listings decided by the district bureau.
      createdBy: l.round ? DEMO_AUTHORS.qualityOffice : districtStaffUsername(city.entities[l.entity]!.districtCode, 1),
      // Serious-violation entries carry the same Order 44 clocks a real listing gets.
      ...(l.list === 'serious-violation' ? seriousViolationClocks(cal, l.decisionDate) : {}),
    }));
    const entryIds = await insertListEntries(tx, entries);
    // Each listing in force is in the entity's archive, as a real listing puts it there (the grade
    // counts it): no record for penalty publications, which rest on their penalty record.
    const roundTitle = (list: string | null) => (list ? city.rounds.find((r) => r.list === list)!.title : null);
    const listings = entries
      .map((v, k) => ({ v, id: entryIds[k]!, round: city.lists[k]!.round }))
      .filter(({ v }) => v.status === 'published' && v.list !== 'penalty-publication');
    await appendRecordsInBulk(tx, ctx, listings.map(({ v, id, round }) => listingRecord(v, id, roundTitle(round), now)), REASON);
    await appendAudit(tx, ctx, {
      action: 'credit.seed.demo',
      targetType: 'entity',
      targetId: null,
      after: { entities: city.entities.length, records: recordIds.length, listEntries: city.lists.length, today },
    });
  });
  // Grades and risk classes for the whole registry: one set-based statement per model kind.
  await seedCreditModels(db);
  await recomputeEvaluations(ctx, { trigger: 'demo' });
  const redMembers = await seedRedMembers(ctx, redRound, new Set(city.redPreferred.map((i) => idOfUscc.get(city.entities[i]!.uscc)!)), today);
  return { entitiesAdded: city.entities.length, recordsAdded, listEntriesAdded: city.lists.length + redMembers, skipped: false };
}

/**
 * Who recorded a demo record, as the generated staff of the entity's district bureau would have:
 * an inspector (-02, -03) for what supervision finds, the bureau's officer (-01) for the rest.
 */
function recorderOf(districtCode: string, kind: string): string {
  return SUPERVISION_KINDS.has(kind) ? districtStaffUsername(districtCode, kind === 'sampling' ? 3 : 2) : districtStaffUsername(districtCode, 1);
}
const SUPERVISION_KINDS: ReadonlySet<string> = new Set(['inspection', 'sampling', 'penalty', 'complaint', 'recall', 'note']);

/** Recorded on the day it happened (never in the future), so "as of" evaluations see it. */
function recordedAtOf(occurredOn: string, now: number): Date {
  return new Date(Math.min(Date.parse(`${occurredOn}T10:00:00+08:00`), now));
}

/** The archive record of a demo listing, as list.service / honour.service would append it. */
function listingRecord(
  e: { entityId: number; list: string; grounds: string; groundsText?: string | null; decisionDate: string; publishedOn?: string | null; createdBy: string; approvedBy?: string | null },
  entryId: number,
  roundTitle: string | null,
  now: number,
) {
  const payload = { list: e.list, entryId, reason: listingReason({ list: e.list, grounds: e.grounds, groundsText: e.groundsText ?? null }, roundTitle) };
  // Round members enter the archive when the round is published; other listings on their decision.
  const occurredOn = roundTitle && e.publishedOn ? e.publishedOn : e.decisionDate;
  return {
    entityId: e.entityId,
    kind: 'list_entry',
    title: defaultRecordTitle('list_entry', payload),
    occurredOn,
    recordedAt: recordedAtOf(occurredOn, now),
    recordedBy: e.approvedBy ?? e.createdBy,
    sourceModule: 'credit',
    sourceId: `list:${entryId}:entry`,
    visibility: DEFAULT_VISIBILITY.list_entry,
    payload,
  };
}

/**
 * The published red round's members, chosen once everyone is graded: whom its criteria accept now
 * (grade, no penalty within 3 years, on no list), as a compiled round would choose them. Chosen
 * earlier, a member could end up graded below the criteria (a red-list member graded A).
 */
async function seedRedMembers(ctx: Ctx, round: { id: number; title: string; publishedOn: string; validUntil: string } | null, preferred: ReadonlySet<number>, today: string): Promise<number> {
  if (!round) return 0;
  return ctx.db.transaction(async (tx) => {
    const members = pickRedMembers(await honourCandidates(tx), DEFAULT_RED_CRITERIA, today, preferred);
    const ids = await insertListEntries(
      tx,
      members.map((m) => ({
        entityId: m.entityId,
        list: 'red',
        districtCode: m.districtCode,
        ...honourGrounds('red', DEFAULT_RED_CRITERIA, m),
        decisionDate: round.publishedOn,
        status: 'published',
        publishedOn: round.publishedOn,
        autoRemoveOn: round.validUntil,
        roundId: round.id,
        createdBy: DEMO_AUTHORS.qualityOffice,
      })),
    );
    const memberRows = members.map((m) => ({
      entityId: m.entityId,
      list: 'red',
      ...honourGrounds('red', DEFAULT_RED_CRITERIA, m),
      decisionDate: round.publishedOn,
      publishedOn: round.publishedOn,
      createdBy: DEMO_AUTHORS.qualityOffice,
      approvedBy: DEMO_AUTHORS.approver,
    }));
    await appendRecordsInBulk(tx, ctx, memberRows.map((v, k) => listingRecord(v, ids[k]!, round.title, Date.now())), REASON);
    await appendAudit(tx, ctx, { action: 'credit.seed.demo', targetType: 'credit_honour', targetId: round.id, after: { redMembers: members.length } });
    return members.length;
  });
}
