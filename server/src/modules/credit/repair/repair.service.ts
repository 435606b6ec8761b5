/**
 * Credit repair (信用修复) and objections to abnormal-list listings (异议): the enterprise applies
 * against one of its entries, the conditions are checked against the archive, the handling office
 * accepts and decides within the statutory working days, and an approval removes the entry (through
 * the lists use case) in the same transaction as the archive record.
 */
import { createHash } from 'node:crypto';
import type { Page } from '../../../../../contracts/common.js';
import type {
  AbnormalCure,
  Application,
  ApplicationKind,
  ApplicationListQuery,
  RepairAlerts,
  RepairCheck,
  RepairCondition,
  RepairTarget,
} from '../../../../../contracts/credit-repair.js';
import { pickLang } from '../../../../../contracts/i18n.js';
import type { Executor } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Ctx } from '../../../platform/context.js';
import { filesOf, findFile, insertFile, type StoredFileRow } from '../../../platform/files/file.repository.js';
import { ATTACHMENT_EXTENSIONS, attachmentMime, cleanFilename } from '../../../platform/files/file.rules.js';
import { AppError } from '../../../platform/http/errors.js';
import { appendRecord, effectiveRecords, findEntityById, loadEntityForRead, type EntityRow } from '../../entities/index.js';
import { namesOf, type NameOf } from '../../system/index.js';
import { getCreditSettings } from '../lists/list-settings.service.js';
import { removeEntry } from '../lists/list.service.js';
import { lowFineThresholdFor } from '../lists/lists.rules.js';
import {
  activeEntriesOf,
  countAlerts,
  findApplication,
  findListEntry,
  insertApplication,
  listApplications as listApplicationRows,
  openApplicationOn,
  updateApplication,
  type ApplicationJoined,
  type EntryRow,
} from './repair.repository.js';
import {
  ACTIVE_ENTRY_STATUSES,
  checkRepairConditions,
  countdown,
  objectionLastDay,
  objectionWindow,
  repairTargetOf,
  stepDays,
  type PenaltyFact,
} from './repair.rules.js';

/** The working-day calendar, loaded by the system module (passed in by the routes). */
export type CalendarSource = (ctx: Ctx) => Promise<WorkingCalendar>;

/** Stored files of applications carry this owner type. */
const FILE_OWNER = 'credit_application';
/** Proof attachments per application. */
export const MAX_APPLICATION_FILES = 20;

const TARGET_LABEL: Record<RepairTarget, string> = {
  early_removal: '提前移出严重违法失信名单',
  stop_publication: '提前停止公示行政处罚信息',
  abnormal_cure: '移出经营异常名录',
};

function toDto(r: ApplicationJoined, files: Awaited<ReturnType<typeof filesOf>>, calendar: WorkingCalendar, today: string, nameOf: NameOf): Application {
  const a = r.app;
  const closed = a.status === 'not_accepted' || a.status === 'withdrawn';
  const decidedStatus = a.status === 'approved' || a.status === 'denied';
  return {
    id: a.id,
    kind: a.kind as ApplicationKind,
    entityId: a.entityId,
    uscc: r.uscc,
    entityName: r.entityName,
    districtCode: a.districtCode,
    entryId: a.entryId,
    list: r.list,
    target: (a.target as RepairTarget | null) ?? null,
    status: a.status as Application['status'],
    reason: a.reason,
    commitment: a.commitment,
    conditions: a.conditions,
    files: files.filter((f) => f.ownerId === a.id).map((f) => ({ id: f.id, filename: f.filename, mimetype: f.mimetype, size: f.size, uploadedAt: f.uploadedAt.toISOString() })),
    submittedOn: a.submittedOn,
    submittedBy: a.submittedBy,
    submittedByName: nameOf(a.submittedBy),
    handledBy: a.handledBy,
    handledByName: nameOf(a.handledBy),
    decisionComment: a.decisionComment,
    accept: countdown(calendar, today, a.acceptBy, a.acceptedOn ?? (a.status === 'not_accepted' ? a.decidedOn : null)),
    decide: countdown(calendar, today, closed ? null : a.decideBy, decidedStatus ? a.decidedOn : null),
    stopPublication: countdown(calendar, today, a.status === 'approved' ? a.stopBy : null, r.publicationStoppedOn),
    version: a.version,
  };
}

async function dto(ctx: Ctx, calendarOf: CalendarSource, id: number): Promise<Application> {
  const row = await findApplication(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [files, calendar, nameOf] = await Promise.all([filesOf(ctx.db, FILE_OWNER, [id]), calendarOf(ctx), namesOf(ctx.db, [row.app.submittedBy, row.app.handledBy])]);
  return toDto(row, files, calendar, todayInChina(), nameOf);
}

function penaltyFacts(records: Awaited<ReturnType<typeof effectiveRecords>>): PenaltyFact[] {
  return records.map((r) => {
    const p = r.payload as Record<string, unknown>;
    return {
      recordId: r.id,
      occurredOn: r.occurredOn,
      decisionNo: String(p.decisionNo ?? ''),
      penaltyTypes: Array.isArray(p.penaltyTypes) ? (p.penaltyTypes as string[]) : [],
      amount: typeof p.amount === 'number' ? p.amount : null,
      violation: String(p.violation ?? ''),
      domain: String(p.domain ?? 'other'),
      carriedOut: p.carriedOut === true,
      restrictionYears: typeof p.restrictionYears === 'number' ? p.restrictionYears : null,
    };
  });
}

/** The repair conditions of `entry` as the archive stands now. */
async function evaluate(db: Executor, entry: EntryRow, ent: EntityRow, input: { harmRemoved: string | null; cure: AbnormalCure | null }, today: string): Promise<{ target: RepairTarget; conditions: RepairCondition[] }> {
  const target = repairTargetOf(entry.list);
  if (!target) throw new AppError('LIST_STEP_INVALID', { message: { zh: '红黑榜不适用信用修复', en: 'Red and black lists are not repaired' } });
  const penalties = penaltyFacts(await effectiveRecords(db, ent.id, { kinds: ['penalty'] }));
  // The entry names its penalty record; a corrected record is found again by its decision number.
  const penalty = penalties.find((p) => p.recordId === entry.sourceRecordId) ?? (entry.decisionNo ? penalties.find((p) => p.decisionNo === entry.decisionNo) : undefined) ?? null;
  const others = (await activeEntriesOf(db, ent.id)).filter((e) => e.id !== entry.id).map((e) => e.list);
  const conditions = checkRepairConditions(target, {
    today,
    entry: { id: entry.id, list: entry.list, status: entry.status, grounds: entry.grounds, decisionDate: entry.decisionDate, publishedOn: entry.publishedOn, restrictionUntil: entry.restrictionUntil },
    penalty,
    penalties,
    otherActiveLists: others,
    harmRemoved: input.harmRemoved,
    cure: input.cure,
    lowFineThresholdYuan: lowFineThresholdFor(await getCreditSettings(db), ent.entityType),
  });
  return { target, conditions };
}

/** The entry and its entity, visible to the actor (enterprises: their own only), and still in force. */
async function loadActiveEntry(ctx: Ctx, entryId: number, db: Executor = ctx.db): Promise<{ entry: EntryRow; ent: EntityRow }> {
  const entry = await findListEntry(db, entryId);
  if (!entry) throw new AppError('NOT_FOUND');
  const found = await findEntityById(db, entry.entityId);
  if (!found) throw new AppError('NOT_FOUND');
  const ent = await loadEntityForRead(ctx, found.uscc, db);
  if (!(ACTIVE_ENTRY_STATUSES as readonly string[]).includes(entry.status)) {
    throw new AppError('LIST_STEP_INVALID', { message: { zh: '该名单记录不在列入状态', en: 'The entry is not in force' } });
  }
  return { entry, ent };
}

function unmet(conditions: RepairCondition[]): RepairCondition[] {
  return conditions.filter((c) => !c.met);
}

function refuseUnmet(conditions: RepairCondition[]): never {
  const missing = unmet(conditions);
  throw new AppError('REPAIR_CONDITIONS_UNMET', {
    details: missing,
    message: {
      zh: `不符合信用修复条件：${missing.map((c) => pickLang(c.detail, 'zh')).join('；')}`,
      en: `The conditions for credit repair are not met: ${missing.map((c) => pickLang(c.detail, 'en')).join('; ')}`,
    },
  });
}

/** The enterprise's dry run: which conditions the entry meets today. */
export async function checkRepair(ctx: Ctx, entryId: number, input: { harmRemoved: string | null; cure: AbnormalCure | null }): Promise<RepairCheck> {
  const { entry, ent } = await loadActiveEntry(ctx, entryId);
  const { target, conditions } = await evaluate(ctx.db, entry, ent, input, todayInChina());
  return { entryId, target, eligible: unmet(conditions).length === 0, conditions };
}

/** Lodge a repair application; refused (409) when a condition is unmet or one is already open. */
export async function applyForRepair(
  ctx: Ctx,
  calendarOf: CalendarSource,
  body: { entryId: number; reason: string; commitment: string; harmRemoved: string; cure: AbnormalCure | null },
): Promise<Application> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  const id = await ctx.db.transaction(async (tx) => {
    const { entry, ent } = await loadActiveEntry(ctx, body.entryId, tx);
    if (await openApplicationOn(tx, entry.id, 'repair')) throw new AppError('REPAIR_PENDING');
    const { target, conditions } = await evaluate(tx, entry, ent, body, today);
    if (unmet(conditions).length > 0) refuseUnmet(conditions);
    const days = stepDays('repair', target);
    const row = await insertApplication(tx, {
      entityId: ent.id,
      entryId: entry.id,
      kind: 'repair',
      target,
      districtCode: ent.districtCode,
      status: 'submitted',
      reason: body.reason,
      commitment: body.commitment,
      harmRemoved: body.harmRemoved,
      cure: body.cure,
      conditions,
      submittedOn: today,
      acceptBy: calendar.addWorkingDays(today, days.accept),
      // Abnormal list: the 5 working days run from the application (Order 101 Art. 11–14).
      decideBy: days.decideFrom === 'submitted' ? calendar.addWorkingDays(today, days.decide) : null,
      submittedBy: ctx.actor.username,
    });
    if (!row) throw new AppError('REPAIR_PENDING');
    await appendAudit(tx, ctx, { action: 'credit.repair.apply', targetType: 'credit_repair', targetId: row.id, after: { entryId: entry.id, target, acceptBy: row.acceptBy } });
    return row.id;
  });
  return dto(ctx, calendarOf, id);
}

/** Object to an abnormal-list listing within 30 days of its publication (Order 101 Art. 15). */
export async function lodgeObjection(ctx: Ctx, calendarOf: CalendarSource, body: { entryId: number; reason: string }): Promise<Application> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  const id = await ctx.db.transaction(async (tx) => {
    const { entry, ent } = await loadActiveEntry(ctx, body.entryId, tx);
    if (entry.list !== 'abnormal') {
      throw new AppError('LIST_STEP_INVALID', { message: { zh: '异议程序仅适用于经营异常名录', en: 'Objections apply to the abnormal-operations list' } });
    }
    if (await openApplicationOn(tx, entry.id, 'objection')) {
      throw new AppError('REPAIR_PENDING', { message: { zh: '已有办理中的异议', en: 'An objection is already in progress' } });
    }
    const window = objectionWindow(calendar, entry.publishedOn, today);
    if (!window.met) {
      const last = objectionLastDay(calendar, entry.publishedOn!);
      throw new AppError('OBJECTION_PERIOD_OVER', {
        details: { publishedOn: entry.publishedOn, lastDay: last },
        message: { zh: `异议期限已于 ${last} 届满（公示之日起 30 日内）`, en: `The objection period ended on ${last} (30 days from publication)` },
      });
    }
    const days = stepDays('objection', null);
    const row = await insertApplication(tx, {
      entityId: ent.id,
      entryId: entry.id,
      kind: 'objection',
      target: null,
      districtCode: ent.districtCode,
      status: 'submitted',
      reason: body.reason,
      conditions: [window],
      submittedOn: today,
      acceptBy: calendar.addWorkingDays(today, days.accept),
      submittedBy: ctx.actor.username,
    });
    if (!row) throw new AppError('REPAIR_PENDING', { message: { zh: '已有办理中的异议', en: 'An objection is already in progress' } });
    await appendAudit(tx, ctx, { action: 'credit.objection.submit', targetType: 'credit_objection', targetId: row.id, after: { entryId: entry.id, acceptBy: row.acceptBy } });
    return row.id;
  });
  return dto(ctx, calendarOf, id);
}

/** Load an application the actor may see (data scope; enterprises their own). */
async function loadApplication(ctx: Ctx, id: number, kind?: ApplicationKind, db: Executor = ctx.db): Promise<ApplicationJoined> {
  const row = await findApplication(db, id);
  if (!row || (kind && row.app.kind !== kind)) throw new AppError('NOT_FOUND');
  await loadEntityForRead(ctx, row.uscc, db);
  return row;
}

export async function getApplication(ctx: Ctx, calendarOf: CalendarSource, id: number, kind?: ApplicationKind): Promise<Application> {
  await loadApplication(ctx, id, kind);
  return dto(ctx, calendarOf, id);
}

export async function listApplications(ctx: Ctx, calendarOf: CalendarSource, q: ApplicationListQuery): Promise<Page<Application>> {
  const today = todayInChina();
  const { rows, total } = await listApplicationRows(ctx.db, ctx.scope, q, today);
  const files = await filesOf(
    ctx.db,
    FILE_OWNER,
    rows.map((r) => r.app.id),
  );
  const calendar = await calendarOf(ctx);
  const nameOf = await namesOf(ctx.db, rows.flatMap((r) => [r.app.submittedBy, r.app.handledBy]));
  return { items: rows.map((r) => toDto(r, files, calendar, today, nameOf)), total, page: q.page, pageSize: q.pageSize };
}

/** Attach a proof file while the application is being handled; only the applicant's side may. */
export async function attachToApplication(ctx: Ctx, calendarOf: CalendarSource, id: number, file: { filename: string; data: Buffer }, kind?: ApplicationKind): Promise<Application> {
  const row = await loadApplication(ctx, id, kind);
  const own = ctx.scope.enterpriseUscc === row.uscc || ctx.actor.username === row.app.submittedBy;
  if (!own) throw new AppError('NOT_YOUR_ENTITY');
  if (row.app.status !== 'submitted' && row.app.status !== 'accepted') throw new AppError('LIST_STEP_INVALID');
  const filename = cleanFilename(file.filename);
  const mimetype = attachmentMime(filename);
  if (!mimetype) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', {
      message: { zh: `不支持的附件类型，可上传：${ATTACHMENT_EXTENSIONS.join('、')}`, en: `Unsupported attachment type; accepted: ${ATTACHMENT_EXTENSIONS.join(', ')}` },
    });
  }
  if (row.app.fileIds.length >= MAX_APPLICATION_FILES) {
    throw new AppError('VALIDATION_FAILED', { message: { zh: `每份申请最多 ${MAX_APPLICATION_FILES} 个附件`, en: `At most ${MAX_APPLICATION_FILES} files per application` } });
  }
  await ctx.db.transaction(async (tx) => {
    const meta = await insertFile(tx, {
      ownerType: FILE_OWNER,
      ownerId: id,
      filename,
      mimetype,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      uploadedBy: ctx.actor.username,
    });
    const updated = await updateApplication(tx, id, row.app.version, { fileIds: [...row.app.fileIds, meta.id] });
    if (!updated) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'credit.repair.attach', targetType: 'stored_file', targetId: meta.id, after: { applicationId: id, filename, size: meta.size, sha256: meta.sha256 } });
  });
  return dto(ctx, calendarOf, id);
}

/** A proof file, for whoever may see the application. */
export async function getApplicationFile(ctx: Ctx, id: number, fileId: number): Promise<StoredFileRow> {
  await loadApplication(ctx, id);
  const file = await findFile(ctx.db, fileId);
  if (!file || file.ownerType !== FILE_OWNER || file.ownerId !== id) throw new AppError('NOT_FOUND');
  return file;
}

/** Accept (or refuse to accept, with reasons) within the acceptance deadline. */
export async function acceptApplication(ctx: Ctx, calendarOf: CalendarSource, id: number, body: { accept: boolean; comment: string | null }, kind?: ApplicationKind): Promise<Application> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  await ctx.db.transaction(async (tx) => {
    const row = await loadApplication(ctx, id, kind, tx);
    const a = row.app;
    if (a.status !== 'submitted') throw new AppError('LIST_STEP_INVALID');
    const days = stepDays(a.kind as ApplicationKind, a.target as RepairTarget | null);
    const values = body.accept
      ? {
          status: 'accepted',
          acceptedOn: today,
          decideBy: days.decideFrom === 'accepted' ? calendar.addWorkingDays(today, days.decide) : a.decideBy,
          handledBy: ctx.actor.username,
          decisionComment: body.comment,
        }
      : { status: 'not_accepted', decidedOn: today, handledBy: ctx.actor.username, decisionComment: body.comment };
    const updated = await updateApplication(tx, id, a.version, values);
    if (!updated) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, {
      action: a.kind === 'objection' ? 'credit.objection.accept' : 'credit.repair.accept',
      targetType: a.kind === 'objection' ? 'credit_objection' : 'credit_repair',
      targetId: id,
      before: { status: a.status },
      after: { status: updated.status, decideBy: updated.decideBy, comment: body.comment },
    });
  });
  return dto(ctx, calendarOf, id);
}

/**
 * Decide an accepted application. A repair is approved only when the conditions, re-checked now,
 * still hold; approval removes the entry through the lists use case and publication must stop
 * within the stop deadline. Repairs leave a `credit_repair` archive record either way.
 */
export async function decideApplication(ctx: Ctx, calendarOf: CalendarSource, id: number, body: { approve: boolean; comment: string }, kind?: ApplicationKind): Promise<Application> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  await ctx.db.transaction(async (tx) => {
    const row = await loadApplication(ctx, id, kind, tx);
    const a = row.app;
    if (a.status !== 'accepted') throw new AppError('LIST_STEP_INVALID');
    const entry = await findListEntry(tx, a.entryId);
    if (!entry) throw new AppError('NOT_FOUND');
    const ent = (await findEntityById(tx, a.entityId))!;
    const isRepair = a.kind === 'repair';
    let conditions = a.conditions;
    if (isRepair) {
      if (!(ACTIVE_ENTRY_STATUSES as readonly string[]).includes(entry.status)) throw new AppError('LIST_STEP_INVALID');
      conditions = (await evaluate(tx, entry, ent, { harmRemoved: a.harmRemoved, cure: (a.cure as AbnormalCure | null) ?? null }, today)).conditions;
      if (body.approve && unmet(conditions).length > 0) refuseUnmet(conditions);
    }
    const days = stepDays(a.kind as ApplicationKind, a.target as RepairTarget | null);
    const updated = await updateApplication(tx, id, a.version, {
      status: body.approve ? 'approved' : 'denied',
      decidedOn: today,
      decisionComment: body.comment,
      handledBy: ctx.actor.username,
      conditions,
      stopBy: body.approve ? calendar.addWorkingDays(today, days.stop) : null,
    });
    if (!updated) throw new AppError('CONFLICT');
    if (body.approve) {
      await removeEntry(tx, ctx, a.entryId, {
        kind: !isRepair ? 'objection' : a.target === 'abnormal_cure' ? 'cure' : 'early',
        reason: body.comment,
        decidedOn: today,
      });
    }
    if (isRepair) {
      const target = a.target as RepairTarget;
      await appendRecord(tx, ctx, {
        entityId: a.entityId,
        kind: 'credit_repair',
        occurredOn: today,
        title: `信用修复：${TARGET_LABEL[target]}（${body.approve ? '准予' : '不予'}）`,
        payload: { applicationId: id, target, result: body.approve ? 'approved' : 'denied' },
        sourceModule: 'credit',
        sourceId: `application:${id}`,
      });
    }
    await appendAudit(tx, ctx, {
      action: isRepair ? 'credit.repair.decide' : 'credit.objection.decide',
      targetType: isRepair ? 'credit_repair' : 'credit_objection',
      targetId: id,
      before: { status: a.status },
      after: { status: updated.status, stopBy: updated.stopBy, comment: body.comment },
    });
  });
  return dto(ctx, calendarOf, id);
}

/** Overdue steps in the actor's scope, for the dashboard. */
export async function repairAlerts(ctx: Ctx, calendarOf: CalendarSource): Promise<RepairAlerts> {
  const today = todayInChina();
  const soonBy = (await calendarOf(ctx)).addWorkingDays(today, 2);
  const n = await countAlerts(ctx.db, ctx.scope, today, soonBy);
  return { acceptOverdue: n.accept, decideOverdue: n.decide, stopOverdue: n.stop, total: n.accept + n.decide + n.stop, dueSoon: n.soon };
}
