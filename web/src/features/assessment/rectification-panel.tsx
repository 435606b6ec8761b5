import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { submitRectificationBody, type Rectification } from '@contracts/assessment';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { DictTag } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { formatDateTime } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useReviewRectification } from './api/review-rectification';
import { useSubmitRectification } from './api/submit-rectification';
import { assessmentStrings } from './i18n';

/** One report: what the unit wrote, when, and the office's decision (with accept/return for reviewers). */
function RectificationEntry({ r, canReview }: { r: Rectification; canReview: boolean }) {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const { message } = App.useApp();
  const notify = useNotifyError();
  const review = useReviewRectification();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  const decide = async (decision: 'accept' | 'return') => {
    try {
      await review.mutateAsync({ id: r.id, decision, comment: decision === 'return' ? comment.trim() : null });
      message.success(decision === 'accept' ? t('accepted') : t('returned'));
      setReturning(false);
    } catch (err) {
      notify(err);
    }
  };

  return (
    <div data-testid={`rectification-${r.id}`}>
      <Space size={8} wrap>
        <DictTag type="assessment_rectification_status" value={r.status} />
        <Typography.Text type="secondary">{t('rectBy', { user: r.submittedBy, time: formatDateTime(r.submittedAt) })}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 2px' }}>
        <Typography.Text strong>{t('rectReport')}：</Typography.Text>
        {r.report}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0' }}>
        <Typography.Text strong>{t('rectMeasures')}：</Typography.Text>
        {r.measures}
      </Typography.Paragraph>
      <Typography.Text>
        {t('rectDate')}：{r.completionDate}
      </Typography.Text>
      {r.reviewedAt ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reviewBy', { user: r.reviewedBy ?? '', time: formatDateTime(r.reviewedAt) })}
            {r.reviewComment ? `：${r.reviewComment}` : ''}
          </Typography.Text>
        </div>
      ) : null}
      {r.status === 'submitted' && canReview ? (
        <Space style={{ marginTop: 6 }}>
          <Popconfirm title={t('acceptConfirm')} okText={t('accept')} cancelText={tc('cancel')} onConfirm={() => decide('accept')}>
            <Button type="primary" size="small" loading={review.isPending}>
              {t('accept')}
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => setReturning(true)}>
            {t('return')}
          </Button>
        </Space>
      ) : null}
      <Modal
        title={t('returnTitle')}
        open={returning}
        onCancel={() => setReturning(false)}
        okText={t('return')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
        confirmLoading={review.isPending}
        onOk={() => void decide('return')}
      >
        <Input.TextArea rows={4} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} placeholder={t('returnComment')} />
      </Modal>
    </div>
  );
}

/** The reports of a result, newest first. */
export function RectificationHistory({ items, canReview }: { items: readonly Rectification[]; canReview: boolean }) {
  const t = useT(assessmentStrings);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRectification')} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={items.map((r) => ({
        key: r.id,
        color: r.status === 'accepted' ? 'green' : r.status === 'returned' ? 'orange' : 'blue',
        content: <RectificationEntry r={r} canReview={canReview} />,
      }))}
    />
  );
}

interface FormValues {
  report: string;
  measures: string;
  completionDate: Dayjs;
}

/** 整改 form of the unit: the report, the measures and the date they will be done by. */
export function RectificationForm({ resultId, latest }: { resultId: number; latest: Rectification | null }) {
  const t = useT(assessmentStrings);
  const { lang } = useLang();
  const pick = usePick();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const submit = useSubmitRectification(resultId);
  const [form] = Form.useForm<FormValues>();

  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await submit.mutateAsync({ report: v.report.trim(), measures: v.measures.trim(), completionDate: v.completionDate.format('YYYY-MM-DD') });
      form.resetFields();
      message.success(t('rectSubmitted'));
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <div data-testid="rectification-form">
      {latest?.status === 'submitted' ? <Alert type="info" showIcon title={t('rectPending')} style={{ marginBottom: 12 }} /> : null}
      {latest?.status === 'returned' ? <Alert type="warning" showIcon title={t('rectReturned', { comment: latest.reviewComment ?? '' })} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={latest ? { report: latest.report, measures: latest.measures, completionDate: dayjs(latest.completionDate) } : undefined}>
        <Form.Item name="report" label={t('rectReport')} rules={[{ required: true, whitespace: true, message: t('required') }, zodRule(submitRectificationBody.shape.report, lang)]}>
          <Input.TextArea rows={4} maxLength={10_000} placeholder={t('rectReportPlaceholder')} />
        </Form.Item>
        <Form.Item name="measures" label={t('rectMeasures')} rules={[{ required: true, whitespace: true, message: t('required') }, zodRule(submitRectificationBody.shape.measures, lang)]}>
          <Input.TextArea rows={3} maxLength={10_000} placeholder={t('rectMeasuresPlaceholder')} />
        </Form.Item>
        <Form.Item name="completionDate" label={t('rectDate')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" loading={submit.isPending} onClick={() => void send()} data-testid="rectification-submit">
          {latest ? t('rectResubmit') : t('rectSubmit')}
        </Button>
      </Form>
    </div>
  );
}
