import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space, Table, Tag, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditVerifyResult } from '@contracts/logs';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useAuditEntries, type AuditFilter } from './api/get-audit';
import { useVerifyAuditChain } from './api/verify-audit';
import { AuditDetail } from './audit-detail';
import { CodeLabel } from './code-label';
import { auditStrings } from './i18n';
import { VerifyResult } from './verify-result';

interface FilterForm {
  keyword?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  actor?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const text = (v: string | undefined) => v?.trim() || undefined;

function toFilter(v: FilterForm): AuditFilter {
  return {
    keyword: text(v.keyword),
    action: text(v.action),
    targetType: text(v.targetType),
    targetId: text(v.targetId),
    actor: text(v.actor),
    from: v.dates?.[0]?.format('YYYY-MM-DD'),
    to: v.dates?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditPage() {
  const t = useT(auditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const notify = useNotifyError();
  const { token } = theme.useToken();
  const { filter, search, paging } = usePagedFilter<AuditFilter>();
  const { data, isFetching } = useAuditEntries({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const verify = useVerifyAuditChain();
  const [verified, setVerified] = useState<{ result: AuditVerifyResult; at: string } | null>(null);
  const [detail, setDetail] = useState<AuditEntry | null>(null);
  const badSeq = verified && !verified.result.ok ? verified.result.firstBadSeq : null;

  const runVerify = async () => {
    try {
      const result = await verify.mutateAsync();
      setVerified({ result, at: new Date().toISOString() });
    } catch (err) {
      notify(err);
    }
  };

  return (
    <PageContainer
      title={t('title')}
      description={t('description')}
      extra={
        <>
          <ExportButton url="/api/monitor/audit/export" query={{ ...filter }} permission="monitor:audit:export" />
          {can('monitor:audit:verify') ? (
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => void runVerify()}>
              {t('verify')}
            </Button>
          ) : null}
        </>
      }
    >
      {verified ? (
        <VerifyResult
          result={verified.result}
          at={verified.at}
          onClose={() => setVerified(null)}
        />
      ) : null}
      <Form<FilterForm>
        layout="inline"
        onFinish={(v) => search(toFilter(v))}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="keyword" label={tc('keyword')}>
          <Input allowClear placeholder={t('searchPlaceholder')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="action" label={t('action')}>
          <Input allowClear placeholder={t('actionPlaceholder')} maxLength={100} style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="targetType" label={t('targetType')}>
          <Input allowClear placeholder={t('targetTypePlaceholder')} maxLength={100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="targetId" label={t('targetId')}>
          <Input allowClear maxLength={100} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('actor')}>
          <Input allowClear placeholder={t('actorPlaceholder')} maxLength={64} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <SearchActions onReset={() => search({})} />
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(r) => ({
          onClick: () => setDetail(r),
          // The entry where verification found the chain broken stands out.
          style: { cursor: 'pointer', background: badSeq === r.seq ? token.colorErrorBg : undefined },
        })}
        pagination={paging.pagination(data?.total ?? 0)}
        columns={[
          { title: t('seq'), dataIndex: 'seq', width: 80, render: (v: number) => <Typography.Link>{v}</Typography.Link> },
          { title: t('time'), dataIndex: 'occurredAt', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          {
            title: t('actor'),
            key: 'actor',
            width: 230,
            render: (_: unknown, r: AuditEntry) => (
              <div>
                <Space size={4} wrap>
                  <Typography.Text strong>{r.actorUsername ?? '—'}</Typography.Text>
                  {r.actorRoles.map((role) => (
                    <Tag key={role} style={{ marginInlineEnd: 0 }}>
                      {role}
                    </Tag>
                  ))}
                </Space>
                {r.actorDeptName ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.actorDeptName}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          { title: t('action'), dataIndex: 'action', render: (v: string) => <CodeLabel dict="sys_audit_action" value={v} /> },
          {
            title: t('target'),
            key: 'target',
            width: 230,
            render: (_: unknown, r: AuditEntry) => (
              <Space size={4} wrap>
                <CodeLabel dict="sys_audit_target" value={r.targetType} />
                {r.targetId ? (
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    #{r.targetId}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: tc('requestId'),
            dataIndex: 'requestId',
            width: 160,
            render: (v: string | null) =>
              v ? (
                <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      <AuditDetail entry={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
