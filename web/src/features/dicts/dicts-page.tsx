import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DictType } from '@contracts/system';
import { DeleteAction } from '@/components/delete-action';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { KeywordStatusSearch } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDeleteDictType } from './api/delete-dict-type';
import { useDictTypes, type DictTypeFilter } from './api/get-dict-types';
import { DictItemsDrawer } from './dict-items-drawer';
import { DictTypeForm } from './dict-type-form';
import { dictStrings } from './i18n';

export default function DictsPage() {
  const t = useT(dictStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { filter, search, paging } = usePagedFilter<DictTypeFilter>();
  const { data, isFetching } = useDictTypes({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const remove = useDeleteDictType();
  const [editing, setEditing] = useState<DictType | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [itemsOf, setItemsOf] = useState<string | null>(null);

  const openForm = (type: DictType | null) => {
    setEditing(type);
    setFormOpen(true);
  };

  return (
    <PageContainer
      title={t('title')}
      description={t('description')}
      extra={
        <>
          <ExportButton url="/api/system/dicts/export" query={{ ...filter }} permission="system:dict:export" />
          {can('system:dict:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {tc('create')}
            </Button>
          ) : null}
        </>
      }
    >
      <KeywordStatusSearch placeholder={t('searchPlaceholder')} onSearch={search} />
      <Table<DictType>
        rowKey="type"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1040 }}
        pagination={paging.pagination(data?.total ?? 0)}
        columns={[
          {
            title: t('type'),
            dataIndex: 'type',
            // Wide enough for the longest built-in key (assessment_rectification_status); longer ones are cut with a tooltip.
            width: 290,
            ellipsis: { showTitle: true },
            render: (v: string) => (
              <Typography.Link onClick={() => setItemsOf(v)} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {v}
              </Typography.Link>
            ),
          },
          { title: t('nameZh'), dataIndex: 'nameZh' },
          { title: t('nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('none')}</Typography.Text> },
          { title: t('itemCount'), dataIndex: 'itemCount', width: 90, align: 'right' },
          { title: t('kind'), dataIndex: 'builtin', width: 100, render: (v: boolean) => (v ? <Tag color="blue">{t('builtin')}</Tag> : <Tag>{t('custom')}</Tag>) },
          { title: tc('status'), dataIndex: 'status', width: 90, render: (v: string) => <DictTag type="sys_status" value={v} /> },
          { title: tc('remark'), dataIndex: 'remark', ellipsis: true },
          {
            title: tc('actions'),
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_: unknown, d: DictType) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setItemsOf(d.type)}>
                  {t('items')}
                </Button>
                {can('system:dict:update') ? (
                  <Button type="link" size="small" onClick={() => openForm(d)}>
                    {tc('edit')}
                  </Button>
                ) : null}
                {can('system:dict:delete') ? (
                  <DeleteAction
                    name={d.nameZh}
                    title={t('confirmDeleteType', { name: d.nameZh, n: d.itemCount })}
                    disabledReason={d.builtin ? t('builtinTypeNoDelete') : undefined}
                    onDelete={() => remove.mutateAsync(d.type)}
                  />
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <DictTypeForm open={formOpen} editing={editing} onClose={() => setFormOpen(false)} />
      <DictItemsDrawer type={itemsOf} onClose={() => setItemsOf(null)} />
    </PageContainer>
  );
}
