import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '@contracts/system';
import { DeleteAction } from '@/components/delete-action';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { KeywordStatusSearch } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDeleteRole } from './api/delete-role';
import { useRoles, type RoleFilter } from './api/get-roles';
import { roleStrings } from './i18n';
import { RoleForm } from './role-form';

export default function RolesPage() {
  const t = useT(roleStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { filter, search, paging } = usePagedFilter<RoleFilter>();
  const { data, isFetching } = useRoles({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Role | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const mayUpdate = can('system:role:update');

  const openForm = (role: Role | null) => {
    setEditing(role);
    setFormOpen(true);
  };

  const deleteBlocker = (r: Role): string | null => {
    if (r.builtin) return t('builtinNoDelete');
    if (r.userCount > 0) return t('inUseNoDelete', { n: r.userCount });
    return null;
  };

  return (
    <PageContainer
      title={t('title')}
      description={t('description')}
      extra={
        <>
          <ExportButton url="/api/system/roles/export" query={{ ...filter }} permission="system:role:export" />
          {can('system:role:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {tc('create')}
            </Button>
          ) : null}
        </>
      }
    >
      <KeywordStatusSearch placeholder={t('searchPlaceholder')} onSearch={search} />
      <Table<Role>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={paging.pagination(data?.total ?? 0)}
        columns={[
          { title: t('name'), dataIndex: 'name', render: (v: string, r) => (r.remark ? <Tooltip title={r.remark}>{v}</Tooltip> : v) },
          {
            title: t('key'),
            dataIndex: 'key',
            render: (v: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {v}
              </Typography.Text>
            ),
          },
          { title: t('dataScope'), dataIndex: 'dataScope', render: (v: string) => <DictTag type="sys_data_scope" value={v} /> },
          { title: t('permissionCount'), dataIndex: 'permissions', align: 'right', width: 120, render: (v: string[]) => v.length },
          { title: t('userCount'), dataIndex: 'userCount', align: 'right', width: 80 },
          { title: t('type'), dataIndex: 'builtin', width: 90, render: (v: boolean) => (v ? <Tag color="blue">{t('builtin')}</Tag> : <Tag>{t('custom')}</Tag>) },
          { title: tc('status'), dataIndex: 'status', width: 90, render: (v: string) => <DictTag type="sys_status" value={v} /> },
          { title: tc('updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: tc('actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_: unknown, r: Role) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => openForm(r)}>
                  {mayUpdate ? tc('edit') : t('view')}
                </Button>
                {can('system:role:delete') ? <DeleteAction name={r.name} disabledReason={deleteBlocker(r)} onDelete={() => remove.mutateAsync(r.id)} /> : null}
              </Space>
            ),
          },
        ]}
      />
      <RoleForm open={formOpen} editing={editing} readOnly={!!editing && !mayUpdate} onClose={() => setFormOpen(false)} />
    </PageContainer>
  );
}
