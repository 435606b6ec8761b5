import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '@contracts/system';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDeleteRole } from './api/delete-role';
import { useRoles, type RoleFilter } from './api/get-roles';
import { roleStrings } from './i18n';
import { RoleForm } from './role-form';

export default function RolesPage() {
  const t = useT(roleStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const statuses = useDict('sys_status');
  const [filter, setFilter] = useState<RoleFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useRoles({ ...filter, page, pageSize });
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
      <Form
        layout="inline"
        onFinish={(v: RoleFilter) => {
          setFilter({ keyword: v.keyword?.trim() || undefined, status: v.status });
          setPage(1);
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="keyword" label={tc('keyword')}>
          <Input allowClear placeholder={t('searchPlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select allowClear style={{ width: 120 }} options={statuses.options} placeholder={tc('all')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {tc('search')}
            </Button>
            <Button
              htmlType="reset"
              onClick={() => {
                setFilter({});
                setPage(1);
              }}
            >
              {tc('reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<Role>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => tc('total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
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
            render: (_: unknown, r: Role) => {
              const blocker = deleteBlocker(r);
              return (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => openForm(r)}>
                    {mayUpdate ? tc('edit') : t('view')}
                  </Button>
                  {can('system:role:delete') ? (
                    blocker ? (
                      <Tooltip title={blocker}>
                        <Button type="link" size="small" danger disabled>
                          {tc('delete')}
                        </Button>
                      </Tooltip>
                    ) : (
                      <Popconfirm
                        title={tc('confirmDelete', { name: r.name })}
                        onConfirm={async () => {
                          try {
                            await remove.mutateAsync(r.id);
                            message.success(tc('deleted'));
                          } catch (err) {
                            notify(err);
                          }
                        }}
                      >
                        <Button type="link" size="small" danger>
                          {tc('delete')}
                        </Button>
                      </Popconfirm>
                    )
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
      <RoleForm open={formOpen} editing={editing} readOnly={!!editing && !mayUpdate} onClose={() => setFormOpen(false)} />
    </PageContainer>
  );
}
