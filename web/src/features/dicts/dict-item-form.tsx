import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { createDictItemBody, type CreateDictItemBody, type DictItem } from '@contracts/system';
import { useNotifyError } from '@/components/use-notify';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useSaveDictItem } from './api/save-dict-item';
import { ColorField } from './color-field';
import { dictStrings } from './i18n';

const shape = createDictItemBody.shape;

/** Add or edit one item of `type`. A built-in item keeps its value (server rule DICT_BUILTIN). */
export function DictItemForm({ open, type, editing, nextSort, onClose }: { open: boolean; type: string; editing: DictItem | null; nextSort: number; onClose(): void }) {
  const t = useT(dictStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const [form] = Form.useForm<CreateDictItemBody>();
  const save = useSaveDictItem();
  const notify = useNotifyError();
  const statuses = useDict('sys_status');
  const labelZh = Form.useWatch('labelZh', form);
  const labelEn = Form.useWatch('labelEn', form);
  const locked = editing?.builtin ?? false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { ...editing, labelEn: editing.labelEn ?? undefined, color: editing.color ?? null }
        : { sort: nextSort, status: 'active', color: null },
    );
  }, [open, editing, nextSort, form]);

  const submit = async () => {
    let values: CreateDictItemBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    try {
      await save.mutateAsync({
        type,
        id: editing?.id ?? null,
        body: { ...values, labelEn: values.labelEn?.trim() || null, color: values.color?.trim() || null },
      });
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal
      title={editing ? t('editItemTitle') : t('createItemTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      okText={tc('save')}
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="value"
          label={t('value')}
          extra={locked ? t('valueLocked') : t('valueHint')}
          validateFirst rules={[{ required: true }, zodRule(shape.value, lang)]}
        >
          <Input disabled={locked} maxLength={50} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="labelZh" label={t('labelZh')} validateFirst rules={[{ required: true }, zodRule(shape.labelZh, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="labelEn" label={t('labelEn')} extra={t('labelEnHint')} rules={[zodRule(shape.labelEn, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="color" label={t('color')} extra={t('colorHint')} rules={[zodRule(shape.color, lang)]}>
          <ColorField previewLabel={(lang === 'en' ? labelEn || labelZh : labelZh) ?? ''} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="sort" label={tc('sort')}>
              <InputNumber min={0} max={9999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={tc('status')}>
              <Select options={statuses.options} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
