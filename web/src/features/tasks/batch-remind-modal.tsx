import { Alert, App, DatePicker, Form, Input, Modal, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { batchRemindBody, type TaskFilterQuery } from '@contracts/plans';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { zodRule } from '@/lib/form-rules';
import { formatDate } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useBatchRemind, useBatchRemindPreview } from './api/batch-remind';
import { taskStrings } from './i18n';

/** Whom a batch 督办 reaches: the tasks ticked in the list, or every task its filters match. */
export type BatchTarget = { taskIds: number[] } | { filter: TaskFilterQuery };

const UNITS_NAMED = 6;

/**
 * 批量督办: on opening, the server counts what the batch reaches (a dry run: how many tasks get a
 * reminder, how many are completed and skipped, which units); the user writes the message and
 * may set the answer date, then sends. One reminder per task, each unit answering its own.
 */
export function BatchRemindModal({ target, onClose, onSent }: { target: BatchTarget | null; onClose(): void; onSent(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const preview = useBatchRemindPreview();
  const send = useBatchRemind();
  const [form] = Form.useForm<{ message: string; respondBy?: Dayjs | null }>();

  const key = target ? JSON.stringify(target) : null;
  const { mutate: count, reset } = preview;
  useEffect(() => {
    if (key === null) {
      reset();
      return;
    }
    count(JSON.parse(key) as BatchTarget);
  }, [key, count, reset]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const result = await send.mutateAsync({ ...target, message: v.message.trim(), ...(v.respondBy ? { respondBy: v.respondBy.format('YYYY-MM-DD') } : {}) });
      message.success(
        result.skipped > 0 ? t('batchSentSkipped', { n: result.sent, skipped: result.skipped }) : t('batchSent', { n: result.sent, date: formatDate(result.respondBy) }),
        6,
      );
      if (result.warning) message.warning(result.warning, 8);
      onSent();
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  const counted = preview.data;
  const units = counted ? [...new Set(counted.results.filter((r) => r.outcome === 'sent').map((r) => r.deptName))] : [];
  return (
    <Modal
      title={target && 'filter' in target ? t('batchTitleAll') : t('batchTitleSelected')}
      open={target !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('batchSend')}
      okButtonProps={{ disabled: !counted || counted.sent === 0, 'data-testid': 'batch-send' }}
      cancelText={tc('cancel')}
      confirmLoading={send.isPending}
      destroyOnHidden
      width={560}
    >
      <div data-testid="batch-count" style={{ marginBottom: 16 }}>
        {preview.isPending ? <Skeleton active paragraph={{ rows: 1 }} title={false} /> : null}
        {preview.error ? <Alert type="error" showIcon title={(preview.error as Error).message} /> : null}
        {counted ? (
          <Alert
            type={counted.sent === 0 ? 'warning' : 'info'}
            showIcon
            title={counted.sent === 0 ? t('batchNothing') : t('batchWillSend', { n: counted.sent })}
            description={
              counted.sent > 0 || counted.skipped > 0 ? (
                <div>
                  {units.length > 0 ? (
                    <div>{t('batchUnits', { units: units.slice(0, UNITS_NAMED).join('、') + (units.length > UNITS_NAMED ? t('batchMoreUnits', { n: units.length }) : '') })}</div>
                  ) : null}
                  {counted.skipped > 0 ? <Typography.Text type="secondary">{t('batchWillSkip', { n: counted.skipped })}</Typography.Text> : null}
                </div>
              ) : undefined
            }
          />
        ) : null}
      </div>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="message"
          label={t('remindMessage')}
          rules={[{ required: true, whitespace: true, message: t('remindMessageRequired') }, zodRule(batchRemindBody.shape.message, lang)]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('remindMessagePlaceholder')} data-testid="batch-message" />
        </Form.Item>
        <Form.Item name="respondBy" label={t('respondBy')} extra={t('respondByHint')}>
          <DatePicker placeholder={t('respondByPlaceholder')} disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
