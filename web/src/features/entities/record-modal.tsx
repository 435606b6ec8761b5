import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { recordBody, type ArchiveRecord, type RecordBody } from '@contracts/entities';
import { submissionBody, type SubmissionBody } from '@contracts/submissions';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useAddRecord } from './api/records';
import { useSubmit } from './api/submissions';
import { showIssues } from './form-issues';
import { entityStrings } from './i18n';
import { PAYLOAD_DEFAULTS, PayloadFields } from './record-fields';

/**
 * What the modal does: add a record of one of `kinds` (an officer), submit one for review (an
 * enterprise: it is public once approved), or correct / withdraw an existing record.
 */
export type RecordIntent = { type: 'add'; kinds: readonly string[] } | { type: 'submit'; kinds: readonly string[] } | { type: 'correct' | 'retract'; record: ArchiveRecord };

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
  const submitForReview = useSubmit(uscc);
  const kinds = useDict('ent_record_kind');
  const visibilities = useDict('ent_visibility');
  const kind = Form.useWatch('kind', form);
  const retract = intent?.type === 'retract';

  useEffect(() => {
    if (!intent) return;
    form.resetFields();
    if (intent.type === 'add' || intent.type === 'submit') {
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

  /** A 400 PERSONAL_DATA_FOUND names the fields (payload.text, title): put the finding under each. */
  const showPersonalData = (err: unknown): boolean => {
    if (!(err instanceof ApiError) || err.code !== 'PERSONAL_DATA_FOUND' || !Array.isArray(err.details)) return false;
    form.setFields((err.details as { path: string; message: string }[]).map((d) => ({ name: d.path.split('.'), errors: [pick(d.message)] })));
    return true;
  };

  const sendForReview = async (v: FormValues) => {
    const parsed = submissionBody.safeParse({ kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), title: v.title?.trim() || null, payload: cleanPayload(v.payload) });
    if (!parsed.success) {
      showIssues(form, parsed.error.issues, pick);
      return;
    }
    try {
      await submitForReview.mutateAsync(parsed.data as SubmissionBody);
      message.success(t('submittedForReview'));
      onClose();
    } catch (err) {
      // Shown under the field it concerns, in words; a second, technical notice would only confuse.
      if (!showPersonalData(err)) notify(err);
    }
  };

  const submit = async (v: FormValues) => {
    if (intent?.type === 'submit') return sendForReview(v);
    const candidate = {
      kind: v.kind,
      occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      title: v.title?.trim() || null,
      visibility: v.visibility || undefined,
      correctsId: intent && (intent.type === 'correct' || intent.type === 'retract') ? intent.record.id : null,
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
      if (!showPersonalData(err)) notify(err);
    }
  };

  const singleTitle = (k: string) => (k === 'self_declaration' ? t('declare') : k === 'commitment' ? t('commit') : kinds.label(k));
  const adding = intent?.type === 'add' || intent?.type === 'submit';
  const title = !intent ? '' : intent.type === 'add' || intent.type === 'submit' ? (intent.kinds.length === 1 ? singleTitle(intent.kinds[0]!) : t('addRecord')) : t(intent.type === 'retract' ? 'retractTitle' : 'correctTitle', { id: intent.record.id });
  const kindOptions = intent?.type === 'add' || intent?.type === 'submit' ? kinds.options.filter((o) => intent.kinds.includes(o.value)) : kinds.options;
  const single = (intent?.type === 'add' || intent?.type === 'submit') && intent.kinds.length === 1;

  return (
    <Modal
      title={title}
      open={!!intent}
      width={760}
      okText={intent?.type === 'submit' ? t('submitForReview') : tc('save')}
      confirmLoading={add.isPending || submitForReview.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intent?.type === 'submit' ? <Alert type="info" showIcon title={t('submitHint')} description={t('submitPersonalDataHint')} style={{ marginBottom: 16 }} data-testid="submit-hint" /> : null}
      {retract ? <Alert type="warning" showIcon title={t('retractHint')} style={{ marginBottom: 16 }} /> : null}
      {intent?.type === 'correct' ? <Alert type="info" showIcon title={t('archiveHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} name="record-form" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('recordKind')} rules={[{ required: true }]} hidden={single}>
          <Select
            options={kindOptions}
            disabled={!adding}
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
        {single ? null : (
          <Form.Item name="visibility" label={t('visibility')}>
            <Select allowClear placeholder={t('visibilityDefault')} options={visibilities.options} disabled={retract} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
