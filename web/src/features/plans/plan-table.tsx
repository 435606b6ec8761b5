import { Button, Progress, Space, Table, Typography, type TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Plan } from '@contracts/plans';
import { DeleteAction } from '@/components/delete-action';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDate, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDeletePlan } from './api/delete-plan';
import { planStrings } from './i18n';

export function PlanTable({ plans, loading, pagination }: { plans: readonly Plan[]; loading: boolean; pagination: TablePaginationConfig }) {
  const t = useT(planStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const remove = useDeletePlan();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Table<Plan>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={plans}
      scroll={{ x: 1110 }}
      pagination={pagination}
      columns={[
        {
          title: t('title'),
          key: 'title',
          width: 230,
          render: (_: unknown, p: Plan) => (
            <div>
              <Link to={`/plans/${p.id}`}>{p.title}</Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.docNumber ?? p.sourceName ?? ''}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        { title: t('issuer'), dataIndex: 'issuer', width: 150, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? dash },
        { title: t('issuedDate'), dataIndex: 'issuedDate', width: 100, render: (v: string | null) => (v ? formatDate(v) : dash) },
        { title: tc('status'), dataIndex: 'status', width: 80, render: (v: string) => <DictTag type="plan_status" value={v} /> },
        { title: t('itemCount'), dataIndex: 'itemCount', width: 70, align: 'right' },
        { title: t('taskCount'), dataIndex: 'taskCount', width: 70, align: 'right', render: (v: number, p: Plan) => (p.status === 'published' ? v : dash) },
        {
          title: t('completion'),
          dataIndex: 'completion',
          width: 120,
          render: (v: number | null) => (v === null ? <Typography.Text type="secondary">{t('notPublished')}</Typography.Text> : <Progress percent={v} size="small" />),
        },
        { title: tc('updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }} title={formatDateTime(v)}>{dayjs(v).format('YYYY-MM-DD HH:mm')}</span> },
        {
          title: tc('actions'),
          key: 'actions',
          width: 150,
          fixed: 'right',
          render: (_: unknown, p: Plan) => (
            <Space size={0}>
              <Link to={`/plans/${p.id}`}>
                <Button type="link" size="small">
                  {p.status === 'draft' && can('plans:plan:update') ? t('review') : t('view')}
                </Button>
              </Link>
              {p.status === 'published' && can('plans:task:list') ? (
                <Link to={`/tasks?planId=${p.id}`}>
                  <Button type="link" size="small">
                    {t('viewTasks')}
                  </Button>
                </Link>
              ) : null}
              {can('plans:plan:delete') && p.status === 'draft' ? (
                <DeleteAction name={p.title} description={t('deleteDraftHint')} dangerOk onDelete={() => remove.mutateAsync(p.id)} />
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
