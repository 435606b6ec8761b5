/** Small displays shared by the credit pages: statuses, grounds, countdowns. */
import { Space, Tag, Typography } from 'antd';
import type { ListEntry, NextStep } from '@contracts/credit-lists';
import type { StepCountdown } from '@contracts/credit-repair';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { creditStrings, type CreditKey } from './i18n';

const STATUS_COLOURS: Record<string, string> = {
  pending_approval: 'gold',
  rejected: 'default',
  listed: 'orange',
  published: 'red',
  removed: 'green',
  revoked: 'default',
};

export function ListStatusTag({ status }: { status: string }) {
  const t = useT(creditStrings);
  return <Tag color={STATUS_COLOURS[status]}>{t(`st_${status}` as CreditKey)}</Tag>;
}

/** A stored grounds code in words: Order 44/101 grounds, or the penalty types of a publication. */
export function useGroundsLabel(): (e: Pick<ListEntry, 'list' | 'grounds' | 'groundsText'>) => string {
  const t = useT(creditStrings);
  const penalty = useDict('ent_penalty_type');
  return (e) => {
    if (e.list === 'penalty-publication') {
      return e.grounds
        .split(/[+,]/)
        .filter(Boolean)
        .map((p) => penalty.label(p))
        .join('、');
    }
    const key = `g_${e.grounds}` as CreditKey;
    // A code this version does not know (older or imported data): its stored explanation says more.
    return key in creditStrings ? t(key) : (e.groundsText ?? e.grounds);
  };
}

/** Working days left as a tag: red when overdue, orange within 3 days. */
export function DaysLeftTag({ workingDaysLeft, overdue }: { workingDaysLeft: number | null; overdue: boolean }) {
  const tc = useT(common);
  const n = workingDaysLeft;
  if (overdue || (n !== null && n < 0)) return <Tag color="red">{n !== null && n < 0 ? tc('overdueDays', { n: -n }) : tc('overdue')}</Tag>;
  if (n === null) return null;
  if (n === 0) return <Tag color="orange">{tc('dueToday')}</Tag>;
  return <Tag color={n <= 3 ? 'orange' : 'blue'}>{tc('workingDaysLeft', { n })}</Tag>;
}

/** The next statutory step of an entry: what, by when, and how many working days remain. */
export function NextStepCell({ step }: { step: NextStep | null }) {
  const t = useT(creditStrings);
  if (!step) return <Typography.Text type="secondary">{t('noDate')}</Typography.Text>;
  return (
    <div data-testid="next-step">
      <div>
        {t(`step_${step.step}` as CreditKey)} · <span style={{ whiteSpace: 'nowrap' }}>{step.dueOn}</span>
      </div>
      <DaysLeftTag workingDaysLeft={step.workingDaysLeft} overdue={step.overdue} />
    </div>
  );
}

/**
 * A repair or objection step deadline: done on …, or due on … with the countdown. `pending`: how
 * the deadline will run, for a step whose clock has not started (decided within 20 working days of
 * acceptance…), so the applicant sees more than a dash.
 */
export function StepDeadline({ c, pending }: { c: StepCountdown; pending?: string | null }) {
  const t = useT(creditStrings);
  if (c.doneOn) {
    return (
      <Space size={4} wrap>
        <span>{c.dueOn ?? ''}</span>
        <Tag color="green">
          {t('done')} {c.doneOn}
        </Tag>
      </Space>
    );
  }
  if (!c.dueOn) return <Typography.Text type="secondary">{pending ?? t('noDate')}</Typography.Text>;
  return (
    <div>
      <div style={{ whiteSpace: 'nowrap' }}>{c.dueOn}</div>
      <DaysLeftTag workingDaysLeft={c.workingDaysLeft} overdue={c.overdue} />
    </div>
  );
}

/** Flags an entry carries (steps taken late, steps overdue now). */
export function EntryFlags({ flags }: { flags: readonly string[] }) {
  const t = useT(creditStrings);
  if (flags.length === 0) return null;
  return (
    <Space size={2} wrap>
      {flags.map((f) => {
        const key = `flag_${f}` as CreditKey;
        return (
          <Tag key={f} color={f.endsWith('overdue') ? 'red' : 'volcano'}>
            {key in creditStrings ? t(key) : f}
          </Tag>
        );
      })}
    </Space>
  );
}
