import { LockOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography, type TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import type { Department, User } from '@contracts/system';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { UserActions } from './user-actions';
import { userStrings } from './i18n';

/** The paged user table (server-side paging: `pagination` from usePaging). */
export function UserTable({
  users,
  departments,
  loading,
  pagination,
  onEdit,
  onResetPassword,
}: {
  users: readonly User[];
  /** To show departments by the short name the staff use (the full name on hover). */
  departments: readonly Department[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onEdit(user: User): void;
  onResetPassword(user: User): void;
}) {
  const t = useT(userStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const mayAct = can('system:user:update') || can('system:user:reset-password') || can('system:user:unlock');
  const shortNames = new Map(departments.map((d) => [d.id, d.shortName ?? d.name]));

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      scroll={{ x: 1150 }}
      pagination={pagination}
      columns={[
        { title: t('username'), dataIndex: 'username', width: 120, fixed: 'left', ellipsis: { showTitle: true } },
        { title: t('displayName'), dataIndex: 'displayName', width: 90 },
        {
          title: t('dept'),
          key: 'dept',
          width: 150,
          ellipsis: { showTitle: false },
          render: (_: unknown, u: User) => <span title={u.deptName ?? undefined}>{(u.deptId !== null && shortNames.get(u.deptId)) || u.deptName}</span>,
        },
        { title: t('district'), dataIndex: 'districtName', width: 80 },
        {
          title: tc('status'),
          key: 'status',
          width: 130,
          render: (_: unknown, u: User) => (
            <Space size={[0, 4]} wrap>
              <DictTag type="sys_status" value={u.status} />
              {u.locked ? (
                <Tooltip title={t('lockedUntil', { n: u.lockedSources, time: formatDateTime(u.lockedUntil) })}>
                  <Tag color="red" icon={<LockOutlined />}>
                    {t('lockedShort', { time: dayjs(u.lockedUntil).format('HH:mm') })}
                  </Tag>
                </Tooltip>
              ) : null}
            </Space>
          ),
        },
        {
          title: t('roles'),
          key: 'roles',
          width: 120,
          render: (_: unknown, u: User) => (
            <Space size={[0, 4]} wrap>
              {u.roles.map((r) => (
                <Tag key={r.id}>{r.name}</Tag>
              ))}
            </Space>
          ),
        },
        { title: t('phone'), dataIndex: 'phone', width: 120 },
        {
          title: t('lastLogin'),
          dataIndex: 'lastLoginAt',
          width: 170,
          render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('never')}</Typography.Text>),
        },
        ...(mayAct
          ? [
              {
                title: tc('actions'),
                key: 'actions',
                width: 170,
                fixed: 'right' as const,
                render: (_: unknown, u: User) => <UserActions user={u} onEdit={onEdit} onResetPassword={onResetPassword} />,
              },
            ]
          : []),
      ]}
    />
  );
}
