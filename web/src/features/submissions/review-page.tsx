/**
 * 企业报送审核: the officer's queue of what enterprises want published about themselves. Pending
 * ones first (oldest first); each is approved — it then enters the archive and the public portal —
 * or rejected with a reason the enterprise reads. The server limits the queue to the officer's scope.
 */
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SUBMISSION_STATUSES, type Submission, type SubmissionStatus } from '@contracts/submissions';
import { PageContainer } from '@/components/page-container';
import { PersonName } from '@/components/person-name';
import { SearchActions } from '@/components/search-actions';
import { useNotifyError } from '@/components/use-notify';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useSubmissionQueue } from './api/list-submissions';
import { useApproveSubmission, useRejectSubmission } from './api/review-submission';
import { submissionStrings, type SubmissionKey } from './i18n';

/** What the enterprise wrote, as it would be published. */
function Content({ s }: { s: Submission }) {
  const t = useT(submissionStrings);
  const p = s.payload as Record<string, string | undefined>;
  return (
    <div>
      {s.title ? <Typography.Text strong>{s.title}</Typography.Text> : null}
      {s.kind === 'commitment' ? (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
          {p.text}
        </Typography.Paragraph>
      ) : (
        <Space orientation="vertical" size={0}>
          <span>
            {t('standardNo')}：{p.standardNo}（{p.standardName}）
          </span>
          <span>
            {t('product')}：{p.product}
          </span>
          {p.level ? (
            <Typography.Text type="secondary">
              {t('level')}：{t(`level_${p.level}` as SubmissionKey)}
            </Typography.Text>
          ) : null}
        </Space>
      )}
    </div>
  );
}

function RejectModal({ submission, onClose }: { submission: Submission; onClose(): void }) {
  const t = useT(submissionStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const reject = useRejectSubmission();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal title={t('rejectTitle')} open onCancel={onClose} onOk={() => form.submit()} okText={tc('ok')} okButtonProps={{ danger: true }} confirmLoading={reject.isPending} destroyOnHidden>
      <Typography.Paragraph>
        {submission.entityName}（{submission.uscc}）
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="submission-reject"
        onFinish={(v) =>
          void reject.mutateAsync({ id: submission.id, reason: v.reason.trim() }).then(
            () => {
              message.success(t('rejected'));
              onClose();
            },
            (err: unknown) => notify(err),
          )
        }
      >
        <Form.Item name="reason" label={t('rejectReason')} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('rejectReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({ s, onReject }: { s: Submission; onReject(): void }) {
  const t = useT(submissionStrings);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const approve = useApproveSubmission();
  if (s.status !== 'pending') {
    return s.reviewedBy ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <PersonName name={s.reviewedByName} username={s.reviewedBy} compact />
        <div>{s.reviewedAt ? formatDateTime(s.reviewedAt) : null}</div>
      </Typography.Text>
    ) : null;
  }
  return (
    <Space size={0} wrap>
      <Popconfirm
        title={t('approveConfirm')}
        overlayStyle={{ maxWidth: 320 }}
        onConfirm={() =>
          approve.mutateAsync(s.id).then(
            () => void message.success(t('approved')),
            (err: unknown) => notify(err),
          )
        }
      >
        <Button type="link" size="small" loading={approve.isPending}>
          {t('approve')}
        </Button>
      </Popconfirm>
      <Button type="link" size="small" danger onClick={onReject}>
        {t('reject')}
      </Button>
    </Space>
  );
}

export default function ReviewPage() {
  const t = useT(submissionStrings);
  const statuses = useDict('ent_submission_status');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  // Pending by default: the queue is what the officer came for.
  const status: SubmissionStatus | undefined = raw === 'all' ? undefined : SUBMISSION_STATUSES.includes(raw as SubmissionStatus) ? (raw as SubmissionStatus) : 'pending';
  const keyword = params.get('keyword') ?? undefined;
  const paging = usePaging();
  const queue = useSubmissionQueue({ status, keyword, page: paging.page, pageSize: paging.pageSize });
  const [rejecting, setRejecting] = useState<Submission | null>(null);

  const set = (next: { status?: string; keyword?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    paging.reset();
  };

  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status ?? 'all'}
          onChange={(v) => set({ status: v === 'pending' ? undefined : String(v) })}
          options={[...SUBMISSION_STATUSES.map((s) => ({ value: s, label: statuses.label(s) })), { value: 'all', label: t('all') }]}
          data-testid="submission-status"
        />
        <Form layout="inline" initialValues={{ keyword }} onFinish={(v: { keyword?: string }) => set({ keyword: v.keyword?.trim() || undefined })}>
          <Form.Item name="keyword">
            <Input allowClear placeholder={t('keywordPlaceholder')} style={{ width: 240 }} aria-label={t('keyword')} />
          </Form.Item>
          <SearchActions onReset={() => set({ keyword: undefined })} />
        </Form>
      </Space>
      {queue.error ? <Alert type="error" showIcon title={(queue.error as Error).message} style={{ marginBottom: 12 }} /> : null}
      <Table<Submission>
        rowKey="id"
        size="middle"
        loading={queue.isFetching}
        dataSource={queue.data?.items ?? []}
        pagination={paging.pagination(queue.data?.total ?? 0)}
        locale={{ emptyText: status === 'pending' ? t('empty') : t('none') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('entity'),
            key: 'entity',
            width: 190,
            render: (_: unknown, s) => (
              <div>
                <Link to={`/entities/${s.uscc}`}>{s.entityName}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    {s.uscc}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('kind'), dataIndex: 'kind', width: 96, render: (v: string) => <DictTag type="ent_record_kind" value={v} /> },
          {
            title: t('content'),
            key: 'content',
            render: (_: unknown, s) => (
              <div>
                <Content s={s} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('occurredOn')}：{s.occurredOn}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('submitted'),
            key: 'submitted',
            width: 140,
            render: (_: unknown, s) => (
              <div>
                <PersonName name={s.submittedByName} username={s.submittedBy} compact />
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(s.submittedAt)}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('review'),
            key: 'review',
            width: 170,
            fixed: 'right',
            render: (_: unknown, s) => (
              <div>
                <DictTag type="ent_submission_status" value={s.status} />
                {s.rejectReason ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 2, tooltip: s.rejectReason }}>
                    {s.rejectReason}
                  </Typography.Paragraph>
                ) : null}
                <Actions s={s} onReject={() => setRejecting(s)} />
              </div>
            ),
          },
        ]}
      />
      {rejecting ? <RejectModal submission={rejecting} onClose={() => setRejecting(null)} /> : null}
    </PageContainer>
  );
}
