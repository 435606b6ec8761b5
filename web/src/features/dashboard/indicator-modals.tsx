import { Alert, App, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Indicator } from '@contracts/plans';
import { recordIndicatorValueBody } from '@contracts/plans';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { zodRule } from '@/lib/form-rules';
import { formatDate } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useIndicator } from './api/get-indicator';
import { useRecordIndicatorValue } from './api/record-indicator-value';
import { useSetIndicatorBaseline } from './api/set-indicator-baseline';
import { formatNumber, isRelative, requiredValue, valueUnit } from './display';
import { dashboardStrings } from './i18n';
import { ResultTag, sourceText, targetText } from './indicator-table';

function IndicatorSummary({ indicator: i }: { indicator: Indicator }) {
  const t = useT(dashboardStrings);
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'name', label: t('indicator'), children: i.name },
        { key: 'plan', label: t('plan'), children: i.planTitle },
        {
          key: 'target',
          label: t('target'),
          children: (
            <Space size={8} wrap>
              <span>{targetText(i, t)}</span>
              {i.targetYear ? <Typography.Text type="secondary">{t('byYear', { year: i.targetYear })}</Typography.Text> : null}
              <ResultTag indicator={i} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 录入: a value the indicator reached on a date, with a note; the history shows under the form. */
export function RecordValueModal({ indicator, onClose }: { indicator: Indicator | null; onClose(): void }) {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const record = useRecordIndicatorValue();
  const detail = useIndicator(indicator?.id ?? null);
  const [form] = Form.useForm<{ value: number; asOf: Dayjs; note?: string }>();

  const submit = async () => {
    if (!indicator) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await record.mutateAsync({ indicatorId: indicator.id, value: v.value, asOf: v.asOf.format('YYYY-MM-DD'), note: v.note?.trim() || null });
      message.success(t('recorded'));
      onClose();
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  const unit = indicator ? valueUnit(indicator) : '';
  const values = detail.data?.values ?? [];
  return (
    <Modal
      title={t('recordTitle')}
      open={indicator !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={560}
    >
      {indicator ? (
        <>
          <IndicatorSummary indicator={indicator} />
          {isRelative(indicator.comparator) && indicator.baseline === null ? <Alert type="warning" showIcon title={t('recordNeedsBaseline')} style={{ marginBottom: 16 }} /> : null}
          <Form form={form} layout="vertical" preserve={false} initialValues={{ asOf: dayjs() }}>
            <Space size={16} align="start" wrap>
              <Form.Item name="value" label={t('value')} rules={[{ required: true, message: t('valueRequired') }]}>
                <InputNumber style={{ width: 200 }} suffix={unit || undefined} />
              </Form.Item>
              <Form.Item name="asOf" label={t('asOfDate')} tooltip={t('asOfHint')} rules={[{ required: true, message: t('asOfRequired') }]}>
                <DatePicker allowClear={false} style={{ width: 200 }} />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('note')} rules={[zodRule(recordIndicatorValueBody.shape.note, lang)]}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('notePlaceholder')} />
            </Form.Item>
          </Form>
          <Typography.Text strong>{t('history')}</Typography.Text>
          <List
            size="small"
            loading={detail.isLoading}
            dataSource={values.slice(0, 5)}
            locale={{ emptyText: t('noHistory') }}
            renderItem={(v) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Space size={12} wrap>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v.asOf)}</span>
                  <Typography.Text strong>
                    {formatNumber(v.value)}
                    {unit}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {sourceText(v.source, t)} · {v.recordedBy}
                  </Typography.Text>
                  {v.note ? <Typography.Text type="secondary">{v.note}</Typography.Text> : null}
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}

/** 设置基数: what a 翻番 (×N) or 提高 N% target is measured from; empty removes it. */
export function BaselineModal({ indicator, onClose }: { indicator: Indicator | null; onClose(): void }) {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const save = useSetIndicatorBaseline();
  const [form] = Form.useForm<{ baseline: number | null }>();
  const baseline = Form.useWatch('baseline', form);

  const submit = async () => {
    if (!indicator) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await save.mutateAsync({ indicatorId: indicator.id, baseline: v.baseline ?? null });
      message.success(t('baselineSaved'));
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  const required = indicator && typeof baseline === 'number' ? requiredValue({ ...indicator, baseline }) : null;
  return (
    <Modal
      title={t('baselineTitle')}
      open={indicator !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      {indicator ? (
        <>
          <IndicatorSummary indicator={indicator} />
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(indicator.comparator === 'x' ? 'baselineExplainX' : indicator.comparator === '+' ? 'baselineExplainAdd' : 'baselineExplainPlus', {
              n: formatNumber(indicator.targetValue),
              unit: indicator.unit ?? '',
            })}
          />
          <Form form={form} layout="vertical" preserve={false} initialValues={{ baseline: indicator.baseline }}>
            <Form.Item
              name="baseline"
              label={t('baseline')}
              extra={indicator.baseline !== null ? t('baselineClearHint') : undefined}
              rules={indicator.baseline === null ? [{ required: true, message: t('baselineRequired') }] : []}
            >
              <InputNumber style={{ width: 200 }} />
            </Form.Item>
          </Form>
          {required !== null ? <Typography.Text type="secondary">{t('requiredPreview', { value: formatNumber(required) })}</Typography.Text> : null}
        </>
      ) : null}
    </Modal>
  );
}
