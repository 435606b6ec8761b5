import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { createDistrictBody, type CreateDistrictBody, type District } from '@contracts/system';
import { DistrictSelect } from '@/components/district-select';
import { useNotifyError } from '@/components/use-notify';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useSaveDistrict } from './api/save-district';
import { districtStrings } from './i18n';

const shape = createDistrictBody.shape;

export function DistrictForm({ open, editing, districts, onClose }: { open: boolean; editing: District | null; districts: District[]; onClose(): void }) {
  const t = useT(districtStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const [form] = Form.useForm<CreateDistrictBody>();
  const save = useSaveDistrict();
  const notify = useNotifyError();
  const levels = useDict('sys_district_level');
  const statuses = useDict('sys_status');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing } : { parentCode: districts.find((d) => d.level === 1)?.code ?? null, level: 3, sort: 0, status: 'active' });
  }, [open, editing, districts, form]);

  const submit = async () => {
    let values: CreateDistrictBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    try {
      await save.mutateAsync({ code: editing?.code ?? null, body: { ...values, parentCode: values.parentCode ?? null } });
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal title={editing ? t('editTitle') : t('createTitle')} open={open} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} okText={tc('save')} destroyOnHidden>
      <Form form={form} name="district-form" layout="vertical">
        <Form.Item name="code" label={t('code')} extra={t('codeHint')} rules={[{ required: true }, zodRule(shape.code, lang)]}>
          <Input disabled={!!editing} maxLength={12} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true }, zodRule(shape.name, lang)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="parentCode" label={t('parent')}>
          <DistrictSelect districts={districts.filter((d) => d.code !== editing?.code)} placeholder={t('none')} />
        </Form.Item>
        <Form.Item name="level" label={t('level')} rules={[{ required: true }]}>
          <Select options={levels.options.map((o) => ({ ...o, value: Number(o.value) }))} />
        </Form.Item>
        <Form.Item name="sort" label={tc('sort')}>
          <InputNumber min={0} max={9999} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select options={statuses.options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
