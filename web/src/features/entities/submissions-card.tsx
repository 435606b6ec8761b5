import { Alert, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Submission } from '@contracts/submissions';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSubmissions } from './api/submissions';
import { entityStrings } from './i18n';
import { PayloadSummary } from './record-fields';

/**
 * 我的报送: what the enterprise submitted for publication and how the review went — waiting,
 * public, or not approved with the officer's reason (so the enterprise can revise and resubmit).
 */
export function SubmissionsCard({ uscc, extra }: { uscc: string; extra?: ReactNode }) {
  const t = useT(entityStrings);
  const submissions = useSubmissions(uscc);
  if (submissions.isError) return <Alert type="error" showIcon title={submissions.error.message} />;
  const items = submissions.data ?? [];
  return (
    <div data-testid="my-submissions" style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('mySubmissions')}
        </Typography.Title>
        {extra}
      </Space>
      <Typography.Paragraph type="secondary">{t('mySubmissionsHint')}</Typography.Paragraph>
      <Table<Submission>
        rowKey="id"
        size="small"
        loading={submissions.isLoading}
        dataSource={items}
        pagination={items.length > 5 ? { pageSize: 5, showSizeChanger: false } : false}
        locale={{ emptyText: t('noSubmissions') }}
        columns={[
          { title: t('recordKind'), dataIndex: 'kind', width: 108, render: (v: string) => <DictTag type="ent_record_kind" value={v} /> },
          {
            title: t('content'),
            key: 'content',
            render: (_: unknown, s: Submission) => (
              <div>
                {s.title ? <Typography.Text strong>{s.title}</Typography.Text> : null}
                <PayloadSummary kind={s.kind} payload={s.payload} />
              </div>
            ),
          },
          { title: t('submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
          {
            title: t('submissionStatus'),
            key: 'status',
            width: 260,
            render: (_: unknown, s: Submission) => (
              <div data-testid={`submission-${s.id}`}>
                <DictTag type="ent_submission_status" value={s.status} />
                {s.reviewedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(s.reviewedAt)}
                  </Typography.Text>
                ) : null}
                {s.rejectReason ? (
                  <div>
                    <Typography.Text type="danger">
                      {t('rejectReason')}：{s.rejectReason}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
