/**
 * Credit lists (信用名单) with their statutory clocks: listing decisions, the higher bureau's approval
 * (Order 44 Art. 22), publication, cure and removal, revocation, penalty publications created from
 * penalty records (Order 45), the daily clock and the dashboard alerts. Every write is one
 * transaction with its audit row and, when the entity's standing changes, its archive record.
 */
import type {
  ApproveListEntryBody,
  ClockReport,
  CreateListEntryBody,
  CreditSettings,
  UpdateCreditSettingsBody,
  CureListEntryBody,
  ListAlerts,
  ListEntry,
  ListEntryQuery,
  RemovalKind,
  RemoveListEntryBody,
  RevokeListEntryBody,
} from '../../../../contracts/credit-lists.js';
import type { Page } from '../../../../contracts/common.js';
import type { ArchiveRecord, PenaltyPayload } from '../../../../contracts/entities.js';
import type { Database, Executor, Transaction } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { systemCtx, type CalendarProvider, type Ctx, type Domain, type DomainListeners } from '../../platform/context.js';
import { FULL_SCOPE, recordInScope } from '../../platform/data-scope/data-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { assertPublishable } from '../../platform/publication/publishable.js';
import { appendRecord, effectiveRecords, findEntityById, findEntityByUscc, loadEntityForRead } from '../entities/index.js';
import { createCalendarStore, namesOf, NO_NAMES, type NameOf } from '../system/index.js';
import { publishScheduledRounds } from './honour.service.js';
import {
  abnormalListingClocks,
  abnormalRemoveBy,
  checkEarlyRemoval,
  DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN,
  DEFAULT_LOW_FINE_THRESHOLD_YUAN,
  lowFineThresholdFor,
  nextStepOf,
  OVERDUE_FLAGS,
  overdueFlag,
  penaltyPublicationPlan,
  seriousViolationClocks,
  changedDates,
  listingReason,
  statutoryDeadlines,
  stopPublicationBy,
  withFlag,
} from './lists.rules.js';
import {
  activeEntries,
  countLateFlags,
  entriesDueForAutoEnd,
  entriesOfEntity,
  findActiveEntry,
  findEntry,
  findEntryBySourceRecord,
  getSetting,
  insertEntry,
  listEntries as listEntryRows,
  lockEntry,
  openStepEntries,
  putSetting,
  deleteSetting,
  setFlags,
  setDeadlines,
  updateEntry,
  type EntryRow,
  type EntryWithEntity,
} from './lists.repository.js';
import { openApplications, setApplicationDeadlines } from './repair.repository.js';
import { applicationDeadlines } from './repair.rules.js';

// ── DTO ───────────────────────────────────────────────────────────────────────

/** An entry as the API returns it; `nameOf` gives the people's names (see `entryDtos`). */
export function toEntryDto(r: EntryWithEntity, cal: WorkingCalendar, today: string, nameOf: NameOf): ListEntry {
  return {
    id: r.id,
    list: r.list as ListEntry['list'],
    status: r.status as ListEntry['status'],
    entityId: r.entityId,
    uscc: r.uscc,
    entityName: r.entityName,
    districtCode: r.districtCode,
    grounds: r.grounds,
    groundsText: r.groundsText,
    decisionNo: r.decisionNo,
    penaltyDecisionNo: r.penaltyDecisionNo,
    decisionDate: r.decisionDate,
    sourceRecordId: r.sourceRecordId,
    triggerDate: r.triggerDate,
    publishBy: r.publishBy,
    publishedOn: r.publishedOn,
    earlyRemovalFrom: r.earlyRemovalFrom,
    autoRemoveOn: r.autoRemoveOn,
    restrictionUntil: r.restrictionUntil,
    curedOn: r.curedOn,
    removeBy: r.removeBy,
    removedOn: r.removedOn,
    removalKind: r.removalKind,
    removalReason: r.removalReason,
    stopPublicationBy: r.stopPublicationBy,
    approvedBy: r.approvedBy,
    approvedByName: nameOf(r.approvedBy),
    approvalNo: r.approvalNo,
    approvalComment: r.approvalComment,
    roundId: r.roundId,
    flags: r.flags,
    warning: r.warning,
    createdBy: r.createdBy,
    createdByName: nameOf(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    nextStep: nextStepOf(cal, r, today),
  };
}

/** DTOs of a page of entries with the names of the officers who created and approved them: one lookup for the page. */
export async function entryDtos(db: Executor, rows: readonly EntryWithEntity[], cal: WorkingCalendar, today: string): Promise<ListEntry[]> {
  const nameOf = await namesOf(db, rows.flatMap((r) => [r.createdBy, r.approvedBy]));
  return rows.map((r) => toEntryDto(r, cal, today, nameOf));
}

async function dtoOf(db: Executor, id: number, cal: WorkingCalendar): Promise<ListEntry> {
  const row = await findEntry(db, id);
  const [dto] = await entryDtos(db, [row!], cal, todayInChina());
  return dto!;
}

// ── Settings ──────────────────────────────────────────────────────────────────

const LOW_FINE_KEY = 'low_fine_threshold_yuan';
const LOW_FINE_PERSON_KEY = 'low_fine_person_threshold_yuan';

const positiveOrNull = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

/** The province's 较低数额罚款 thresholds (Order 45 Art. 13) for organisations and natural persons, or the coded defaults. */
export async function getCreditSettings(db: Executor): Promise<CreditSettings> {
  const org = positiveOrNull(await getSetting(db, LOW_FINE_KEY));
  const person = positiveOrNull(await getSetting(db, LOW_FINE_PERSON_KEY));
  return {
    lowFineThresholdYuan: org ?? DEFAULT_LOW_FINE_THRESHOLD_YUAN,
    lowFineThresholdIsDefault: org === null,
    lowFinePersonThresholdYuan: person ?? DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN,
    lowFinePersonThresholdIsDefault: person === null,
    lowFineThresholdDefaultYuan: DEFAULT_LOW_FINE_THRESHOLD_YUAN,
    lowFinePersonThresholdDefaultYuan: DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN,
  };
}

export async function updateCreditSettings(ctx: Ctx, body: UpdateCreditSettingsBody): Promise<CreditSettings> {
  const before = await getCreditSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    // null removes the provincial value, so the coded default applies (and is reported as such) again.
    const apply = async (key: string, value: number | null | undefined) => {
      if (value === null) await deleteSetting(tx, key);
      else if (value !== undefined) await putSetting(tx, key, value, ctx.actor.username);
    };
    await apply(LOW_FINE_KEY, body.lowFineThresholdYuan);
    await apply(LOW_FINE_PERSON_KEY, body.lowFinePersonThresholdYuan);
    await appendAudit(tx, ctx, { action: 'credit.setting.update', targetType: 'credit_setting', targetId: LOW_FINE_KEY, before, after: body });
  });
  return getCreditSettings(ctx.db);
}

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

async function revokeInTx(tx: Transaction, ctx: Ctx, id: number, reason: string, decidedOn: string, cal: WorkingCalendar): Promise<void> {
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

// ── Penalty publications (Order 45) ───────────────────────────────────────────

/**
 * Archive listener: a penalty record creates its publication entry (not for warnings, Art. 2); a
 * correction moves the entries to the new record, a retraction (the penalty was revoked) revokes
 * the publication and any serious-violation listing resting on it. Idempotent per record.
 */
/** The lists' reaction to the archive: a penalty record opens its publication (Order 45). */
export const listsListeners: DomainListeners = { recordAppended: (tx, ctx, record) => onPenaltyRecorded(tx, ctx, record) };

export async function onPenaltyRecorded(tx: Transaction, ctx: Ctx, record: ArchiveRecord): Promise<void> {
  if (record.kind !== 'penalty') return;
  const cal = await ctx.domain.calendar.get(tx);
  const today = todayInChina();
  if (record.correctsId !== null) {
    for (const list of ['penalty-publication', 'serious-violation']) {
      const old = await findEntryBySourceRecord(tx, list, record.correctsId);
      if (!old || !['pending_approval', 'listed', 'published'].includes(old.status)) continue;
      if (record.retracts || list === 'penalty-publication') {
        await revokeInTx(tx, ctx, old.id, record.retracts ? `处罚决定已撤销（档案记录 ${record.id}）` : `处罚决定已变更（档案记录 ${record.id}）`, today, cal);
      } else {
        await updateEntry(tx, old.id, old.version, { sourceRecordId: record.id });
      }
    }
  }
  if (record.retracts) return;
  if (await findEntryBySourceRecord(tx, 'penalty-publication', record.id)) return;
  const p = record.payload as PenaltyPayload;
  const e = await findEntityById(tx, record.entityId);
  if (!e) return;
  const plan = penaltyPublicationPlan(cal, record.occurredOn, p, lowFineThresholdFor(await getCreditSettings(tx), e.entityType));
  if (!plan) return;
  const row = await insertEntry(tx, {
    entityId: e.id,
    list: 'penalty-publication',
    districtCode: e.districtCode,
    grounds: plan.grounds,
    groundsText: p.violation,
    decisionNo: p.decisionNo,
    penaltyDecisionNo: p.decisionNo,
    decisionDate: record.occurredOn,
    sourceRecordId: record.id,
    deptId: ctx.actor.deptId,
    status: 'listed',
    publishBy: plan.publishBy,
    earlyRemovalFrom: plan.earlyRemovalFrom,
    autoRemoveOn: plan.autoRemoveOn,
    restrictionUntil: plan.restrictionUntil,
    createdBy: ctx.actor.username,
  });
  await appendAudit(tx, ctx, {
    action: 'credit.list.create',
    targetType: 'credit_list_entry',
    targetId: row.id,
    after: { list: row.list, recordId: record.id, period: plan.period, publishBy: plan.publishBy, autoRemoveOn: plan.autoRemoveOn, earlyRemovalFrom: plan.earlyRemovalFrom },
  });
}

// ── The clock ─────────────────────────────────────────────────────────────────

/**
 * The daily clock, all of it in order: scheduled red/black rounds, automatic removals and ends of
 * publication, open deadlines re-derived from the calendar as loaded now (a year's notice may have
 * arrived since), and the overdue flags. The scheduler runs the parts as separate jobs
 * (`creditJobs`); the route, the CLI and the tests run them together. Running it twice on the same
 * day changes nothing.
 */
export async function runListClock(ctx: Ctx, today: string = todayInChina()): Promise<ClockReport> {
  const report: ClockReport = { today, autoRemoved: 0, publicationsEnded: 0, honoursExpired: 0, deadlinesRecomputed: 0, flagged: 0 };
  await publishScheduledRounds(ctx, today);
  Object.assign(report, await endDuePeriods(ctx, today));
  report.deadlinesRecomputed = await recountOpenDeadlines(ctx);
  report.flagged = await refreshOverdueFlags(ctx, today);
  return report;
}

/** Automatic removals (Order 44 Art. 21), ends of penalty publication (Order 45 Art. 13) and expiry of red/black members due by `today`. */
export async function endDuePeriods(ctx: Ctx, today: string): Promise<Pick<ClockReport, 'autoRemoved' | 'publicationsEnded' | 'honoursExpired'>> {
  const report = { autoRemoved: 0, publicationsEnded: 0, honoursExpired: 0 };
  for (const r of await entriesDueForAutoEnd(ctx.db, today)) {
    await ctx.db.transaction(async (tx) => {
      const fresh = await lockEntry(tx, r.id);
      if (!fresh || !['listed', 'published'].includes(fresh.status) || !fresh.autoRemoveOn || fresh.autoRemoveOn > today) return;
      const reason =
        r.list === 'serious-violation'
          ? '列入满三年（或限制期届满）自动移出（《市场监督管理严重违法失信名单管理办法》第二十一条）'
          : r.list === 'penalty-publication'
            ? '公示期满，停止公示（《市场监督管理行政处罚信息公示规定》第十三条）'
            : '红黑榜有效期届满';
      await removeEntry(tx, ctx, r.id, { kind: 'auto', reason, decidedOn: fresh.autoRemoveOn });
    });
    if (r.list === 'serious-violation') report.autoRemoved++;
    else if (r.list === 'penalty-publication') report.publicationsEnded++;
    else report.honoursExpired++;
  }
  return report;
}

/** Open deadlines of list entries and repair applications re-derived from the calendar as loaded now; returns how many moved. */
export async function recountOpenDeadlines(ctx: Ctx): Promise<number> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  let moved = 0;
  for (const r of await activeEntries(ctx.db)) {
    if (await recountDeadlines(ctx, cal, 'credit_list_entry', r.id, { publishBy: r.publishBy, removeBy: r.removeBy }, statutoryDeadlines(cal, r), (tx, c) => setDeadlines(tx, r.id, c))) moved++;
  }
  for (const a of await openApplications(ctx.db)) {
    if (await recountDeadlines(ctx, cal, 'credit_repair', a.id, { acceptBy: a.acceptBy, decideBy: a.decideBy }, applicationDeadlines(cal, a), (tx, c) => setApplicationDeadlines(tx, a.id, c))) moved++;
  }
  return moved;
}

/** The overdue flags of open entries as of `today`; returns how many entries were newly flagged. */
export async function refreshOverdueFlags(ctx: Ctx, today: string): Promise<number> {
  let flagged = 0;
  for (const r of await activeEntries(ctx.db)) {
    let flags = [...r.flags];
    for (const f of OVERDUE_FLAGS) flags = withFlag(flags, f, false);
    const f = overdueFlag(r, today);
    if (f) flags = withFlag(flags, f, true);
    if (flags.join(',') !== r.flags.join(',')) {
      await setFlags(ctx.db, r.id, flags);
      if (f) flagged++;
    }
  }
  return flagged;
}

/**
 * Store the deadlines the calendar now puts elsewhere than `stored`, with an audit row saying what
 * moved and which notices the count rests on. Returns the changes, or null when nothing moved.
 */
async function recountDeadlines<K extends string>(
  ctx: Ctx,
  cal: WorkingCalendar,
  targetType: 'credit_list_entry' | 'credit_repair',
  id: number,
  stored: Record<K, string | null>,
  derived: Partial<Record<K, string | null>>,
  write: (tx: Transaction, changes: Partial<Record<K, string | null>>) => Promise<void>,
): Promise<Partial<Record<K, string | null>> | null> {
  const changes = changedDates(stored, derived);
  if (Object.keys(changes).length === 0) return null;
  await ctx.db.transaction(async (tx) => {
    await write(tx, changes);
    await appendAudit(tx, ctx, { action: 'credit.deadlines.recount', targetType, targetId: id, before: stored, after: { ...changes, calendarYears: cal.years } });
  });
  return changes;
}

/**
 * Run the clock now and then hourly. It acts once per China date and working-day calendar: later
 * ticks of the same day find nothing to do, unless the calendar changed (a year's notice loaded, a
 * day corrected), when open deadlines are re-derived within the hour. A server started at any hour
 * catches up. Returns the stop function.
 */
export function scheduleListClock(db: Database, domain: Domain, report: (e: unknown) => void, everyMs = 3_600_000): () => void {
  let running = false;
  let lastRun: string | null = null;
  const tick = () => {
    if (running) return;
    running = true;
    const today = todayInChina();
    domain.calendar
      .get(db)
      .then(async (cal) => {
        const key = `${today}|${cal.fingerprint}`;
        if (lastRun === key) return;
        await runListClock(systemCtx(db, domain), today);
        lastRun = key;
      })
      .catch(report)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
