/**
 * Credit lists (信用名单) with their statutory clocks: listing decisions, the higher bureau's approval
 * (Order 44 Art. 22), publication, cure and removal, revocation, and the dashboard alerts. Penalty publications
 * (Order 45) are in penalty-publication.service.ts, the clock in clock/list-clock.ts. Every write is one
 * transaction with its audit row and, when the entity's standing changes, its archive record.
 */
import type { ApproveListEntryBody, CreateListEntryBody, CureListEntryBody, ListAlerts, ListEntry, ListEntryQuery, RemovalKind, RemoveListEntryBody, RevokeListEntryBody } from '../../../../../contracts/credit-lists.js';
import type { Page } from '../../../../../contracts/common.js';
import type { PenaltyPayload } from '../../../../../contracts/entities.js';
import type { Database, Executor, Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { type CalendarProvider, type Ctx } from '../../../platform/context.js';
import { FULL_SCOPE, recordInScope } from '../../../platform/data-scope/data-scope.js';
import { AppError } from '../../../platform/http/errors.js';
import { assertPublishable } from '../../../platform/publication/publishable.js';
import { appendRecord, effectiveRecords, findEntityByUscc, loadEntityForRead } from '../../entities/index.js';
import { createCalendarStore, NO_NAMES } from '../../system/index.js';
import { abnormalListingClocks, abnormalRemoveBy, checkEarlyRemoval, seriousViolationClocks, listingReason, stopPublicationBy, withFlag } from './lists.rules.js';
import { countLateFlags, entriesOfEntity, findActiveEntry, findEntry, insertEntry, listEntries as listEntryRows, lockEntry, openStepEntries, updateEntry, type EntryRow, type EntryWithEntity } from './lists.repository.js';
import { dtoOf, entryDtos, toEntryDto } from './entry-dto.js';


// ── Reading ───────────────────────────────────────────────────────────────────

/** An entry the user may see; out of scope is 404 like any other missing record. */
async function loadVisible(ctx: Ctx, db: Executor, id: number, lock = false): Promise<EntryWithEntity> {
  const row = lock ? await lockEntry(db, id) : await findEntry(db, id);
  if (!row || !recordInScope(ctx.scope, { jurisdictionCode: row.districtCode, enterpriseUscc: row.uscc })) throw new AppError('NOT_FOUND');
  return row;
}

export async function getListEntry(ctx: Ctx, id: number): Promise<ListEntry> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  const [dto] = await entryDtos(ctx.db, [await loadVisible(ctx, ctx.db, id)], cal, todayInChina());
  return dto!;
}

export async function listListEntries(ctx: Ctx, q: ListEntryQuery): Promise<Page<ListEntry>> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  const today = todayInChina();
  const { rows, total } = await listEntryRows(ctx.db, ctx.scope, q, today);
  return { items: await entryDtos(ctx.db, rows, cal, today), total, page: q.page, pageSize: q.pageSize };
}

/** An entity's entries (enterprise users: only their own entity, 403 otherwise). Red/black drafts stay internal. */
export async function entityListEntries(ctx: Ctx, uscc: string): Promise<ListEntry[]> {
  const e = await loadEntityForRead(ctx, uscc);
  const cal = await ctx.domain.calendar.get(ctx.db);
  const today = todayInChina();
  const rows = await entriesOfEntity(ctx.db, e.id);
  const own = ctx.scope.enterpriseUscc === uscc && !ctx.scope.all && ctx.scope.jurisdictionPrefixes.length === 0;
  const visible = rows.filter((r) => !own || !['pending_approval', 'rejected'].includes(r.status));
  return entryDtos(ctx.db, visible, cal, today);
}

/** The dashboard's view: open steps past their deadline, those due within 5 working days, and steps taken late. */
export async function listAlerts(ctx: Ctx): Promise<ListAlerts> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  const today = todayInChina();
  const rows = await openStepEntries(ctx.db, ctx.scope);
  const dtos = (await entryDtos(ctx.db, rows, cal, today)).filter((d) => d.nextStep !== null);
  const overdue = dtos.filter((d) => d.nextStep!.overdue);
  const dueSoon = dtos.filter((d) => !d.nextStep!.overdue && d.nextStep!.workingDaysLeft !== null && d.nextStep!.workingDaysLeft <= 5);
  const byStep: Record<string, number> = {};
  for (const d of overdue) byStep[d.nextStep!.step] = (byStep[d.nextStep!.step] ?? 0) + 1;
  // Listings waiting for an approver other than their author (Order 44 Art. 22: never the decider).
  const awaitingApproval = dtos.filter((d) => d.nextStep!.step === 'approve' && d.createdBy !== ctx.actor.username).length;
  return { today, overdue: overdue.length, dueSoon: dueSoon.length, missed: await countLateFlags(ctx.db, ctx.scope), awaitingApproval, byStep, items: [...overdue, ...dueSoon].slice(0, 200) };
}

// ── Listing ───────────────────────────────────────────────────────────────────

/** Append the archive record of a listing (list_entry) or removal (list_removal); idempotent by source id. */
async function archive(tx: Transaction, ctx: Ctx, row: EntryRow, kind: 'list_entry' | 'list_removal', occurredOn: string, reason: string): Promise<void> {
  await appendRecord(tx, ctx, {
    entityId: row.entityId,
    kind,
    occurredOn,
    payload: { list: row.list, entryId: row.id, reason: reason.slice(0, 500) },
    sourceModule: 'credit',
    sourceId: `list:${row.id}:${kind === 'list_entry' ? 'entry' : 'removal'}`,
  });
}

function notFuture(date: string, field: string, today: string): void {
  if (date > today) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: field, code: 'future', message: { zh: `日期 ${date} 不能晚于今天`, en: `${date} is in the future` } }],
      message: { zh: `日期 ${date} 不能晚于今天`, en: `The date ${date} is in the future` },
    });
  }
}

/**
 * A listing decision. Serious-violation listings wait for the higher bureau's approval (Order 44
 * Art. 22); abnormal-list listings take effect at once (Order 101 Art. 5).
 */
export async function createListEntry(ctx: Ctx, body: CreateListEntryBody): Promise<ListEntry & { warning: string | null }> {
  const today = todayInChina();
  // The grounds text is published with the entry (the portal's lists and lookup).
  assertPublishable({ groundsText: body.groundsText });
  const e = await findEntityByUscc(ctx.db, body.uscc.toUpperCase());
  if (!e) throw new AppError('ENTITY_UNKNOWN', { details: { uscc: body.uscc } });
  if (!recordInScope(ctx.scope, { jurisdictionCode: e.districtCode, enterpriseUscc: e.uscc })) throw new AppError('NOT_FOUND');
  const cal = await ctx.domain.calendar.get(ctx.db);
  let values: Parameters<typeof insertEntry>[1];
  if (body.list === 'serious-violation') {
    notFuture(body.decisionDate, 'decisionDate', today);
    const penalties = await effectiveRecords(ctx.db, e.id, { kinds: ['penalty'] });
    const penalty = penalties.find((r) => (r.payload as PenaltyPayload).decisionNo?.trim() === body.penaltyDecisionNo);
    const restrictionYears = body.restrictionYears ?? (penalty ? (penalty.payload as PenaltyPayload).restrictionYears : null);
    const clocks = seriousViolationClocks(cal, body.decisionDate, restrictionYears);
    values = {
      entityId: e.id,
      list: 'serious-violation',
      districtCode: e.districtCode,
      grounds: body.grounds,
      groundsText: body.groundsText ?? null,
      decisionNo: body.decisionNo,
      penaltyDecisionNo: body.penaltyDecisionNo,
      decisionDate: body.decisionDate,
      sourceRecordId: penalty?.id ?? null,
      deptId: ctx.actor.deptId,
      status: 'pending_approval',
      ...clocks,
      // Stored with the entry and shown as data, in the language the entry is kept in (one, not both at once).
      warning: penalty ? null : `档案中没有文号为「${body.penaltyDecisionNo}」的行政处罚记录，请核对或先录入处罚记录`,
      createdBy: ctx.actor.username,
    };
  } else {
    const decisionDate = body.decisionDate ?? today;
    notFuture(decisionDate, 'decisionDate', today);
    notFuture(body.triggerDate, 'triggerDate', today);
    if (body.triggerDate > decisionDate) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'triggerDate', code: 'order', message: { zh: '事由发生日期不能晚于列入日期', en: 'The trigger date must not be after the listing date' } }] });
    }
    const clocks = abnormalListingClocks(cal, body.triggerDate, decisionDate);
    values = {
      entityId: e.id,
      list: 'abnormal',
      districtCode: e.districtCode,
      grounds: body.grounds,
      groundsText: body.groundsText ?? null,
      decisionNo: body.decisionNo ?? null,
      decisionDate,
      triggerDate: body.triggerDate,
      deptId: ctx.actor.deptId,
      status: 'listed',
      publishBy: clocks.publishBy,
      flags: clocks.late ? ['listed_late'] : [],
      createdBy: ctx.actor.username,
    };
  }
  const id = await ctx.db.transaction(async (tx) => {
    if (await findActiveEntry(tx, e.id, body.list)) throw new AppError('LIST_ENTRY_ACTIVE', { details: { uscc: e.uscc, list: body.list } });
    const row = await insertEntry(tx, values);
    await appendAudit(tx, ctx, { action: 'credit.list.create', targetType: 'credit_list_entry', targetId: row.id, after: { ...values } });
    if (row.status === 'listed') await archive(tx, ctx, row, 'list_entry', row.decisionDate, listingReason(row));
    return row.id;
  });
  const dto = await dtoOf(ctx.db, id, cal);
  return dto;
}

/** The higher bureau approves (the entry is listed and its archive record written) or rejects; never its author. */
export async function approveListEntry(ctx: Ctx, id: number, body: ApproveListEntryBody): Promise<ListEntry> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const row = await loadVisible(ctx, tx, id, true);
    if (row.roundId !== null) {
      // A member of a red or black round is approved with its round, never on its own.
      throw new AppError('LIST_STEP_INVALID', {
        details: { status: row.status, roundId: row.roundId },
        message: { zh: '红黑榜成员随榜单一并审批，不能单独审批', en: 'Members of a red or black round are approved with the round, not one by one' },
      });
    }
    if (row.status !== 'pending_approval') throw new AppError('LIST_STEP_INVALID', { details: { status: row.status } });
    if (row.createdBy === ctx.actor.username) throw new AppError('APPROVAL_SELF');
    const values = {
      status: body.approve ? 'listed' : 'rejected',
      approvedBy: ctx.actor.username,
      approvedAt: new Date(),
      approvalNo: body.approvalNo ?? null,
      approvalComment: body.comment ?? null,
    };
    const updated = await updateEntry(tx, row.id, row.version, values);
    if (!updated) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, {
      action: body.approve ? 'credit.list.approve' : 'credit.list.reject',
      targetType: 'credit_list_entry',
      targetId: row.id,
      before: { status: row.status },
      after: values,
    });
    if (body.approve) await archive(tx, ctx, updated, 'list_entry', updated.decisionDate, listingReason(updated));
  });
  return dtoOf(ctx.db, id, cal);
}

/** Publication on the credit information system (公示); late publication is flagged. */
export async function publishListEntry(ctx: Ctx, id: number, publishedOn?: string): Promise<ListEntry> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  const today = todayInChina();
  const on = publishedOn ?? today;
  notFuture(on, 'publishedOn', today);
  await ctx.db.transaction(async (tx) => {
    const row = await loadVisible(ctx, tx, id, true);
    if (row.status !== 'listed' || row.list === 'red' || row.list === 'black') throw new AppError('LIST_STEP_INVALID', { details: { status: row.status } });
    if (on < row.decisionDate) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'publishedOn', code: 'order', message: { zh: '公示日期不能早于决定日期', en: 'Publication cannot precede the decision' } }] });
    let flags = withFlag(row.flags, 'publish_overdue', false);
    flags = withFlag(flags, 'published_late', row.publishBy !== null && on > row.publishBy);
    const values = { status: 'published', publishedOn: on, flags };
    if (!(await updateEntry(tx, row.id, row.version, values))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'credit.list.publish', targetType: 'credit_list_entry', targetId: row.id, before: { status: row.status }, after: values });
  });
  return dtoOf(ctx.db, id, cal);
}

/** The entity cured an abnormal-list ground: removal is due within 5 working days (Order 101 Art. 11–14). */
export async function cureListEntry(ctx: Ctx, id: number, body: CureListEntryBody): Promise<ListEntry> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  notFuture(body.curedOn, 'curedOn', todayInChina());
  await ctx.db.transaction(async (tx) => {
    const row = await loadVisible(ctx, tx, id, true);
    if (row.list !== 'abnormal' || !['listed', 'published'].includes(row.status)) throw new AppError('LIST_STEP_INVALID', { details: { list: row.list, status: row.status } });
    if (body.curedOn < row.decisionDate) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'curedOn', code: 'order', message: { zh: '纠正日期不能早于列入日期', en: 'The cure cannot precede the listing' } }] });
    const values = { curedOn: body.curedOn, removeBy: abnormalRemoveBy(cal, body.curedOn), removalReason: body.note ?? null };
    if (!(await updateEntry(tx, row.id, row.version, values))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'credit.list.cure', targetType: 'credit_list_entry', targetId: row.id, before: { curedOn: row.curedOn }, after: values });
  });
  return dtoOf(ctx.db, id, cal);
}

export interface RemoveEntryInput {
  kind: Extract<RemovalKind, 'early' | 'cure' | 'objection'> | 'auto' | 'officer';
  reason: string;
  decidedOn: string;
}

function tooEarly(possibleFrom: string | null, list: string): AppError {
  if (possibleFrom === null) {
    return new AppError('REMOVAL_TOO_EARLY', {
      details: { possibleFrom: null },
      message:
        list === 'penalty-publication'
          ? {
              zh: '该行政处罚信息不得提前停止公示（《市场监督管理行政处罚信息公示规定》第十四条第三款，或公示期仅三个月）',
              en: 'Publication of this penalty may never stop early (Order 45 Art. 14 para. 3, or a 3-month publication)',
            }
          : { zh: '该名单信息不得提前移出', en: 'This entry may not be removed early' },
    });
  }
  return new AppError('REMOVAL_TOO_EARLY', {
    details: { possibleFrom },
    message: { zh: `尚未满足最短期限，${possibleFrom} 起方可移出`, en: `The minimum period has not passed; removal is possible from ${possibleFrom}` },
  });
}

/**
 * Take an entry off its list inside the caller's transaction (the credit-repair service calls this
 * for early removal, cure and objections). Sets the removal, the 3-working-day deadline to stop
 * publication (Order 44 Art. 18), the archive record and the audit row. Early removal before the
 * minimum period is refused with the date it becomes possible.
 */
export async function removeEntry(tx: Transaction, ctx: Ctx, entryId: number, input: RemoveEntryInput): Promise<ListEntry> {
  const cal = await ctx.domain.calendar.get(tx);
  const row = await lockEntry(tx, entryId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!['listed', 'published'].includes(row.status)) throw new AppError('LIST_STEP_INVALID', { details: { status: row.status } });
  if (input.kind === 'early') {
    const check = checkEarlyRemoval(row, input.decidedOn);
    if (!check.ok) throw tooEarly(check.possibleFrom, row.list);
  }
  if (input.kind === 'cure' && row.list !== 'abnormal') throw new AppError('LIST_STEP_INVALID', { details: { list: row.list, kind: input.kind } });
  if (input.kind === 'auto' && (row.autoRemoveOn === null || input.decidedOn < row.autoRemoveOn)) throw tooEarly(row.autoRemoveOn, row.list);
  const today = todayInChina();
  const lateRemoval = row.removeBy !== null && input.decidedOn > row.removeBy;
  const values = {
    status: 'removed',
    removedOn: input.decidedOn,
    removalKind: input.kind,
    removalReason: input.reason.slice(0, 500),
    // Automatic ends stop publication the same day (the clock is the publisher); decisions get 3 working days.
    stopPublicationBy: input.kind === 'auto' ? input.decidedOn : stopPublicationBy(cal, input.decidedOn),
    // The portal reads the status: publication stops the moment the removal commits.
    publicationStoppedOn: row.publishedOn ? today : null,
    flags: withFlag(withFlag(row.flags, 'removal_overdue', false), 'removed_late', lateRemoval),
  };
  const updated = await updateEntry(tx, row.id, row.version, values);
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, ctx, { action: 'credit.list.remove', targetType: 'credit_list_entry', targetId: row.id, before: { status: row.status }, after: values });
  if (row.list !== 'red' && row.list !== 'black') await archive(tx, ctx, updated, 'list_removal', input.decidedOn, `${input.kind}: ${input.reason}`);
  const [dto] = await entryDtos(tx, [{ ...updated, uscc: row.uscc, entityName: row.entityName }], cal, today);
  return dto!;
}

/**
 * An officer takes an entry off where the rules allow it without an application: abnormal list
 * after the cure was recorded, the serious-violation list or a penalty publication once its period
 * has run, a red/black list member.
 */
export async function removeListEntryByOfficer(ctx: Ctx, id: number, body: RemoveListEntryBody): Promise<ListEntry> {
  const today = todayInChina();
  const decidedOn = body.decidedOn ?? today;
  notFuture(decidedOn, 'decidedOn', today);
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisible(ctx, tx, id);
    let kind: RemoveEntryInput['kind'];
    if (row.list === 'abnormal') {
      if (!row.curedOn) {
        throw new AppError('LIST_STEP_INVALID', { message: { zh: '请先登记企业已纠正（补报年报、履行公示义务等）的日期', en: 'Record the cure date first' } });
      }
      kind = 'cure';
    } else if (row.list === 'red' || row.list === 'black') kind = 'officer';
    else kind = 'auto';
    return removeEntry(tx, ctx, id, { kind, reason: body.reason, decidedOn });
  });
}

/**
 * The penalty behind the entry was revoked, changed or declared void: the listing is revoked and
 * publication stops within 3 working days (Order 44 Art. 19, Order 45 Art. 11).
 */
export async function revokeListEntry(ctx: Ctx, id: number, body: RevokeListEntryBody): Promise<ListEntry> {
  const today = todayInChina();
  const decidedOn = body.decidedOn ?? today;
  notFuture(decidedOn, 'decidedOn', today);
  const cal = await ctx.domain.calendar.get(ctx.db);
  await ctx.db.transaction(async (tx) => {
    await loadVisible(ctx, tx, id);
    await revokeInTx(tx, ctx, id, body.reason, decidedOn, cal);
  });
  return dtoOf(ctx.db, id, cal);
}

export async function revokeInTx(tx: Transaction, ctx: Ctx, id: number, reason: string, decidedOn: string, cal: WorkingCalendar): Promise<void> {
  const row = await lockEntry(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!['pending_approval', 'listed', 'published'].includes(row.status)) throw new AppError('LIST_STEP_INVALID', { details: { status: row.status } });
  const values = {
    status: 'revoked',
    removedOn: decidedOn,
    removalKind: 'revoked',
    removalReason: reason.slice(0, 500),
    stopPublicationBy: stopPublicationBy(cal, decidedOn),
    publicationStoppedOn: row.publishedOn ? todayInChina() : null,
    flags: withFlag(withFlag(row.flags, 'publish_overdue', false), 'removal_overdue', false),
  };
  const updated = await updateEntry(tx, row.id, row.version, values);
  if (!updated) throw new AppError('CONFLICT');
  await appendAudit(tx, ctx, { action: 'credit.list.revoke', targetType: 'credit_list_entry', targetId: row.id, before: { status: row.status }, after: values });
  // Only an entry that reached the archive needs its counter-record.
  if (row.status !== 'pending_approval') await archive(tx, ctx, updated, 'list_removal', decidedOn, `revoked: ${reason}`);
}


/**
 * Published entries for the public portal (no login): only `published` entries of the given list,
 * across all districts. Pending, rejected, removed and revoked entries are never public.
 */
export async function listPublicEntries(
  db: Database,
  q: { list: ListEntry['list']; keyword?: string; page: number; pageSize: number },
  calendar: CalendarProvider = createCalendarStore(),
): Promise<Page<ListEntry>> {
  const cal = await calendar.get(db);
  const today = todayInChina();
  const { rows, total } = await listEntryRows(db, FULL_SCOPE, { ...q, status: 'published' }, today);
  // No officers' names for the public (minimum necessary, 个人信息保护法 Art. 6).
  return { items: rows.map((r) => toEntryDto(r, cal, today, NO_NAMES)), total, page: q.page, pageSize: q.pageSize };
}
