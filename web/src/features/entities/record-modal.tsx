import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { recordBody, type ArchiveRecord, type RecordBody } from '@contracts/entities';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useAddRecord } from './api/records';
import { showIssues } from './form-issues';
import { entityStrings } from './i18n';
import { PAYLOAD_DEFAULTS, PayloadFields } from './record-fields';

/** What the modal does: add a record of one of `kinds`, or correct / withdraw an existing record. */
export type RecordIntent = { type: 'add'; kinds: readonly string[] } | { type: 'correct' | 'retract'; record: ArchiveRecord };

interface FormValues {
  kind: string;
  occurredOn: Dayjs;
  title?: string;
  visibility?: string;
  payload: Record<string, unknown>;
}

/** Drop blanks so optional payload fields are absent rather than "" (the contract maps absent to null). */
function cleanPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * Add a record to the archive, or correct / withdraw one. The archive is append-only: a correction
 * is a new record of the same kind naming the corrected one (`correctsId`); a withdrawal is the
 * same with `retracts: true` and the reason as its title. The body is checked with the contract's
 * `recordBody` before it is sent.
 */
export function RecordModal({ uscc, intent, onClose }: { uscc: string; intent: RecordIntent | null; onClose(): void }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const add = useAddRecord(uscc);
  const kinds = useDict('ent_record_kind');
  const visibilities = useDict('ent_visibility');
  const kind = Form.useWatch('kind', form);
  const retract = intent?.type === 'retract';

  useEffect(() => {
    if (!intent) return;
    form.resetFields();
    if (intent.type === 'add') {
      const first = intent.kinds[0] ?? 'note';
      form.setFieldsValue({ kind: first, occurredOn: dayjs(), payload: { ...PAYLOAD_DEFAULTS[first] } });
    } else {
      const r = intent.record;
      form.setFieldsValue({
        kind: r.kind,
        occurredOn: intent.type === 'retract' ? dayjs() : dayjs(r.occurredOn),
        title: intent.type === 'retract' ? undefined : r.title,
        visibility: r.visibility,
        payload: { ...r.payload },
      });
    }
  }, [intent, form]);

  const submit = async (v: FormValues) => {
    const candidate = {
      kind: v.kind,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      title: v.title?.trim() || null,
      visibility: v.visibility || undefined,
      correctsId: intent && intent.type !== 'add' ? intent.record.id : null,
      retracts: retract,
      payload: cleanPayload(v.payload),
    };
    const parsed = recordBody.safeParse(candidate);
    if (!parsed.success) {
      showIssues(form, parsed.error.issues, pick);
      return;
    }
    try {
      await add.mutateAsync(parsed.data as RecordBody);
      message.success(t('recordAdded'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RECORD_KIND_NOT_ALLOWED') form.setFields([{ name: 'kind', errors: [t('kindNotAllowed')] }]);
      notify(err);
    }
  };

  const singleTitle = (k: string) => (k === 'self_declaration' ? t('declare') : k === 'commitment' ? t('commit') : kinds.label(k));
  const title = !intent ? '' : intent.type === 'add' ? (intent.kinds.length === 1 ? singleTitle(intent.kinds[0]!) : t('addRecord')) : t(intent.type === 'retract' ? 'retractTitle' : 'correctTitle', { id: intent.record.id });
  const kindOptions = intent?.type === 'add' ? kinds.options.filter((o) => intent.kinds.includes(o.value)) : kinds.options;

  return (
    <Modal title={title} open={!!intent} width={760} okText={tc('save')} confirmLoading={add.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {retract ? <Alert type="warning" showIcon title={t('retractHint')} style={{ marginBottom: 16 }} /> : null}
      {intent?.type === 'correct' ? <Alert type="info" showIcon title={t('archiveHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} name="record-form" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('recordKind')} rules={[{ required: true }]} hidden={intent?.type === 'add' && intent.kinds.length === 1}>
          <Select
            options={kindOptions}
            disabled={intent?.type !== 'add'}
            onChange={(k: string) => form.setFieldsValue({ payload: { ...PAYLOAD_DEFAULTS[k] } })}
          />
        </Form.Item>
        {retract ? (
          <Form.Item name="title" label={t('retractReason')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('retractReason') }) }]}>
            <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="occurredOn" label={t('occurredOn')} rules={[{ required: true, message: t('required', { field: t('occurredOn') }) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          {kind ? <PayloadFields kind={kind} disabled={retract} /> : null}
        </Row>
        {retract ? null : (
          <Form.Item name="title" label={t('recordTitle')} extra={t('recordTitleHint')}>
            <Input maxLength={300} />
          </Form.Item>
        )}
        {intent?.type === 'add' && intent.kinds.length === 1 ? null : (
          <Form.Item name="visibility" label={t('visibility')}>
            <Select allowClear placeholder={t('visibilityDefault')} options={visibilities.options} disabled={retract} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
