import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CREDIT_LISTS, LIST_STATUSES, type CreditList, type ListEntry, type ListStatus } from '@contracts/credit-lists';
import { DistrictSelect } from '@/components/district-select';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDistrictOptions, useListEntries, type ListFilter } from './api/lists';
import { CreditSettingsDrawer, CreditSettingsSummary } from './credit-settings';
import { EntryFlags, ListStatusTag, NextStepCell, useGroundsLabel } from './display';
import { EntryActions } from './entry-actions';
import { EntryDrawer } from './entry-drawer';
import { creditStrings, type CreditKey } from './i18n';
import { ListEntryForm } from './list-entry-form';

/** The filter as the URL carries it, so the overview's links open a filtered list. */
function filterOf(params: URLSearchParams): ListFilter {
  const list = params.get('list');
  const status = params.get('status');
  return {
    list: CREDIT_LISTS.includes(list as CreditList) ? (list as CreditList) : undefined,
    status: LIST_STATUSES.includes(status as ListStatus) ? (status as ListStatus) : undefined,
    districtCode: params.get('districtCode') ?? undefined,
    keyword: params.get('keyword') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
}

function paramsOf(f: ListFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

export default function ListsPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const paging = usePaging();
  const entries = useListEntries({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const districts = useDistrictOptions().data?.items ?? [];
  const lists = useDict('credit_list');
  const grounds = useGroundsLabel();
  const [formOpen, setFormOpen] = useState(false);
  const [detail, setDetail] = useState<number | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [form] = Form.useForm();

  const apply = (next: ListFilter) => {
    setParams(paramsOf(next), { replace: true });
    paging.reset();
  };

  return (
    <PageContainer
      title={tc('creditLists')}
      description={t('listsDescription')}
      extra={
        <>
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
            {t('set_open')}
          </Button>
          <ExportButton url="/api/credit/lists/export" query={{ ...filter }} permission="credit:list:export" />
          {can('credit:list:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
              {t('newListing')}
            </Button>
          ) : null}
        </>
      }
    >
      <Tabs
        activeKey={filter.list ?? 'all'}
        onChange={(k) => apply({ ...filter, list: k === 'all' ? undefined : (k as CreditList) })}
        items={[{ key: 'all', label: t('allLists') }, ...CREDIT_LISTS.map((l) => ({ key: l, label: lists.label(l) }))]}
      />
      {/* The thresholds decide every penalty's publication period: show them where those periods are read. */}
      {filter.list === 'penalty-publication' ? <CreditSettingsSummary onOpen={() => setSettingsOpen(true)} /> : null}
      <Form
        form={form}
        name="credit-list-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ ...filter, overdue: filter.overdue === 'true' }}
        key={params.toString() === '' ? 'empty' : 'filtered'}
        onFinish={(v: { status?: ListStatus; districtCode?: string; keyword?: string; overdue?: boolean }) =>
          apply({ list: filter.list, status: v.status, districtCode: v.districtCode, keyword: v.keyword?.trim() || undefined, overdue: v.overdue ? 'true' : undefined })
        }
      >
        <Form.Item name="keyword" label={t('keyword')}>
          <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 130 }} placeholder={tc('all')} options={LIST_STATUSES.map((s) => ({ value: s, label: t(`st_${s}` as CreditKey) }))} />
        </Form.Item>
        {districts.length > 0 ? (
          <Form.Item name="districtCode" label={t('district')}>
            <DistrictSelect districts={districts} style={{ width: 180 }} placeholder={tc('all')} />
          </Form.Item>
        ) : null}
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('overdueOnly')}</Checkbox>
        </Form.Item>
        <SearchActions onReset={() => apply({ list: filter.list })} />
      </Form>
      <Table<ListEntry>
        rowKey="id"
        size="middle"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        pagination={paging.pagination(entries.data?.total ?? 0)}
        // Fits the 1280 px screen (about 950 px of content) without scrolling, so nothing hides behind
        // the fixed 操作 column: the grounds take what is left, long texts end in … with a tooltip,
        // dates never wrap or clip. Narrower screens scroll.
        scroll={{ x: 964 }}
        columns={[
          {
            title: t('entity'),
            key: 'entity',
            width: 180,
            render: (_: unknown, e) => (
              <div>
                <Link to={`/entities/${e.uscc}`}>{e.entityName}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {e.uscc}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('grounds'),
            key: 'grounds',
            render: (_: unknown, e: ListEntry) => {
              const label = grounds(e);
              return (
                <div>
                  {filter.list ? null : <DictTag type="credit_list" value={e.list} />}
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: e.groundsText && e.groundsText !== label ? `${label}：${e.groundsText}` : label }}>
                    {label}
                  </Typography.Paragraph>
                </div>
              );
            },
          },
          {
            title: t('decision'),
            key: 'decision',
            // The listing's own 文号 and, under it, the penalty's: both are read whole.
            width: 160,
            render: (_: unknown, e: ListEntry) => (
              <div>
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: e.decisionNo ?? undefined }}>
                  {e.decisionNo ?? t('noDate')}
                </Typography.Paragraph>
                {/* The penalty a listing rests on, under the listing's own number. */}
                {e.list === 'serious-violation' && e.penaltyDecisionNo ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 1, tooltip: t('penaltyNoShort', { no: e.penaltyDecisionNo }) }}>
                    {t('penaltyNoShort', { no: e.penaltyDecisionNo })}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {e.decisionDate}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('status'),
            key: 'status',
            width: 92,
            render: (_: unknown, e: ListEntry) => (
              <Space size={2} wrap>
                <ListStatusTag status={e.status} list={e.list} />
                <EntryFlags flags={e.flags.filter((f) => !f.endsWith('overdue'))} />
              </Space>
            ),
          },
          { title: t('nextStep'), key: 'next', width: 150, render: (_: unknown, e: ListEntry) => <NextStepCell step={e.nextStep} /> },
          { title: t('autoRemoveOn'), dataIndex: 'autoRemoveOn', width: 104, render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? t('noDate')}</span> },
          { title: tc('actions'), key: 'actions', width: 132, fixed: 'right', render: (_: unknown, e: ListEntry) => <EntryActions entry={e} onDetail={() => setDetail(e.id)} /> },
        ]}
      />
      <ListEntryForm open={formOpen} onClose={() => setFormOpen(false)} />
      <EntryDrawer id={detail} onClose={() => setDetail(null)} />
      <CreditSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </PageContainer>
  );
}
