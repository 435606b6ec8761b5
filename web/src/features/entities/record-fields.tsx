/**
 * The kind-specific fields of archive records (contracts/entities.ts ARCHIVE_PAYLOADS), described
 * once: the add/correct form renders them and the archive list summarises a payload with them.
 */
import { Checkbox, Col, Form, Input, InputNumber, Select, Typography } from 'antd';
import { Fragment } from 'react';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { entityStrings } from './i18n';

type Key = keyof typeof entityStrings & string;

interface FieldSpec {
  name: string;
  label: Key;
  type: 'text' | 'textarea' | 'select' | 'multi' | 'tags' | 'number' | 'bool';
  required?: boolean;
  /** Select options: values whose label key is `${prefix}${value}`. */
  prefix?: string;
  values?: readonly string[];
  /** Select options from a dictionary instead. */
  dict?: string;
  extra?: Key;
  max?: number;
}

const LEVELS = ['national', 'provincial', 'city', 'district'] as const;

export const RECORD_FIELDS: Record<string, readonly FieldSpec[]> = {
  inspection: [
    { name: 'result', label: 'result', type: 'select', required: true, prefix: 'inspection_', values: ['pass', 'issues_found', 'fail', 'not_found'] },
    { name: 'items', label: 'items', type: 'textarea', max: 500 },
    { name: 'inspectionNo', label: 'inspectionNo', type: 'text', max: 100 },
  ],
  sampling: [
    { name: 'product', label: 'product', type: 'text', required: true, max: 200 },
    { name: 'batch', label: 'batch', type: 'text', max: 100 },
    { name: 'result', label: 'result', type: 'select', required: true, prefix: 'sampling_', values: ['pass', 'fail'] },
    { name: 'failedItems', label: 'failedItems', type: 'tags' },
    { name: 'lab', label: 'lab', type: 'text', max: 200 },
    { name: 'reportNo', label: 'reportNo', type: 'text', max: 100 },
    { name: 'level', label: 'level', type: 'select', prefix: 'level_', values: LEVELS },
  ],
  penalty: [
    { name: 'decisionNo', label: 'decisionNo', type: 'text', required: true, max: 100 },
    { name: 'penaltyTypes', label: 'penaltyTypes', type: 'multi', required: true, dict: 'ent_penalty_type' },
    { name: 'amount', label: 'amount', type: 'number' },
    { name: 'authority', label: 'authority', type: 'text', required: true, max: 200 },
    { name: 'violation', label: 'violation', type: 'textarea', required: true, max: 500 },
    { name: 'domain', label: 'domain', type: 'select', prefix: 'domain_', values: ['food', 'drug', 'special_equipment', 'product', 'other'] },
    { name: 'carriedOut', label: 'carriedOut', type: 'bool' },
    { name: 'restrictionYears', label: 'restrictionYears', type: 'number', extra: 'restrictionYearsHint' },
  ],
  complaint: [
    { name: 'subject', label: 'subject', type: 'text', required: true, max: 300 },
    { name: 'verdict', label: 'verdict', type: 'select', required: true, prefix: 'verdict_', values: ['substantiated', 'partly_substantiated', 'unsubstantiated', 'mediated'] },
    { name: 'caseNo', label: 'caseNo', type: 'text', max: 100 },
  ],
  recall: [
    { name: 'product', label: 'product', type: 'text', required: true, max: 200 },
    { name: 'recallKind', label: 'recallKind', type: 'select', required: true, prefix: 'recall_', values: ['voluntary', 'ordered'] },
    { name: 'quantity', label: 'quantity', type: 'number' },
    { name: 'refused', label: 'refused', type: 'bool' },
  ],
  award: [
    { name: 'name', label: 'awardName', type: 'text', required: true, max: 200 },
    { name: 'category', label: 'awardCategory', type: 'select', required: true, prefix: 'award_', values: ['quality_award', 'brand', 'time_honoured', 'geographical_indication', 'standard_leader', 'other'] },
    { name: 'level', label: 'level', type: 'select', required: true, prefix: 'level_', values: LEVELS },
    { name: 'withdrawn', label: 'withdrawn', type: 'bool' },
  ],
  certification: [
    { name: 'name', label: 'certName', type: 'text', required: true, max: 200 },
    { name: 'number', label: 'certNumber', type: 'text', max: 100 },
    { name: 'change', label: 'change', type: 'select', required: true, prefix: 'change_', values: ['gained', 'lost'] },
    { name: 'mandatory', label: 'mandatory', type: 'bool' },
  ],
  self_declaration: [
    { name: 'standardNo', label: 'standardNo', type: 'text', required: true, max: 100 },
    { name: 'standardName', label: 'standardName', type: 'text', required: true, max: 200 },
    { name: 'product', label: 'product', type: 'text', required: true, max: 200 },
    { name: 'level', label: 'declaredLevel', type: 'select', prefix: 'declared_', values: ['national', 'industry', 'enterprise', 'above_national'] },
  ],
  commitment: [{ name: 'text', label: 'commitmentText', type: 'textarea', required: true, max: 2000 }],
  note: [{ name: 'text', label: 'noteText', type: 'textarea', required: true, max: 2000 }],
  // Written by the credit workflows; shown, never entered here.
  list_entry: [
    { name: 'list', label: 'list', type: 'select', dict: 'credit_list' },
    { name: 'reason', label: 'reason', type: 'text' },
  ],
  list_removal: [
    { name: 'list', label: 'list', type: 'select', dict: 'credit_list' },
    { name: 'reason', label: 'reason', type: 'text' },
  ],
  credit_repair: [
    { name: 'target', label: 'target', type: 'text' },
    { name: 'result', label: 'result', type: 'select', prefix: 'repair_', values: ['approved', 'denied'] },
  ],
};

/** Payload defaults as the contract applies them, so the form starts where the API would. */
export const PAYLOAD_DEFAULTS: Record<string, Record<string, unknown>> = {
  sampling: { level: 'city', failedItems: [] },
  penalty: { domain: 'product', carriedOut: false },
  recall: { refused: false },
  award: { withdrawn: false },
  certification: { mandatory: false },
  self_declaration: { level: 'national' },
};

function useOptions(spec: FieldSpec) {
  const t = useT(entityStrings);
  const dict = useDict(spec.dict ?? '');
  if (spec.dict) return dict.options;
  return (spec.values ?? []).map((v) => ({ value: v, label: t(`${spec.prefix}${v}` as Key) }));
}

function PayloadField({ spec, disabled }: { spec: FieldSpec; disabled: boolean }) {
  const t = useT(entityStrings);
  const options = useOptions(spec);
  const rules = spec.required ? [{ required: true, message: t('required', { field: t(spec.label) }) }] : [];
  const common = { name: ['payload', spec.name], label: t(spec.label), rules, extra: spec.extra ? t(spec.extra) : undefined };
  switch (spec.type) {
    case 'text':
      return <Form.Item {...common}><Input maxLength={spec.max} disabled={disabled} /></Form.Item>;
    case 'textarea':
      return <Form.Item {...common}><Input.TextArea maxLength={spec.max} autoSize={{ minRows: 2, maxRows: 6 }} disabled={disabled} /></Form.Item>;
    case 'select':
      return <Form.Item {...common}><Select options={options} allowClear={!spec.required} disabled={disabled} /></Form.Item>;
    case 'multi':
      return <Form.Item {...common}><Select mode="multiple" options={options} disabled={disabled} /></Form.Item>;
    case 'tags':
      return <Form.Item {...common}><Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} disabled={disabled} /></Form.Item>;
    case 'number':
      return <Form.Item {...common}><InputNumber min={0} style={{ width: '100%' }} disabled={disabled} /></Form.Item>;
    case 'bool':
      return (
        <Form.Item name={['payload', spec.name]} valuePropName="checked" extra={common.extra}>
          <Checkbox disabled={disabled}>{t(spec.label)}</Checkbox>
        </Form.Item>
      );
  }
}

/** The form fields of one record kind (nested under `payload`), as columns of the caller's Row. */
export function PayloadFields({ kind, disabled = false }: { kind: string; disabled?: boolean }) {
  return (
    <>
      {(RECORD_FIELDS[kind] ?? []).map((spec) => (
        // Long texts and multi-selects take the whole row; short fields two to a row.
        <Col key={`${kind}-${spec.name}`} span={spec.type === 'textarea' || spec.type === 'multi' || spec.type === 'tags' ? 24 : 12}>
          <PayloadField spec={spec} disabled={disabled} />
        </Col>
      ))}
    </>
  );
}

function ValueText({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const t = useT(entityStrings);
  const options = useOptions(spec);
  const labelOf = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return <>{value.map(labelOf).join('、')}</>;
  if (typeof value === 'boolean') return <>{value ? t(spec.label) : ''}</>;
  if (spec.type === 'select') return <>{labelOf(value)}</>;
  if (spec.name === 'amount' && typeof value === 'number') return <>{value.toLocaleString('zh-CN')}</>;
  return <>{String(value)}</>;
}

/** A record's payload in one or two lines: 「label：value」 for every field that has a value. */
export function PayloadSummary({ kind, payload }: { kind: string; payload: Record<string, unknown> }) {
  const t = useT(entityStrings);
  const specs = (RECORD_FIELDS[kind] ?? []).filter((s) => {
    const v = payload[s.name];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return false;
    return s.type !== 'bool' || v === true;
  });
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {specs.map((s, i) => (
        <Fragment key={s.name}>
          {i > 0 ? '；' : ''}
          {s.type === 'bool' ? null : `${t(s.label)}：`}
          <ValueText spec={s} value={payload[s.name]} />
        </Fragment>
      ))}
    </Typography.Text>
  );
}
