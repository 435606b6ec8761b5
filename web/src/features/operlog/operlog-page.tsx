import { DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OperLog } from '@contracts/logs';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useOperLogs, type OperLogFilter } from './api/get-operlogs';
import { operlogStrings } from './i18n';
import { OperLogDetail } from './operlog-detail';

interface FilterForm {
  keyword?: string;
  operType?: string;
  status?: string;
  operName?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FilterForm): OperLogFilter {
  return {
    keyword: v.keyword?.trim() || undefined,
    operType: v.operType,
    status: v.status,
    operName: v.operName?.trim() || undefined,
    from: v.dates?.[0]?.format('YYYY-MM-DD'),
    to: v.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function OperLogPage() {
  const t = useT(operlogStrings);
  const tc = useT(common);
  const operTypes = useDict('sys_oper_type');
  const operStatuses = useDict('sys_oper_status');
  const { filter, search, paging } = usePagedFilter<OperLogFilter>();
  const { data, isFetching } = useOperLogs({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const [detail, setDetail] = useState<OperLog | null>(null);

  return (
    <PageContainer title={t('title')} description={t('description')} extra={<ExportButton url="/api/monitor/operlog/export" query={{ ...filter }} permission="monitor:operlog:export" />}>
      <Form<FilterForm>
        layout="inline"
        onFinish={(v) => search(toFilter(v))}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="keyword" label={tc('keyword')}>
          <Input allowClear placeholder={t('searchPlaceholder')} maxLength={100} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="operType" label={t('operType')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 120 }} options={operTypes.options} placeholder={tc('all')} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select allowClear style={{ width: 110 }} options={operStatuses.options} placeholder={tc('all')} />
        </Form.Item>
        <Form.Item name="operName" label={t('operName')}>
          <Input allowClear placeholder={t('operNamePlaceholder')} maxLength={64} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <SearchActions onReset={() => search({})} />
      </Form>
      <Table<OperLog>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ onClick: () => setDetail(r), style: { cursor: 'pointer' } })}
        pagination={paging.pagination(data?.total ?? 0)}
        columns={[
          {
            title: t('id'),
            dataIndex: 'id',
            width: 90,
            render: (v: number, r) => (
              <Typography.Link onClick={() => setDetail(r)} aria-label={t('detail')}>
                {v}
              </Typography.Link>
            ),
          },
          { title: t('module'), dataIndex: 'title', width: 120, ellipsis: true },
          { title: t('operType'), dataIndex: 'operType', width: 90, render: (v: string) => <DictTag type="sys_oper_type" value={v} /> },
          { title: t('method'), dataIndex: 'requestMethod', width: 90, render: (v: string) => <Tag style={{ fontFamily: 'monospace' }}>{v}</Tag> },
          { title: t('operName'), dataIndex: 'operName', width: 120, ellipsis: true },
          { title: t('deptName'), dataIndex: 'deptName', ellipsis: true },
          { title: t('operIp'), dataIndex: 'operIp', width: 120, ellipsis: true },
          { title: tc('status'), dataIndex: 'status', width: 80, render: (v: string) => <DictTag type="sys_oper_status" value={v} /> },
          { title: t('operTime'), dataIndex: 'operTime', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          {
            title: t('costTime'),
            dataIndex: 'costTime',
            width: 100,
            align: 'right',
            render: (v: number) => <Typography.Text type={v >= 1000 ? 'warning' : undefined}>{t('ms', { n: v })}</Typography.Text>,
          },
        ]}
      />
      <OperLogDetail log={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
