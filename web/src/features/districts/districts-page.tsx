import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { District } from '@contracts/system';
import { DeleteAction } from '@/components/delete-action';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { KeywordStatusSearch } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDeleteDistrict } from './api/delete-district';
import { useDistricts, type DistrictFilter } from './api/get-districts';
import { DistrictForm } from './district-form';
import { districtStrings } from './i18n';

type Node = District & { children?: Node[] };

/** Districts as a tree (parent → children), keeping the server's order. */
function toTree(items: District[]): Node[] {
  const byCode = new Map<string, Node>(items.map((d) => [d.code, { ...d }]));
  const roots: Node[] = [];
  for (const d of byCode.values()) {
    const parent = d.parentCode ? byCode.get(d.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(d);
    else roots.push(d);
  }
  return roots;
}

export default function DistrictsPage() {
  const t = useT(districtStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const [filter, setFilter] = useState<DistrictFilter>({});
  const { data, isLoading } = useDistricts(filter);
  const remove = useDeleteDistrict();
  const levels = useDict('sys_district_level');
  const [editing, setEditing] = useState<District | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const items = useMemo(() => data?.items ?? [], [data]);
  // A search shows matches flat; without one, the tree.
  const rows = filter.keyword || filter.status ? items : toTree(items);

  return (
    <PageContainer
      title={t('title')}
      description={t('description')}
      extra={
        <>
          <ExportButton url="/api/system/districts/export" query={{ ...filter }} permission="system:district:export" />
          {can('system:district:create') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {tc('create')}
            </Button>
          ) : null}
        </>
      }
    >
      <KeywordStatusSearch name="district-search" placeholder={`${t('name')} / ${t('code')}`} onSearch={setFilter} />
      <Table<Node>
        // Re-mount once data arrives so every tree node starts expanded.
        key={isLoading ? 'loading' : 'ready'}
        rowKey="code"
        loading={isLoading}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        pagination={{ pageSize: 50, showTotal: (total) => tc('total', { total }), hideOnSinglePage: true }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('code'), dataIndex: 'code', width: 140 },
          { title: t('level'), dataIndex: 'level', width: 100, render: (v: number) => levels.label(String(v)) },
          { title: t('users'), dataIndex: 'userCount', width: 90, align: 'right' },
          { title: tc('status'), dataIndex: 'status', width: 100, render: (v: string) => <DictTag type="sys_status" value={v} /> },
          {
            title: tc('actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, d: District) => (
              <Space>
                {can('system:district:update') ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setEditing(d);
                      setFormOpen(true);
                    }}
                  >
                    {tc('edit')}
                  </Button>
                ) : null}
                {can('system:district:delete') ? <DeleteAction name={d.name} onDelete={() => remove.mutateAsync(d.code)} /> : null}
              </Space>
            ),
          },
        ]}
      />
      <DistrictForm open={formOpen} editing={editing} districts={items} onClose={() => setFormOpen(false)} />
    </PageContainer>
  );
}
