/**
 * Quality-credit red and black lists (质量信用红黑榜), published in rounds: compiled from criteria
 * (grade, penalties, lists) into a draft, submitted, approved by someone other than the compiler,
 * then published now or on the scheduled date. Members are credit_list_entry rows (list red|black)
 * valid until the round's validUntil.
 */
import type { CreateHonourRoundBody, HonourCriteria, HonourRound, HonourRoundDetail, HonourRoundQuery, UpdateHonourRoundBody } from '../../../../../contracts/credit-lists.js';
import type { Page } from '../../../../../contracts/common.js';
import type { Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Ctx } from '../../../platform/context.js';
import { recordInScope } from '../../../platform/data-scope/data-scope.js';
import { AppError } from '../../../platform/http/errors.js';
import { appendRecord } from '../../entities/index.js';
import { namesOf, type NameOf } from '../../system/index.js';
import { addYears, DEFAULT_BLACK_CRITERIA, DEFAULT_RED_CRITERIA, honourGrounds, listingReason, qualifiesForHonour } from '../lists/lists.rules.js';
import {
  approvedRoundsDue,
  deleteRoundMembers,
  findRound,
  honourCandidates,
  insertEntries,
  insertRound,
  listRounds,
  roundMembers,
  setRoundMembersStatus,
  updateRound,
  type RoundRow,
} from '../lists/lists.repository.js';
import { toEntryDto } from '../lists/entry-dto.js';

const LIST_NAME = { red: '质量信用红榜', black: '质量信用黑榜' } as const;

function toRoundDto(r: RoundRow, members: number, nameOf: NameOf): HonourRound {
  return {
    id: r.id,
    list: r.list as HonourRound['list'],
    title: r.title,
    period: r.period,
    criteria: r.criteria as HonourRound['criteria'],
    status: r.status as HonourRound['status'],
    scheduledOn: r.scheduledOn,
    publishedOn: r.publishedOn,
    validUntil: r.validUntil,
    createdBy: r.createdBy,
    createdByName: nameOf(r.createdBy),
    approvedBy: r.approvedBy,
    approvedByName: nameOf(r.approvedBy),
    members,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function getHonourRound(ctx: Ctx, id: number): Promise<HonourRoundDetail> {
  const r = await findRound(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  const cal = await ctx.domain.calendar.get(ctx.db);
  const today = todayInChina();
  const members = await roundMembers(ctx.db, id);
  // The round's people and its members' in one lookup.
  const nameOf = await namesOf(ctx.db, [r.createdBy, r.approvedBy, ...members.flatMap((m) => [m.createdBy, m.approvedBy])]);
  return { ...toRoundDto(r, members.length, nameOf), entries: members.map((m) => toEntryDto(m, cal, today, nameOf)) };
}

export async function listHonourRounds(ctx: Ctx, q: HonourRoundQuery): Promise<Page<HonourRound>> {
  const { rows, total } = await listRounds(ctx.db, q);
  const nameOf = await namesOf(ctx.db, rows.flatMap((r) => [r.createdBy, r.approvedBy]));
  return { items: rows.map((r) => toRoundDto(r, r.members, nameOf)), total, page: q.page, pageSize: q.pageSize };
}

/** (Re)compile the draft's members from its criteria as the archive stands today. */
async function compile(tx: Transaction, ctx: Ctx, round: RoundRow): Promise<number> {
  await deleteRoundMembers(tx, round.id);
  const today = todayInChina();
  const list = round.list as 'red' | 'black';
  const criteria = round.criteria as HonourCriteria;
  const candidates = (await honourCandidates(tx)).filter((c) => recordInScope(ctx.scope, { jurisdictionCode: c.districtCode }));
  const members = candidates.filter((c) => qualifiesForHonour(list, criteria, c, today));
  const ids = await insertEntries(
    tx,
    members.map((m) => ({
      entityId: m.entityId,
      list,
      districtCode: m.districtCode,
      ...honourGrounds(list, criteria, m),
      decisionDate: today,
      status: 'pending_approval',
      roundId: round.id,
      autoRemoveOn: round.validUntil,
      createdBy: ctx.actor.username,
    })),
  );
  return ids.length;
}

export async function createHonourRound(ctx: Ctx, body: CreateHonourRoundBody): Promise<HonourRoundDetail> {
  const today = todayInChina();
  const criteria = body.criteria ?? (body.list === 'red' ? DEFAULT_RED_CRITERIA : DEFAULT_BLACK_CRITERIA);
  const start = body.scheduledOn && body.scheduledOn > today ? body.scheduledOn : today;
  const validUntil = body.validUntil ?? addYears(start, 1);
  if (validUntil <= start) throw new AppError('VALIDATION_FAILED', { details: [{ path: 'validUntil', code: 'order', message: { zh: '有效期须晚于发布日期', en: 'validUntil must follow publication' } }] });
  const id = await ctx.db.transaction(async (tx) => {
    const round = await insertRound(tx, {
      list: body.list,
      title: body.title ?? `${body.period} ${LIST_NAME[body.list]}`,
      period: body.period,
      criteria: { ...criteria },
      status: 'draft',
      scheduledOn: body.scheduledOn ?? null,
      validUntil,
      createdBy: ctx.actor.username,
    });
    const n = await compile(tx, ctx, round);
    await appendAudit(tx, ctx, { action: 'credit.honour.create', targetType: 'credit_honour', targetId: round.id, after: { ...body, criteria, validUntil, members: n } });
    return round.id;
  });
  return getHonourRound(ctx, id);
}

async function lockRound(tx: Transaction, id: number, status: string): Promise<RoundRow> {
  const r = await findRound(tx, id, true);
  if (!r) throw new AppError('NOT_FOUND');
  if (r.status !== status) throw new AppError('LIST_STEP_INVALID', { details: { status: r.status } });
  return r;
}

/** Edit a draft: criteria changes recompile the members. */
export async function updateHonourRound(ctx: Ctx, id: number, body: UpdateHonourRoundBody): Promise<HonourRoundDetail> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, id, 'draft');
    const values = {
      title: body.title ?? r.title,
      criteria: body.criteria ? { ...body.criteria } : r.criteria,
      scheduledOn: body.scheduledOn === undefined ? r.scheduledOn : body.scheduledOn,
      validUntil: body.validUntil ?? r.validUntil,
    };
    const updated = await updateRound(tx, id, r.version, values);
    if (!updated) throw new AppError('CONFLICT');
    const n = await compile(tx, ctx, updated);
    await appendAudit(tx, ctx, { action: 'credit.honour.update', targetType: 'credit_honour', targetId: id, before: { criteria: r.criteria, title: r.title }, after: { ...values, members: n } });
  });
  return getHonourRound(ctx, id);
}

export async function submitHonourRound(ctx: Ctx, id: number): Promise<HonourRoundDetail> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, id, 'draft');
    if (!(await updateRound(tx, id, r.version, { status: 'pending_approval' }))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'credit.honour.submit', targetType: 'credit_honour', targetId: id, before: { status: 'draft' }, after: { status: 'pending_approval' } });
  });
  return getHonourRound(ctx, id);
}

/** Approval by someone other than the compiler; a rejection returns the round to draft. */
export async function approveHonourRound(ctx: Ctx, id: number, body: { approve: boolean; comment?: string }): Promise<HonourRoundDetail> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, id, 'pending_approval');
    if (r.createdBy === ctx.actor.username) {
      // Not the listing rule (a higher authority approves a listing): a round needs a second person.
      throw new AppError('APPROVAL_SELF', { message: { zh: '红黑榜须由编制人以外的人员审批', en: 'A round must be approved by someone other than its compiler' } });
    }
    const status = body.approve ? 'approved' : 'draft';
    if (!(await updateRound(tx, id, r.version, { status, approvedBy: body.approve ? ctx.actor.username : null }))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, {
      action: body.approve ? 'credit.honour.approve' : 'credit.honour.reject',
      targetType: 'credit_honour',
      targetId: id,
      before: { status: r.status },
      after: { status, comment: body.comment ?? null },
    });
  });
  return getHonourRound(ctx, id);
}

async function publishInTx(tx: Transaction, ctx: Ctx, r: RoundRow, on: string): Promise<void> {
  const validUntil = r.validUntil && r.validUntil > on ? r.validUntil : addYears(on, 1);
  if (!(await updateRound(tx, r.id, r.version, { status: 'published', publishedOn: on, validUntil }))) throw new AppError('CONFLICT');
  await setRoundMembersStatus(tx, r.id, { status: 'published', publishedOn: on, autoRemoveOn: validUntil });
  for (const m of await roundMembers(tx, r.id)) {
    await appendRecord(tx, ctx, {
      entityId: m.entityId,
      kind: 'list_entry',
      occurredOn: on,
      payload: { list: r.list, entryId: m.id, reason: listingReason(m, r.title) },
      sourceModule: 'credit',
      sourceId: `list:${m.id}:entry`,
    });
  }
  await appendAudit(tx, ctx, { action: 'credit.honour.publish', targetType: 'credit_honour', targetId: r.id, before: { status: r.status }, after: { status: 'published', publishedOn: on, validUntil } });
}

/** Publish an approved round now (its members go public and into their archives). */
export async function publishHonourRound(ctx: Ctx, id: number): Promise<HonourRoundDetail> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, id, 'approved');
    await publishInTx(tx, ctx, r, todayInChina());
  });
  return getHonourRound(ctx, id);
}

/** The clock publishes approved rounds whose scheduled date has come. */
export async function publishScheduledRounds(ctx: Ctx, today: string): Promise<number> {
  let n = 0;
  for (const due of await approvedRoundsDue(ctx.db, today)) {
    await ctx.db.transaction(async (tx) => {
      const r = await findRound(tx, due.id, true);
      if (!r || r.status !== 'approved') return;
      await publishInTx(tx, ctx, r, r.scheduledOn!);
      n++;
    });
  }
  return n;
}
