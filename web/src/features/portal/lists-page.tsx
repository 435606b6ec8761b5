/**
 * 信用名单公示 (/credit-lists, no login): the public browses the red and black lists, the
 * serious-violation list and the abnormal-operations list as published today, filtered by
 * district, industry, grounds and listing date. Filters and paging run on the server; the URL
 * keeps them, so a filtered list can be bookmarked or shared.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LIST_GROUND_LABELS } from '@contracts/credit-lists';
import { INDUSTRY_SECTIONS } from '@contracts/industries';
import { PUBLIC_BROWSE_LISTS, PUBLIC_LIST_GROUNDS, type PublicBrowseList, type PublicListItem } from '@contracts/portal';
import { useLang, useT } from '@/lib/i18n';
import { browseList, getPublicDistricts, type PublicListFilter } from './api';
import { portalStrings, type PortalKey } from './i18n';
import { PortalHeader } from './portal-header';

const PAGE_SIZE = 20;

interface FilterValues {
  districtCode?: string;
  industry?: string;
  grounds?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** The grounds a list is filtered by, in words. */
function useGroundOptions(list: PublicBrowseList): { value: string; label: string }[] {
  const t = useT(portalStrings);
  const { lang } = useLang();
  return PUBLIC_LIST_GROUNDS[list].map((g) => {
    const known = (LIST_GROUND_LABELS as Record<string, readonly [string, string]>)[g];
    if (known) return { value: g, label: known[lang === 'zh' ? 0 : 1] };
    if (g === 'quality_safety') return { value: g, label: t('groundGroupQuality') };
    if (g.startsWith('grade:')) return { value: g, label: t('groundGrade', { grade: g.slice(6) }) };
    return { value: g, label: t('groundListSerious') };
  });
}

/** GB/T 4754 sections, each followed by its divisions (indented), for one searchable select. */
const INDUSTRY_OPTIONS = INDUSTRY_SECTIONS.map((s) => ({
  label: `${s.code} ${s.name}`,
  options: [{ value: s.code, label: `${s.code} ${s.name}（全部）` }, ...s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))],
}));

export default function PortalListsPage() {
  const t = useT(portalStrings);
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  const list: PublicBrowseList = PUBLIC_BROWSE_LISTS.includes(params.get('list') as PublicBrowseList) ? (params.get('list') as PublicBrowseList) : 'serious-violation';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filter: PublicListFilter = {
    districtCode: params.get('districtCode') ?? undefined,
    industry: params.get('industry') ?? undefined,
    grounds: params.get('grounds') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const groundOptions = useGroundOptions(list);
  const districts = useQuery({ queryKey: ['portal-districts'], queryFn: getPublicDistricts, staleTime: 3_600_000, retry: false });
  const entries = useQuery({ queryKey: ['portal-list', list, filter, page], queryFn: () => browseList(list, { ...filter, page, pageSize: PAGE_SIZE }), retry: false });
  const honour = list === 'red' || list === 'black';

  // The form shows what the URL says (a shared link, the back button).
  useEffect(() => {
    form.setFieldsValue({
      districtCode: filter.districtCode,
      industry: filter.industry,
      grounds: filter.grounds,
      range: filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.toString()]);

  const go = (next: { list?: PublicBrowseList; page?: number } & PublicListFilter) => {
    const p = Object.fromEntries(Object.entries({ list: next.list ?? list, ...next, page: next.page && next.page > 1 ? String(next.page) : undefined }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
    setParams(p);
  };
  const apply = (v: FilterValues) =>
    go({ districtCode: v.districtCode, industry: v.industry, grounds: v.grounds, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') });

  const columns = [
    {
      title: t('name'),
      key: 'name',
      // Wide enough for a company name on one or two lines and the 18-character USCC on one.
      width: 210,
      render: (_: unknown, r: PublicListItem) => (
        <div>
          <Link to={`/credit-lookup?uscc=${r.uscc}`} title={t('viewCredit')}>
            {r.name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
              {r.uscc}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      // District and industry in one column, so the grounds keep room to be read.
      title: `${t('district')} / ${t('industry')}`,
      key: 'where',
      width: 160,
      render: (_: unknown, r: PublicListItem) => (
        <div>
          <div>{r.district ?? r.districtCode}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.industry}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('grounds'),
      dataIndex: 'grounds',
      render: (v: string | null) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: v }}>
          {v ?? '—'}
        </Typography.Paragraph>
      ),
    },
    honour
      ? { title: t('round'), key: 'round', width: 160, render: (_: unknown, r: PublicListItem) => r.round?.title ?? '—' }
      : {
          title: t('decisionNo'),
          key: 'decision',
          width: 180,
          render: (_: unknown, r: PublicListItem) => (
            <div>
              <div>{r.decisionNo ?? '—'}</div>
              {r.penaltyDecisionNo ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('penaltyNo', { no: r.penaltyDecisionNo })}
                </Typography.Text>
              ) : null}
            </div>
          ),
        },
    { title: honour ? t('sinceRound') : t('since'), dataIndex: 'since', width: 100, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('until'), dataIndex: 'until', width: 100, render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? (list === 'abnormal' ? t('untilOpen') : '—')}</span> },
  ];

  return (
    <div style={{ minHeight: '100vh', background: '#f3f6fb' }}>
      <PortalHeader title={t('listsTitle')} subtitle={t('listsSubtitle')} />
      <div style={{ maxWidth: 1080, margin: '-32px auto 32px', padding: '0 16px' }}>
        <Card data-testid="portal-lists">
          <Tabs
            activeKey={list}
            onChange={(k) => go({ list: k as PublicBrowseList, districtCode: filter.districtCode, industry: filter.industry, from: filter.from, to: filter.to })}
            items={PUBLIC_BROWSE_LISTS.map((l) => ({ key: l, label: t(`list_${l}` as PortalKey) }))}
          />
          <Typography.Paragraph type="secondary">{t(`listIntro_${list}` as PortalKey)}</Typography.Paragraph>
          <Form<FilterValues> form={form} layout="inline" name="portal-list-filter" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
            <Form.Item name="districtCode" label={t('filterDistrict')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 150 }}
                placeholder={t('allOption')}
                loading={districts.isLoading}
                options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="industry" label={t('filterIndustry')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 230 }} placeholder={t('allOption')} options={INDUSTRY_OPTIONS} popupMatchSelectWidth={320} />
            </Form.Item>
            <Form.Item name="grounds" label={t('filterGrounds')}>
              <Select allowClear style={{ width: 260 }} placeholder={t('allOption')} options={groundOptions} popupMatchSelectWidth={360} />
            </Form.Item>
            <Form.Item name="range" label={t('filterDate')}>
              <DatePicker.RangePicker style={{ width: 250 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" data-testid="portal-list-filter">
                  {t('filterSearch')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    go({});
                  }}
                >
                  {t('filterReset')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {entries.error ? <Alert type="error" showIcon title={(entries.error as Error).message} style={{ marginBottom: 12 }} /> : null}
          <Table<PublicListItem>
            rowKey={(r) => `${r.uscc}-${r.since}-${r.decisionNo ?? r.round?.title ?? ''}`}
            size="middle"
            data-testid="portal-list-table"
            loading={entries.isFetching}
            dataSource={entries.data?.items ?? []}
            locale={{ emptyText: t('listEmpty') }}
            columns={columns}
            scroll={{ x: 980 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: entries.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('listTotal', { n }),
              onChange: (p) => go({ ...filter, page: p }),
            }}
          />
          <Space style={{ marginTop: 8 }}>
            <Tag color="blue">{t(`list_${list}` as PortalKey)}</Tag>
            <Typography.Text type="secondary">{t('listsNotice')}</Typography.Text>
          </Space>
        </Card>
      </div>
    </div>
  );
}
