import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import type { Department, District } from '@contracts/system';
import { DeleteAction } from '@/components/delete-action';
import type { DeptNode } from '@/components/dept-tree-select';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDeleteDepartment } from './api/delete-department';
import { departmentStrings } from './i18n';

/** A row's actions, each shown only with its permission: edit, add a sub-department, delete. */
function DeptActions({ dept, onEdit, onAddChild }: { dept: Department; onEdit(d: Department): void; onAddChild(parent: Department): void }) {
  const t = useT(departmentStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const remove = useDeleteDepartment();

  return (
    <Space size={0}>
      {can('system:dept:update') ? (
        <Button type="link" size="small" onClick={() => onEdit(dept)}>
          {tc('edit')}
        </Button>
      ) : null}
      {can('system:dept:create') ? (
        <Button type="link" size="small" onClick={() => onAddChild(dept)}>
          {t('addChild')}
        </Button>
      ) : null}
      {can('system:dept:delete') ? (
        // A 409 DEPT_HAS_USERS / DEPT_HAS_CHILDREN says how many users or sub-departments remain.
        <DeleteAction name={dept.name} description={t('confirmDeleteHint')} dangerOk onDelete={() => remove.mutateAsync(dept.id)} />
      ) : null}
    </Space>
  );
}

/**
 * The department table: a tree (rows with `children`) or, for a search, the matches flat with their
 * parent's name under each.
 */
export function DeptTable({
  rows,
  flat,
  loading,
  expandedKeys,
  onExpandedChange,
  allDepartments,
  districts,
  onEdit,
  onAddChild,
}: {
  rows: DeptNode[];
  flat: boolean;
  loading: boolean;
  expandedKeys: readonly number[];
  onExpandedChange(keys: number[]): void;
  /** Every department in scope, to name the parent of a search match. */
  allDepartments: readonly Department[];
  districts: readonly District[];
  onEdit(d: Department): void;
  onAddChild(parent: Department): void;
}) {
  const t = useT(departmentStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const { can } = useAuth();
  const navigate = useNavigate();
  const names = new Map(allDepartments.map((d) => [d.id, d.shortName ?? d.name]));
  const districtNames = new Map(districts.map((d) => [d.code, d.name]));
  const mayAct = can('system:dept:update') || can('system:dept:create') || can('system:dept:delete');

  const columns: TableColumnsType<DeptNode> = [
    {
      title: t('name'),
      dataIndex: 'name',
      width: 320,
      ellipsis: { showTitle: false },
      render: (_: unknown, d: Department) => (
        <span title={d.name} style={d.status === 'disabled' ? { color: 'rgba(0,0,0,0.45)' } : undefined}>
          {d.name}
          {flat && d.parentId !== null && names.has(d.parentId) ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('parentOf', { name: names.get(d.parentId)! })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('shortAndAliases'),
      key: 'shortName',
      width: 180,
      render: (_: unknown, d: Department) => (
        <>
          {d.shortName ?? ''}
          {d.aliases.length > 0 ? (
            <Typography.Text type="secondary" ellipsis={{ tooltip: d.aliases.join('、') }} style={{ display: 'block', fontSize: 12, maxWidth: 164 }}>
              {t('aka', { names: d.aliases.join('、') })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('kind'), dataIndex: 'kind', width: 150, render: (v: string) => <DictTag type="sys_dept_kind" value={v} /> },
    { title: t('district'), dataIndex: 'districtCode', width: 80, render: (v: string | null) => (v ? (districtNames.get(v) ?? v) : '') },
    {
      title: (
        <Tooltip title={t('usersHint')}>
          {t('users')} <QuestionCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'userCount',
      width: 96,
      align: 'right',
      render: (n: number, d: Department) =>
        can('system:user:list') ? (
          <Button type="link" size="small" onClick={() => navigate(`/system/users?deptId=${d.id}`)}>
            {n}
          </Button>
        ) : (
          n
        ),
    },
    { title: tc('status'), dataIndex: 'status', width: 70, render: (v: string) => <DictTag type="sys_status" value={v} /> },
    {
      title: t('leaderPhone'),
      key: 'leader',
      width: 120,
      render: (_: unknown, d: Department) => (
        <>
          {d.leader ?? ''}
          {d.phone ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {d.phone}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
  ];
  if (mayAct) {
    columns.push({
      title: tc('actions'),
      key: 'actions',
      // The English labels are wider.
      width: lang === 'zh' ? 175 : 225,
      fixed: 'right',
      render: (_: unknown, d: Department) => <DeptActions dept={d} onEdit={onEdit} onAddChild={onAddChild} />,
    });
  }

  return (
    <Table<DeptNode>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      scroll={{ x: mayAct ? 1190 : 1016 }}
      expandable={flat ? undefined : { expandedRowKeys: [...expandedKeys], onExpandedRowsChange: (keys) => onExpandedChange(keys.map(Number)) }}
      pagination={{ defaultPageSize: 100, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (total) => tc('total', { total }), hideOnSinglePage: true }}
      columns={columns}
    />
  );
}
