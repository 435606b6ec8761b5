import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SCHEME_STATUSES, type Scheme } from '@contracts/assessment';
import { DeleteAction } from '@/components/delete-action';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDate, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDeleteScheme } from './api/delete-scheme';
import { useSchemes, type SchemeFilter } from './api/get-schemes';
import { assessmentStrings } from './i18n';
import { SchemeEditor } from './scheme-editor';

/** 考核方案: the schemes, newest year first; create, edit until published, open for entry and scoring. */
export default function SchemesPage() {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const navigate = useNavigate();
  const statuses = useDict('assessment_scheme_status');
  const { filter, search, paging } = usePagedFilter<SchemeFilter>();
  const schemes = useSchemes({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const remove = useDeleteScheme();
  const [editor, setEditor] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const [searchForm] = Form.useForm<SchemeFilter>();

  const scoring = (s: Scheme) => navigate(`/assessment/scoring?schemeId=${s.id}`);

  return (
    <PageContainer
      title={tc('assessmentSchemes')}
      description={t('schemesDescription')}
      extra={
        can('assessment:scheme:create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, id: null })} data-testid="new-scheme">
            {t('newScheme')}
          </Button>
        ) : null
      }
    >
      <Form form={searchForm} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={(v) => search({ keyword: v.keyword || undefined, year: v.year || undefined, status: v.status || undefined })}>
        <Form.Item name="keyword" label={tc('keyword')}>
          <Input placeholder={t('keywordPlaceholder')} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="year" label={t('year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select allowClear style={{ width: 120 }} options={SCHEME_STATUSES.map((s) => ({ value: s, label: statuses.label(s) }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {tc('search')}
          </Button>
          <Button
            onClick={() => {
              searchForm.resetFields();
              search({});
            }}
          >
            {tc('reset')}
          </Button>
        </Space>
      </Form>
      <Table<Scheme>
        rowKey="id"
        loading={schemes.isFetching}
        dataSource={schemes.data?.items ?? []}
        pagination={paging.pagination(schemes.data?.total ?? 0)}
        locale={{ emptyText: t('noSchemes') }}
        columns={[
          {
            title: t('name'),
            dataIndex: 'name',
            render: (v: string, s: Scheme) => (
              <Typography.Link onClick={() => scoring(s)} data-testid="scheme-link">
                {v}
              </Typography.Link>
            ),
          },
          { title: t('year'), dataIndex: 'year', width: 96 },
          { title: t('targetKind'), dataIndex: 'targetKind', width: 130, render: (v: string) => <DictTag type="assessment_target_kind" value={v} /> },
          { title: t('units'), dataIndex: 'unitCount', width: 104, render: (n: number) => t('unitCount', { n }) },
          {
            title: tc('status'),
            dataIndex: 'status',
            width: 170,
            render: (v: string, s: Scheme) => (
              <>
                <DictTag type="assessment_scheme_status" value={v} />
                {s.publishedAt ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDate(s.publishedAt)}
                    </Typography.Text>
                    {s.docNumber ? (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="scheme-doc-number">
                          {s.docNumber}
                        </Typography.Text>
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: t('scoredAt'),
            dataIndex: 'scoredAt',
            width: 170,
            render: (v: string | null, s: Scheme) =>
              v === null ? <Typography.Text type="secondary">{t('notScored')}</Typography.Text> : s.scored ? formatDateTime(v) : <Tag color="warning">{t('stale')}</Tag>,
          },
          {
            title: tc('actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, s: Scheme) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => scoring(s)}>
                  {s.status === 'published' ? t('viewResults') : t('openScoring')}
                </Button>
                {can('assessment:scheme:update') && s.status !== 'published' ? (
                  <Button type="link" size="small" onClick={() => setEditor({ open: true, id: s.id })}>
                    {tc('edit')}
                  </Button>
                ) : null}
                {can('assessment:scheme:delete') && s.status !== 'published' ? (
                  <DeleteAction name={s.name} dangerOk onDelete={() => remove.mutateAsync(s.id)} />
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <SchemeEditor
        open={editor.open}
        editingId={editor.id}
        onClose={() => setEditor({ open: false, id: null })}
        onSaved={(s) => {
          const created = editor.id === null;
          setEditor({ open: false, id: null });
          if (created) navigate(`/assessment/scoring?schemeId=${s.id}`);
        }}
      />
    </PageContainer>
  );
}
