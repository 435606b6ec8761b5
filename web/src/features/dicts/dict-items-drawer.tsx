import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography, type TableColumnType } from 'antd';
import { useState } from 'react';
import type { DictItem } from '@contracts/system';
import { DeleteAction } from '@/components/delete-action';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDeleteDictItem } from './api/delete-dict-item';
import { useDictType } from './api/get-dict-type';
import { DictItemForm } from './dict-item-form';
import { dictStrings } from './i18n';

/** The items of one dictionary type, with their colour previews; add, edit, delete. */
export function DictItemsDrawer({ type, onClose }: { type: string | null; onClose(): void }) {
  const t = useT(dictStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const { can } = useAuth();
  const { data, isLoading } = useDictType(type);
  const remove = useDeleteDictItem();
  const [editing, setEditing] = useState<DictItem | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const items = data?.items ?? [];
  const dictType = data?.type;
  const typeName = dictType ? (lang === 'en' ? (dictType.nameEn ?? dictType.nameZh) : dictType.nameZh) : (type ?? '');
  const itemLabel = (i: DictItem) => (lang === 'en' ? (i.labelEn ?? i.labelZh) : i.labelZh);

  const openForm = (item: DictItem | null) => {
    setEditing(item);
    setFormOpen(true);
  };
  const mayEdit = can('system:dict:update');
  const mayDelete = can('system:dict:delete');
  const actionsColumn: TableColumnType<DictItem> = {
    title: tc('actions'),
    key: 'actions',
    width: 130,
    render: (_: unknown, i: DictItem) => (
      <Space size={0}>
        {mayEdit ? (
          <Button type="link" size="small" onClick={() => openForm(i)}>
            {tc('edit')}
          </Button>
        ) : null}
        {mayDelete ? (
          <DeleteAction
            name={i.labelZh}
            disabledReason={i.builtin ? t('builtinItemNoDelete') : undefined}
            onDelete={() => remove.mutateAsync({ type: i.dictType, id: i.id })}
          />
        ) : null}
      </Space>
    ),
  };

  return (
    <Drawer
      title={t('itemsTitle', { name: typeName })}
      open={type !== null}
      onClose={onClose}
      size={1000}
      extra={
        can('system:dict:create') && type ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {tc('create')}
          </Button>
        ) : null
      }
    >
      {dictType ? (
        <Descriptions
          size="small"
          column={3}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'type', label: t('type'), children: <Typography.Text code>{dictType.type}</Typography.Text> },
            { key: 'zh', label: t('nameZh'), children: dictType.nameZh },
            { key: 'en', label: t('nameEn'), children: dictType.nameEn ?? t('none') },
            { key: 'kind', label: t('kind'), children: dictType.builtin ? <Tag color="blue">{t('builtin')}</Tag> : <Tag>{t('custom')}</Tag> },
            { key: 'status', label: tc('status'), children: <DictTag type="sys_status" value={dictType.status} /> },
            { key: 'remark', label: tc('remark'), children: dictType.remark ?? t('none') },
          ]}
        />
      ) : null}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={dictType?.builtin ? t('builtinTypeNote') : t('disabledItemNote')} description={dictType?.builtin ? t('disabledItemNote') : undefined} />
      <Table<DictItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => tc('total', { total }) }}
        columns={[
          { title: t('value'), dataIndex: 'value', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('labelZh'), dataIndex: 'labelZh' },
          { title: t('labelEn'), dataIndex: 'labelEn', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('none')}</Typography.Text> },
          {
            title: t('color'),
            dataIndex: 'color',
            render: (v: string | null, i) => (
              <Space size={4}>
                <Tag color={v ?? undefined}>{itemLabel(i)}</Tag>
                {v ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: tc('sort'), dataIndex: 'sort', width: 70, align: 'right' },
          { title: tc('status'), dataIndex: 'status', width: 80, render: (v: string) => <DictTag type="sys_status" value={v} /> },
          { title: t('builtinMark'), dataIndex: 'builtin', width: 80, render: (v: boolean) => (v ? <Tag color="blue">{t('builtinMark')}</Tag> : null) },
          ...(mayEdit || mayDelete ? [actionsColumn] : []),
        ]}
      />
      {type ? (
        <DictItemForm
          open={formOpen}
          type={type}
          editing={editing}
          nextSort={items.reduce((max, i) => Math.max(max, i.sort), 0) + 10}
          onClose={() => setFormOpen(false)}
        />
      ) : null}
    </Drawer>
  );
}
