/** Penalty publications (行政处罚信息公示, Order 45): opened, moved and revoked as penalty records arrive in the archive. */
import type { ArchiveRecord, PenaltyPayload } from '../../../../../contracts/entities.js';
import type { Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { type Ctx, type DomainListeners } from '../../../platform/context.js';
import { findEntityById } from '../../entities/index.js';
import { lowFineThresholdFor, penaltyPublicationPlan } from './lists.rules.js';
import { findEntryBySourceRecord, insertEntry, updateEntry } from './lists.repository.js';
import { getCreditSettings } from './list-settings.service.js';
import { revokeInTx } from './list.service.js';


// ── Penalty publications (Order 45) ───────────────────────────────────────────

/** The lists' reaction to the archive: a penalty record opens its publication (Order 45). */
export const listsListeners: DomainListeners = { recordAppended: (tx, ctx, record) => onPenaltyRecorded(tx, ctx, record) };

/**
 * Archive listener: a penalty record creates its publication entry (not for warnings, Art. 2); a
 * correction moves the entries to the new record, a retraction (the penalty was revoked) revokes
 * the publication and any serious-violation listing resting on it. Idempotent per record.
 */
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
