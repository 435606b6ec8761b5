/** The province's credit settings (Order 45 Art. 13 较低数额罚款 thresholds), each change with its audit row. */
import type { CreditSettings, UpdateCreditSettingsBody } from '../../../../../contracts/credit-lists.js';
import type { Executor } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { type Ctx } from '../../../platform/context.js';
import { DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN, DEFAULT_LOW_FINE_THRESHOLD_YUAN } from './lists.rules.js';
import { getSetting, putSetting, deleteSetting } from './lists.repository.js';

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
