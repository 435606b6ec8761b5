import { App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { remindTaskBody, respondReminderBody, reviewReportBody } from '@contracts/plans';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useRemindTask } from './api/remind-task';
import { useRespondReminder } from './api/respond-reminder';
import { useReviewReport } from './api/review-report';
import { taskStrings } from './i18n';

/** 退回: a report goes back to the unit with the reason (required). */
export function ReturnReportModal({ reportId, onClose, onDone }: { reportId: number | null; onClose(): void; onDone(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const review = useReviewReport();
  const [form] = Form.useForm<{ comment: string }>();

  const submit = async () => {
    if (reportId === null) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await review.mutateAsync({ reportId, decision: 'return', comment: v.comment.trim() });
      onDone();
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal title={t('returnTitle')} open={reportId !== null} onCancel={onClose} onOk={() => void submit()} okText={t('return')} okButtonProps={{ danger: true }} cancelText={tc('cancel')} confirmLoading={review.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={t('returnReason')} rules={[{ required: true, whitespace: true, message: t('returnRequired') }, zodRule(reviewReportBody.shape.comment, lang)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('returnReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 督办: a formal reminder, answered within N working days (3 unless changed). */
export function RemindModal({ taskId, unit, onClose }: { taskId: number | null; unit: string; onClose(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const remind = useRemindTask();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string; respondWithinDays: number }>();

  const submit = async () => {
    if (taskId === null) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await remind.mutateAsync({ taskId, message: v.message.trim(), respondWithinDays: v.respondWithinDays });
      message.success(t('reminded'));
      onClose();
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal title={t('remindTitle', { unit })} open={taskId !== null} onCancel={onClose} onOk={() => void submit()} okText={t('remind')} cancelText={tc('cancel')} confirmLoading={remind.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ respondWithinDays: 3 }}>
        <Form.Item name="message" label={t('remindMessage')} rules={[{ required: true, whitespace: true, message: t('remindMessageRequired') }, zodRule(remindTaskBody.shape.message, lang)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('remindMessagePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('respondWithin')} required>
          <Space>
            <Form.Item name="respondWithinDays" noStyle rules={[{ required: true }]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: 90 }} />
            </Form.Item>
            <span>{t('workingDays')}</span>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The unit answers a reminder. */
export function AnswerReminderModal({ reminderId, onClose }: { reminderId: number | null; onClose(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const respond = useRespondReminder();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: string }>();

  const submit = async () => {
    if (reminderId === null) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await respond.mutateAsync({ reminderId, response: v.response.trim() });
      message.success(t('answered'));
      onClose();
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal title={t('answerTitle')} open={reminderId !== null} onCancel={onClose} onOk={() => void submit()} okText={t('answer')} cancelText={tc('cancel')} confirmLoading={respond.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="response" label={t('answer')} rules={[{ required: true, whitespace: true, message: t('answerRequired') }, zodRule(respondReminderBody.shape.response, lang)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('answerPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
