import { NodeCollapseOutlined, NodeExpandOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Department } from '@contracts/system';
import { toDeptTree } from '@/components/dept-tree-select';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDepartments, type DepartmentFilter } from './api/get-departments';
import { useDistricts } from './api/get-districts';
import { DeptForm, nextSort, type DeptFormTarget } from './dept-form';
import { DeptTable } from './dept-table';
import { departmentStrings } from './i18n';

export default function DepartmentsPage() {
  const t = useT(departmentStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const kinds = useDict('sys_dept_kind');
  const statuses = useDict('sys_status');
  const [filter, setFilter] = useState<DepartmentFilter>({});
  const searching = !!(filter.keyword || filter.kind || filter.status);
  // The whole tree (for the parent picker and parent names) and, while searching, the matches.
  const all = useDepartments();
  const found = useDepartments(filter);
  const districts = useDistricts();
  const [formOpen, setFormOpen] = useState(false);
  const [target, setTarget] = useState<DeptFormTarget | null>(null);
  // null = every node with children expanded (the default); else the keys the user left open.
  const [expanded, setExpanded] = useState<number[] | null>(null);

  const allItems = useMemo(() => all.data?.items ?? [], [all.data]);
  const foundItems = useMemo(() => found.data?.items ?? [], [found.data]);
  const rows = useMemo(() => (searching ? foundItems.map((d) => ({ ...d })) : toDeptTree(foundItems)), [searching, foundItems]);
  const parentIds = useMemo(() => [...new Set(allItems.flatMap((d) => (d.parentId !== null ? [d.parentId] : [])))], [allItems]);
  const expandedKeys = expanded ?? parentIds;
  const allExpanded = expandedKeys.length >= parentIds.length;

  const openForm = (next: DeptFormTarget) => {
    setTarget(next);
    setFormOpen(true);
  };
  const create = (parent: Department | null) => openForm({ parent, sort: nextSort(allItems, parent?.id ?? null) });

  return (
    <PageContainer
      title={tc('departments')}
      description={t('description')}
      extra={
        <>
          {!searching ? (
            <Button icon={allExpanded ? <NodeCollapseOutlined /> : <NodeExpandOutlined />} onClick={() => setExpanded(allExpanded ? [] : null)}>
              {allExpanded ? t('collapseAll') : t('expandAll')}
            </Button>
          ) : null}
          <ExportButton url="/api/system/departments/export" query={{ ...filter }} permission="system:dept:export" />
          {can('system:dept:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => create(null)}>
              {tc('create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Form
        // A name prefixes the field ids, which would otherwise clash with the form in the modal.
        name="dept-search"
        layout="inline"
        onFinish={(v: DepartmentFilter) => setFilter({ keyword: v.keyword?.trim() || undefined, kind: v.kind, status: v.status })}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="keyword" label={tc('keyword')}>
          <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')}>
          <Select allowClear style={{ width: 180 }} options={kinds.options} placeholder={tc('all')} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select allowClear style={{ width: 110 }} options={statuses.options} placeholder={tc('all')} />
        </Form.Item>
        <SearchActions onReset={() => setFilter({})} />
      </Form>
      <DeptTable
        rows={rows}
        flat={searching}
        loading={found.isFetching}
        expandedKeys={expandedKeys}
        onExpandedChange={setExpanded}
        allDepartments={allItems}
        districts={districts.data?.items ?? []}
        onEdit={(d) => openForm({ editing: d })}
        onAddChild={create}
      />
      <DeptForm open={formOpen} target={target} departments={allItems} districts={districts.data?.items ?? []} onClose={() => setFormOpen(false)} />
    </PageContainer>
  );
}
