import { Badge, Progress, Table, Tag, Tooltip, Typography, type TablePaginationConfig } from 'antd';
import type { Task } from '@contracts/plans';
import { TaskDue } from '@/components/task-due';
import { DictTag } from '@/lib/dicts';
import { formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { taskStrings } from './i18n';

/** The item a task comes from: its number, heading and opening text. */
export function TaskItem({ task, lines = 2 }: { task: Pick<Task, 'itemPath' | 'itemHeading' | 'itemText'>; lines?: number }) {
  return (
    <div>
      <Tag style={{ marginInlineEnd: 6 }}>{formatItemPath(task.itemPath)}</Tag>
      {task.itemHeading ? <Typography.Text strong>{task.itemHeading}</Typography.Text> : null}
      <Typography.Paragraph type={task.itemHeading ? 'secondary' : undefined} ellipsis={{ rows: lines }} style={{ margin: 0, fontSize: task.itemHeading ? 12 : undefined }}>
        {task.itemHeading && task.itemText.startsWith(task.itemHeading) ? task.itemText.slice(task.itemHeading.length).replace(/^[。.\s]+/, '') : task.itemText}
      </Typography.Paragraph>
    </div>
  );
}

/** The task list; with `selection`, rows can be ticked (for 批量督办), across pages. */
export function TaskTable({
  tasks,
  loading,
  pagination,
  onOpen,
  selection,
}: {
  tasks: readonly Task[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onOpen(task: Task): void;
  selection?: { keys: number[]; onChange(keys: number[]): void };
}) {
  const t = useT(taskStrings);
  const tc = useT(common);
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      scroll={{ x: 1100 }}
      pagination={pagination}
      locale={{ emptyText: t('noTasks') }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              preserveSelectedRowKeys: true,
              onChange: (keys) => selection.onChange(keys as number[]),
              columnWidth: 40,
            }
          : undefined
      }
      onRow={(task) => ({
        // Ticking a box (for 批量督办) does not open the task.
        onClick: (e) => {
          if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) onOpen(task);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: t('task'), key: 'task', width: 280, render: (_: unknown, task: Task) => <TaskItem task={task} /> },
        { title: t('plan'), dataIndex: 'planTitle', width: 150, ellipsis: { showTitle: true } },
        { title: t('unit'), dataIndex: 'deptName', width: 160, render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
        { title: t('role'), dataIndex: 'role', width: 96, render: (v: string) => <DictTag type="plan_unit_role" value={v} /> },
        {
          title: t('dueDate'),
          dataIndex: 'dueDate',
          width: 140,
          render: (_: unknown, task: Task) => (task.status === 'completed' ? <span>{task.dueDate}</span> : <TaskDue dueDate={task.dueDate} workingDaysLeft={task.workingDaysLeft} overdue={task.overdue} />),
        },
        { title: tc('status'), dataIndex: 'status', width: 90, render: (v: string) => <DictTag type="plan_task_status" value={v} /> },
        {
          title: t('progress'),
          dataIndex: 'percent',
          width: 110,
          render: (v: number, task: Task) => <Progress percent={v} size="small" status={task.status === 'completed' ? 'success' : 'normal'} strokeColor={task.overdue ? '#ff4d4f' : undefined} />,
        },
        {
          title: t('reminders'),
          dataIndex: 'openReminders',
          width: 84,
          align: 'center',
          render: (n: number) =>
            n > 0 ? (
              <Tooltip title={t('openReminders', { n })}>
                <Badge count={n} />
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
}
