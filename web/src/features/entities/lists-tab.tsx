import { Alert, Empty, Spin, Table, Tag, Typography } from 'antd';
import type { ListEntry } from '@contracts/credit-lists';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useEntityLists } from './api/credit';
import { entityStrings } from './i18n';

type Key = keyof typeof entityStrings & string;

/** Working days left to a statutory deadline, red when overdue. */
function Countdown({ step }: { step: NonNullable<ListEntry['nextStep']> }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const n = step.workingDaysLeft;
  const text = n === null ? '' : n < 0 || step.overdue ? tc('overdueDays', { n: Math.abs(n) }) : n === 0 ? tc('dueToday') : tc('workingDaysLeft', { n });
  const color = step.overdue || (n !== null && n < 0) ? 'red' : n !== null && n <= 3 ? 'orange' : 'blue';
  return (
    <div>
      <div>{t('dueOn', { step: t(`step_${step.step}` as Key), date: step.dueOn })}</div>
      {text ? <Tag color={color}>{text}</Tag> : null}
    </div>
  );
}

/** The entity's entries on credit lists, each with the next deadline the rules set. */
export function ListsTab({ uscc }: { uscc: string }) {
  const t = useT(entityStrings);
  const lists = useEntityLists(uscc, true);
  if (lists.isLoading) return <Spin />;
  if (lists.isError) return <Alert type="error" showIcon title={lists.error.message} />;
  const entries = lists.data ?? [];
  if (entries.length === 0) return <Empty description={t('listsNone')} />;
  return (
    <Table<ListEntry>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={entries}
      columns={[
        { title: t('listName'), dataIndex: 'list', width: 180, render: (v: string) => <DictTag type="credit_list" value={v} /> },
        {
          title: t('grounds'),
          key: 'grounds',
          render: (_: unknown, e: ListEntry) => (
            <div>
              <div>{e.groundsText ?? e.grounds}</div>
              {e.decisionNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.decisionNo}</Typography.Text> : null}
              {e.warning ? <Alert type="warning" showIcon title={e.warning} style={{ marginTop: 4 }} /> : null}
            </div>
          ),
        },
        { title: t('decisionDate'), dataIndex: 'decisionDate', width: 110 },
        {
          title: t('listStatus'),
          dataIndex: 'status',
          width: 150,
          render: (v: string, e: ListEntry) => (
            <div>
              <Tag color={v === 'removed' || v === 'revoked' || v === 'rejected' ? 'default' : v === 'pending_approval' ? 'orange' : 'red'}>{t(`list_${v}` as Key)}</Tag>
              {e.removedOn ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('removedOn', { date: e.removedOn })}</Typography.Text></div> : null}
              {e.restrictionUntil ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('restrictionUntil', { date: e.restrictionUntil })}</Typography.Text></div> : null}
            </div>
          ),
        },
        { title: t('nextDeadline'), key: 'next', width: 220, render: (_: unknown, e: ListEntry) => (e.nextStep ? <Countdown step={e.nextStep} /> : <Typography.Text type="secondary">—</Typography.Text>) },
      ]}
    />
  );
}
