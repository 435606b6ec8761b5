import { Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';

/** What the deadline of a task means today: 剩余 N 个工作日, 今天到期 or a red 逾期. */
export function DueHint({ dueDate, workingDaysLeft, overdue }: { dueDate: string; workingDaysLeft: number | null; overdue: boolean }) {
  const tc = useT(common);
  if (overdue) {
    return (
      <Typography.Text type="danger" strong>
        {workingDaysLeft !== null && workingDaysLeft < 0 ? tc('overdueDays', { n: -workingDaysLeft }) : tc('overdue')}
      </Typography.Text>
    );
  }
  if (dueDate === dayjs().format('YYYY-MM-DD')) return <Typography.Text type="warning">{tc('dueToday')}</Typography.Text>;
  if (workingDaysLeft === null) return null;
  return <Typography.Text type={workingDaysLeft <= 5 ? 'warning' : 'secondary'}>{tc('workingDaysLeft', { n: workingDaysLeft })}</Typography.Text>;
}

/** A task's due date with the hint under it (table cells, lists). */
export function TaskDue({ dueDate, workingDaysLeft, overdue, inline = false }: { dueDate: string; workingDaysLeft: number | null; overdue: boolean; inline?: boolean }) {
  const hint = <DueHint dueDate={dueDate} workingDaysLeft={workingDaysLeft} overdue={overdue} />;
  if (inline) {
    return (
      <Space size={8} wrap>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDate(dueDate)}</span>
        <span style={{ fontSize: 12 }}>{hint}</span>
      </Space>
    );
  }
  return (
    <div>
      <div style={{ whiteSpace: 'nowrap' }}>{formatDate(dueDate)}</div>
      <div style={{ fontSize: 12 }}>{hint}</div>
    </div>
  );
}
