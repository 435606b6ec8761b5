import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { User } from '@contracts/system';
import { ExportButton } from '@/components/export-button';
import { ImportModal } from '@/components/import-modal';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDepartments } from './api/get-departments';
import { useDistricts } from './api/get-districts';
import { useRoleOptions } from './api/get-role-options';
import { useUsers, type UserFilter } from './api/get-users';
import { DeptTree } from './dept-tree';
import { userStrings } from './i18n';
import { ResetPasswordModal } from './reset-password-modal';
import { UserForm } from './user-form';
import { UserSearch } from './user-search';
import { UserTable } from './user-table';

/** `?deptId=12` (from the tree, or a link from the departments page) → 12; anything else → undefined. */
function deptIdParam(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export default function UsersPage() {
  const t = useT(userStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const deptId = deptIdParam(params.get('deptId'));
  const { filter, search, paging } = usePagedFilter<Omit<UserFilter, 'deptId'>>();
  const users = useUsers({ ...filter, deptId, page: paging.page, pageSize: paging.pageSize });
  const departments = useDepartments();
  const districts = useDistricts();
  const roleOptions = useRoleOptions();
  const [formOpen, setFormOpen] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  const deptItems = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const districtItems = useMemo(() => districts.data?.items ?? [], [districts.data]);
  const selectedDept = deptItems.find((d) => d.id === deptId);

  const selectDept = (id: number | undefined) => {
    setParams(id ? { deptId: String(id) } : {}, { replace: true });
    paging.reset();
  };

  const closeForm = useCallback(() => setFormOpen(false), []);
  const closeReset = useCallback(() => setResetting(null), []);

  const openForm = (id: number | null) => {
    setEditingId(id);
    setFormOpen(true);
  };

  return (
    <PageContainer
      title={tc('users')}
      description={t('description')}
      extra={
        <>
          {can('system:user:import') ? (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {tc('import')}
            </Button>
          ) : null}
          <ExportButton url="/api/system/users/export" query={{ ...filter, deptId }} permission="system:user:export" />
          {can('system:user:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {tc('create')}
            </Button>
          ) : null}
        </>
      }
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ width: 250, flex: 'none', borderRight: '1px solid #f0f0f0', paddingRight: 16 }}>
          <DeptTree departments={deptItems} loading={departments.isLoading} selectedId={deptId} onSelect={(d) => selectDept(d?.id)} />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <UserSearch
            districts={districtItems}
            roles={roleOptions.data?.items ?? []}
            onSearch={search}
            onReset={() => {
              search({});
              selectDept(undefined);
            }}
          />
          {deptId ? (
            <Tag closable onClose={() => selectDept(undefined)} color="blue" style={{ marginBottom: 12 }}>
              {t('deptFilter', { name: selectedDept?.name ?? String(deptId) })}
            </Tag>
          ) : null}
          <UserTable
            users={users.data?.items ?? []}
            departments={deptItems}
            loading={users.isFetching}
            // Unlike the other lists, this pager shows the page on screen: it moves when the next page has loaded.
            pagination={{ ...paging.pagination(users.data?.total ?? 0), current: users.data?.page ?? 1, pageSize: users.data?.pageSize ?? 20 }}
            onEdit={(u) => openForm(u.id)}
            onResetPassword={setResetting}
          />
        </div>
      </div>
      <UserForm open={formOpen} editingId={editingId} defaultDeptId={deptId} departments={deptItems} districts={districtItems} onClose={closeForm} />
      <ResetPasswordModal user={resetting} onClose={closeReset} />
      <ImportModal
        open={importOpen}
        onClose={() => setImportOpen(false)}
        uploadUrl="/api/system/users/import"
        templateUrl="/api/system/users/import-template"
        onImported={(r) => {
          if (r.inserted + r.updated > 0) message.success(t('imported'));
          void qc.invalidateQueries({ queryKey: ['users'] });
          void qc.invalidateQueries({ queryKey: ['departments'] });
          void qc.invalidateQueries({ queryKey: ['districts'] });
        }}
      />
    </PageContainer>
  );
}
