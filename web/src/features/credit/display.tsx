/** Small displays shared by the credit pages: statuses, grounds, countdowns. */
import { Space, Tag, Typography } from 'antd';
import type { ListEntry, NextStep } from '@contracts/credit-lists';
import type { StepCountdown } from '@contracts/credit-repair';
import { DaysLeftTag } from '@/components/days-left-tag';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { creditStrings, type CreditKey } from './i18n';

const STATUS_COLOURS: Record<string, string> = {
  pending_approval: 'gold',
  rejected: 'default',
  listed: 'orange',
  published: 'red',
  removed: 'green',
  revoked: 'default',
};
/**
 * The red list (红榜) is an honour: its members in force are green, and leaving it is no good news
 * (default, not the green of leaving a sanction list). Red and volcano stay for sanction lists.
 */
const HONOUR_STATUS_COLOURS: Record<string, string> = { ...STATUS_COLOURS, listed: 'green', published: 'green', removed: 'default' };

/** An entry's status as a tag, coloured by what it means on its list (pass `list` wherever it is known). */
export function ListStatusTag({ status, list }: { status: string; list?: string }) {
  const t = useT(creditStrings);
  return <Tag color={(list === 'red' ? HONOUR_STATUS_COLOURS : STATUS_COLOURS)[status]}>{t(`st_${status}` as CreditKey)}</Tag>;
}

/**
 * A `kind:value` credit code in words, or null when `code` is not one: `list:serious-violation` →
 * 列入严重违法失信名单, `grade:D` → 信用等级为 D 级（信用差）. Sanction triggers and the grounds of
 * red/black list members are stored this way.
 */
export function useCreditCodeLabel(): (code: string) => string | null {
  const t = useT(creditStrings);
  const lists = useDict('credit_list');
  const grades = useDict('credit_grade');
  return (code) => {
    const [kind, value] = code.split(':');
    if (!value) return null;
    if (kind === 'list') return t('code_list', { list: lists.label(value) });
    if (kind === 'grade') return t('code_grade', { grade: grades.label(value) });
    return null;
  };
}

/**
 * An entry's grounds in words: Order 44/101 grounds, the penalty types of a publication; for a
 * red/black list member its stored reason (`groundsText`, written when the round is compiled),
 * else its `grade:AA` / `list:serious-violation` code in words (rounds compiled before reasons were stored).
 */
export function useGroundsLabel(): (e: Pick<ListEntry, 'list' | 'grounds' | 'groundsText'>) => string {
  const t = useT(creditStrings);
  const penalty = useDict('ent_penalty_type');
  const code = useCreditCodeLabel();
  return (e) => {
    if (e.list === 'red' || e.list === 'black') return e.groundsText ?? code(e.grounds) ?? e.grounds;
    if (e.list === 'penalty-publication') {
      return e.grounds
        .split(/[+,]/)
        .filter(Boolean)
        .map((p) => penalty.label(p))
        .join('、');
    }
    const key = `g_${e.grounds}` as CreditKey;
    if (key in creditStrings) return t(key);
    // A code this version does not know (older or imported data): its stored explanation says more.
    return code(e.grounds) ?? e.groundsText ?? e.grounds;
  };
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
      <DaysLeftTag workingDaysLeft={step.workingDaysLeft} overdue={step.overdue} provisional={step.provisional} />
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
      <DaysLeftTag workingDaysLeft={c.workingDaysLeft} overdue={c.overdue} provisional={c.provisional} />
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
