import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { entityFields, type CreateEntityBody, type EntityDetail } from '@contracts/entities';
import type { District } from '@contracts/system';
import { usccCheckCharacter, validateUscc } from '@contracts/uscc';
import { DistrictSelect } from '@/components/district-select';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useCreateEntity, useUpdateEntity } from './api/save-entity';
import { entityStrings, type EntityT } from './i18n';
import { IndustryCascader, industryCode, industryPath } from './industry-cascader';

interface FormValues {
  uscc?: string;
  name: string;
  formerNames?: string[];
  entityType: string;
  legalRep?: string | null;
  address?: string | null;
  districtCode: string;
  industry: string[];
  registeredCapital?: number | null;
  establishedOn?: Dayjs | null;
  status: string;
  scale?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  qualityOfficer?: string | null;
  qualityOfficerSince?: Dayjs | null;
}

/** USCC check (GB 32100-2015) whose message names the rule that failed, with the expected check character. */
export function usccRule(t: EntityT): Rule {
  return {
    validator: async (_rule, value: string | null | undefined) => {
      const code = (value ?? '').trim().toUpperCase();
      if (!code) throw new Error(t('usccRequired'));
      const check = validateUscc(code);
      if (check.valid) return;
      if (check.rule === 'length') throw new Error(t('usccLength', { n: code.length }));
      if (check.rule === 'charset') throw new Error(t('usccCharset', { pos: check.position ?? '' }));
      if (check.rule === 'region') throw new Error(t('usccRegion'));
      throw new Error(t('usccChecksum', { expected: usccCheckCharacter(code.slice(0, 17)) }));
    },
  };
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const day = (v: string | null) => (v ? dayjs(v) : null);

function toValues(e: EntityDetail): FormValues {
  return {
    name: e.name,
    formerNames: e.formerNames,
    entityType: e.entityType,
    legalRep: e.legalRep,
    address: e.address,
    districtCode: e.districtCode,
    industry: industryPath(e.industrySection, e.industryDivision),
    registeredCapital: e.registeredCapital,
    establishedOn: day(e.establishedOn),
    status: e.status,
    scale: e.scale,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    qualityOfficer: e.qualityOfficer,
    qualityOfficerSince: day(e.qualityOfficerSince),
  };
}

/** Register an entity (editing = null) or edit one (optimistic lock on its version). */
export function EntityForm({
  open,
  editing,
  districts,
  onClose,
  onSaved,
  onConflict,
}: {
  open: boolean;
  editing: EntityDetail | null;
  districts: readonly District[];
  onClose(): void;
  onSaved?(e: EntityDetail): void;
  /** A stale version (409): the caller reloads the entity. */
  onConflict?(): void;
}) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateEntity();
  const update = useUpdateEntity(editing?.uscc ?? '');
  const types = useDict('ent_type');
  const statuses = useDict('ent_status');
  const scales = useDict('ent_scale');
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue(toValues(editing));
    else form.setFieldsValue({ entityType: 'company', status: 'active', formerNames: [] });
  }, [open, editing, form]);

  const submit = async (v: FormValues) => {
    const fields = {
      name: v.name.trim(),
      formerNames: (v.formerNames ?? []).map((n) => n.trim()).filter(Boolean),
      entityType: v.entityType,
      legalRep: blank(v.legalRep),
      address: blank(v.address),
      districtCode: v.districtCode,
      industry: industryCode(v.industry) ?? '',
      registeredCapital: v.registeredCapital ?? null,
      establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
      status: v.status,
      scale: v.scale ?? null,
      contactName: blank(v.contactName),
      contactPhone: blank(v.contactPhone),
      qualityOfficer: blank(v.qualityOfficer),
      qualityOfficerSince: v.qualityOfficerSince ? v.qualityOfficerSince.format('YYYY-MM-DD') : null,
    } as Omit<CreateEntityBody, 'uscc'>;
    try {
      const saved = editing
        ? await update.mutateAsync({ ...fields, version: editing.version })
        : await create.mutateAsync({ uscc: (v.uscc ?? '').trim().toUpperCase(), ...fields });
      message.success(editing ? tc('saved') : t('created'));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        // Someone saved meanwhile: the detail page reloads; the user checks and saves again.
        message.warning(t('conflict'));
        onConflict?.();
        onClose();
        return;
      }
      showServerFieldErrors(form, err, pick, { USCC_TAKEN: 'uscc' });
      notify(err);
    }
  };

  return (
    <Modal
      title={editing ? t('editTitle') : t('registerTitle')}
      open={open}
      width={820}
      okText={tc('save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues> form={form} name="entity-form" layout="vertical" onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          {editing ? null : (
            <Col span={12}>
              <Form.Item name="uscc" label={t('uscc')} required rules={[usccRule(t)]} normalize={(v: string) => v?.toUpperCase()}>
                <Input maxLength={18} placeholder="91120000XXXXXXXXXX" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, zodRule(entityFields.name, lang)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="formerNames" label={t('formerNames')} extra={t('formerNamesHint')}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="entityType" label={t('entityType')} rules={[{ required: true }]}>
              <Select options={types.options} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t('status')} rules={[{ required: true }]}>
              <Select options={statuses.options} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="districtCode" label={t('district')} rules={[{ required: true, message: t('districtRequired') }]}>
              <DistrictSelect districts={districts} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industry" label={t('industry')} rules={[{ required: true, message: t('industryRequired') }]}>
              <IndustryCascader placeholder={t('industryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="scale" label={t('scale')}>
              <Select allowClear options={scales.options} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="legalRep" label={t('legalRep')} rules={[zodRule(entityFields.legalRep, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="registeredCapital" label={t('registeredCapital')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="establishedOn" label={t('establishedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactName" label={t('contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactPhone" label={t('contactPhone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="qualityOfficer" label={t('qualityOfficer')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="qualityOfficerSince" label={t('qualityOfficerSince')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
