import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { createDictTypeBody, type CreateDictTypeBody, type DictType } from '@contracts/system';
import { useNotifyError } from '@/components/use-notify';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useSaveDictType } from './api/save-dict-type';
import { dictStrings } from './i18n';

const shape = createDictTypeBody.shape;

export function DictTypeForm({ open, editing, onClose }: { open: boolean; editing: DictType | null; onClose(): void }) {
  const t = useT(dictStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const [form] = Form.useForm<CreateDictTypeBody>();
  const save = useSaveDictType();
  const notify = useNotifyError();
  const statuses = useDict('sys_status');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing, nameEn: editing.nameEn ?? undefined, remark: editing.remark ?? undefined } : { status: 'active' });
  }, [open, editing, form]);

  const submit = async () => {
    let values: CreateDictTypeBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    try {
      await save.mutateAsync({
        type: editing?.type ?? null,
        body: { ...values, nameEn: values.nameEn?.trim() || null, remark: values.remark?.trim() || null },
      });
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal
      title={editing ? t('editTypeTitle') : t('createTypeTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      okText={tc('save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="type" label={t('type')} extra={editing ? undefined : t('typeHint')} validateFirst rules={[{ required: true }, zodRule(shape.type, lang)]}>
          <Input disabled={!!editing} maxLength={50} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('nameZh')} validateFirst rules={[{ required: true }, zodRule(shape.nameZh, lang)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')} rules={[zodRule(shape.nameEn, lang)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="status" label={tc('status')}>
          <Select options={statuses.options} />
        </Form.Item>
        <Form.Item name="remark" label={tc('remark')} rules={[zodRule(shape.remark, lang)]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
