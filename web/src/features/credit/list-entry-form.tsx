/** 新增列入: a listing decision on the serious-violation list or the abnormal-operations list. */
import { Alert, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ABNORMAL_GROUNDS, SERIOUS_GROUNDS, type CreateListEntryBody, type ListEntry } from '@contracts/credit-lists';
import { docNumberField, normalizeDocNumber } from '@contracts/doc-number';
import { usccField } from '@contracts/entities';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { ApiError } from '@/lib/api-client';
import { useNotifyError } from '@/components/use-notify';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useCreateListEntry } from './api/lists';
import { NextStepCell } from './display';
import { creditStrings, type CreditKey } from './i18n';

interface Values {
  list: 'serious-violation' | 'abnormal';
  uscc: string;
  grounds: string;
  groundsText?: string;
  decisionDate?: Dayjs;
  triggerDate?: Dayjs;
  penaltyDecisionNo?: string;
  decisionNo?: string;
  restrictionYears?: number;
}

const iso = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function toBody(v: Values): CreateListEntryBody {
  const uscc = v.uscc.trim().toUpperCase();
  const groundsText = v.groundsText?.trim() || undefined;
  if (v.list === 'serious-violation') {
    return {
      list: 'serious-violation',
      uscc,
      decisionDate: iso(v.decisionDate)!,
      grounds: v.grounds as (typeof SERIOUS_GROUNDS)[number],
      groundsText,
      decisionNo: normalizeDocNumber(v.decisionNo!),
      penaltyDecisionNo: v.penaltyDecisionNo!.trim(),
      restrictionYears: v.restrictionYears ?? undefined,
    };
  }
  return {
    list: 'abnormal',
    uscc,
    grounds: v.grounds as (typeof ABNORMAL_GROUNDS)[number],
    groundsText,
    triggerDate: iso(v.triggerDate)!,
    decisionDate: iso(v.decisionDate),
    decisionNo: v.decisionNo?.trim() ? normalizeDocNumber(v.decisionNo) : undefined,
  };
}

/**
 * What saving did, and the statutory dates the server computed: a serious-violation listing only
 * awaits the higher authority's approval (Order 44 Art. 22), an abnormal listing is in force at once.
 */
export function CreatedDates({ entry }: { entry: ListEntry }) {
  const t = useT(creditStrings);
  const lists = useDict('credit_list');
  const pending = entry.status === 'pending_approval';
  return (
    <div data-testid="created-dates">
      <Alert style={{ marginBottom: 12 }} type={pending ? 'info' : 'success'} showIcon title={t(pending ? 'createdPending' : 'createdListed')} data-testid="created-result" />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('list')}>{lists.label(entry.list)}</Descriptions.Item>
        <Descriptions.Item label={t('entity')}>
          {entry.entityName}（{entry.uscc}）
        </Descriptions.Item>
        {entry.decisionNo ? <Descriptions.Item label={t('decisionNo')}>{entry.decisionNo}</Descriptions.Item> : null}
        {entry.list === 'serious-violation' && entry.penaltyDecisionNo ? <Descriptions.Item label={t('penaltyDecisionNo')}>{entry.penaltyDecisionNo}</Descriptions.Item> : null}
        <Descriptions.Item label={t('publishBy')}>{entry.publishBy ?? t('noDate')}</Descriptions.Item>
        <Descriptions.Item label={t('earlyRemovalFrom')}>{entry.earlyRemovalFrom ?? t('noDate')}</Descriptions.Item>
        <Descriptions.Item label={t('autoRemoveOn')}>{entry.autoRemoveOn ?? t('noDate')}</Descriptions.Item>
        {entry.restrictionUntil ? <Descriptions.Item label={t('restrictionUntil')}>{entry.restrictionUntil}</Descriptions.Item> : null}
        <Descriptions.Item label={t('nextStep')}>
          <NextStepCell step={entry.nextStep} />
        </Descriptions.Item>
      </Descriptions>
      {entry.warning ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={entry.warning} /> : null}
    </div>
  );
}

export function ListEntryForm({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  // The dates are shown in the page's own dialog: content rendered by App's modal.success would sit
  // outside the query client and dictionaries.
  const [created, setCreated] = useState<ListEntry | null>(null);
  const [form] = Form.useForm<Values>();
  const list = Form.useWatch('list', form) ?? 'serious-violation';
  const create = useCreateListEntry();
  const [busy, setBusy] = useState(false);
  const grounds = list === 'serious-violation' ? SERIOUS_GROUNDS : ABNORMAL_GROUNDS;

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const entry = await create.mutateAsync(toBody(v));
      form.resetFields();
      onClose();
      setCreated(entry);
    } catch (err) {
      const inline = showServerFieldErrors(form, err, pick, { ENTITY_UNKNOWN: 'uscc', LIST_ENTRY_ACTIVE: 'uscc' });
      // Personal data in the grounds is said under the field; other refusals also get the notice.
      if (!(inline && err instanceof ApiError && err.code === 'PERSONAL_DATA_FOUND')) notify(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
    <Modal
      title={created?.status === 'pending_approval' ? t('createdPendingTitle') : created ? t('createdListedTitle') : ''}
      open={created !== null}
      onCancel={() => setCreated(null)}
      width={560}
      footer={
        <Button type="primary" onClick={() => setCreated(null)}>
          {tc('ok')}
        </Button>
      }
    >
      {created ? <CreatedDates entry={created} /> : null}
    </Modal>
    <Modal title={t('newListingTitle')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={tc('save')} confirmLoading={busy} width={640} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="list-entry" initialValues={{ list: 'serious-violation' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="list" label={t('list')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'serious-violation', label: lang === 'zh' ? '严重违法失信名单' : 'Serious-violation list' },
              { value: 'abnormal', label: lang === 'zh' ? '经营异常名录' : 'Abnormal-operations list' },
            ]}
            onChange={() => form.setFieldValue('grounds', undefined)}
          />
        </Form.Item>
        <Form.Item name="uscc" label={t('uscc')} rules={[{ required: true }, zodRule(usccField, lang)]} normalize={(v: string) => v.toUpperCase()}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="grounds" label={t('grounds')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={grounds.map((g) => ({ value: g, label: t(`g_${g}` as CreditKey) }))} />
        </Form.Item>
        <Form.Item name="groundsText" label={t('groundsText')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {list === 'serious-violation' ? (
          <>
            <Form.Item name="decisionDate" label={t('decisionDate')} rules={[{ required: true }]}>
              <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="decisionNo" label={t('listingDecisionNo')} extra={t('listingDecisionNoHint')} rules={[{ required: true, whitespace: true }, zodRule(docNumberField, lang)]}>
              <Input maxLength={100} placeholder="津市监列严〔2026〕4号" />
            </Form.Item>
            <Form.Item name="penaltyDecisionNo" label={t('penaltyDecisionNo')} extra={t('penaltyDecisionNoHint')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="restrictionYears" label={t('restrictionYears')} extra={t('restrictionYearsHint')}>
              <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="triggerDate" label={t('triggerDate')} extra={t('triggerDateHint')} rules={[{ required: true }]}>
              <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="decisionDate" label={t('decisionDate')}>
              <DatePicker disabledDate={notFuture} style={{ width: '100%' }} placeholder={dayjs().format('YYYY-MM-DD')} />
            </Form.Item>
            <Form.Item name="decisionNo" label={t('listingDecisionNo')} extra={t('abnormalDecisionNoHint')} rules={[zodRule(docNumberField, lang)]}>
              <Input maxLength={100} placeholder="津市监异〔2026〕7号" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
    </>
  );
}
