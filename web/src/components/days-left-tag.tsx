import { Space, Tag, Tooltip } from 'antd';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';

/**
 * Working days left to a statutory deadline as a tag: red when overdue, orange within 3 days. A
 * count that runs through a year whose State Council holiday notice is not loaded yet carries an
 * 暂估 tag that says how it was counted.
 */
export function DaysLeftTag({ workingDaysLeft, overdue, provisional = false }: { workingDaysLeft: number | null; overdue: boolean; provisional?: boolean }) {
  const tc = useT(common);
  const n = workingDaysLeft;
  let tag: React.ReactNode = null;
  if (overdue || (n !== null && n < 0)) tag = <Tag color="red">{n !== null && n < 0 ? tc('overdueDays', { n: -n }) : tc('overdue')}</Tag>;
  else if (n === 0) tag = <Tag color="orange">{tc('dueToday')}</Tag>;
  else if (n !== null) tag = <Tag color={n <= 3 ? 'orange' : 'blue'}>{tc('workingDaysLeft', { n })}</Tag>;
  if (!provisional) return tag;
  return (
    <Space size={0} wrap>
      {tag}
      <ProvisionalTag />
    </Space>
  );
}

/** 暂估: the date was counted through a year without a loaded holiday notice. */
export function ProvisionalTag() {
  const tc = useT(common);
  return (
    <Tooltip title={tc('provisionalHint')}>
      <Tag color="gold" data-testid="provisional">
        {tc('provisional')}
      </Tag>
    </Tooltip>
  );
}
