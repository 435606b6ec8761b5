import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { PointEntry, PointItem, SchemeDetail, UnitInput, VetoEntry } from '@contracts/assessment';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { assessmentStrings } from './i18n';

interface Values {
  bonuses: PointEntry[];
  deductions: PointEntry[];
  vetoes: VetoEntry[];
}

function PointEntries({ name, items, title }: { name: 'bonuses' | 'deductions'; items: readonly PointItem[]; title: string }) {
  const t = useT(assessmentStrings);
  const form = Form.useFormInstance<Values>();
  const maxOf = (key: string | undefined) => items.find((i) => i.key === key)?.maxPoints ?? 100;
  if (items.length === 0) {
    return (
      <Card size="small" title={title} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('noItemsConfigured', { what: title })}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {items.map((i) => `${i.name}（≤ ${i.maxPoints} 分）`).join('；')}
        </Typography.Text>
      }
    >
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid={`${name}-row`}>
                <Form.Item name={[f.name, 'itemKey']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                  <Select style={{ width: 260 }} placeholder={t('itemName')} options={items.map((i) => ({ value: i.key, label: `${i.name}（≤ ${i.maxPoints} 分）` }))} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'points']}
                  dependencies={[[name, f.name, 'itemKey']]}
                  rules={[
                    { required: true, message: t('required') },
                    {
                      validator: async (_r, v: number | null) => {
                        const max = maxOf(form.getFieldValue([name, f.name, 'itemKey']) as string | undefined);
                        if (v !== null && v !== undefined && v > max) throw new Error(t('pointsOverMax', { max }));
                      },
                    },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber min={0} max={100} precision={2} suffix="分" style={{ width: 110 }} aria-label={t('points')} />
                </Form.Item>
                <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('reasonPlaceholder')} style={{ width: 300 }} maxLength={500} aria-label={t('reason')} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ itemKey: items.length === 1 ? items[0]!.key : undefined, points: undefined, reason: '' })}>
              {t('addEntry')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Bonus, deduction and veto entries of one unit; saving them saves that unit's figures. */
export function EntriesModal({
  scheme,
  unit,
  saving,
  onClose,
  onSave,
}: {
  scheme: SchemeDetail;
  unit: (UnitInput & { deptName: string }) | null;
  saving: boolean;
  onClose(): void;
  onSave(values: Values): void;
}) {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (unit) form.setFieldsValue({ bonuses: unit.bonuses, deductions: unit.deductions, vetoes: unit.vetoes });
  }, [unit, form]);

  const ok = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    onSave({ bonuses: v.bonuses ?? [], deductions: v.deductions ?? [], vetoes: v.vetoes ?? [] });
  };

  return (
    <Modal
      title={t('entriesTitle', { name: unit?.deptName ?? '' })}
      open={unit !== null}
      width={820}
      onCancel={onClose}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={saving}
      onOk={() => void ok()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="entries-form">
        <PointEntries name="bonuses" items={scheme.bonusItems} title={t('bonusItems')} />
        <PointEntries name="deductions" items={scheme.deductionItems} title={t('deductionItems')} />
        <Card size="small" title={t('vetoItems')}>
          {scheme.vetoItems.length === 0 ? (
            <Typography.Text type="secondary">{t('noItemsConfigured', { what: t('vetoItems') })}</Typography.Text>
          ) : (
            <Form.List name="vetoes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'itemKey']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                        <Select style={{ width: 260 }} options={scheme.vetoItems.map((i) => ({ value: i.key, label: i.name }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('reason')} style={{ width: 410 }} maxLength={500} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Button type="dashed" size="small" danger icon={<PlusOutlined />} onClick={() => add({ itemKey: scheme.vetoItems.length === 1 ? scheme.vetoItems[0]!.key : undefined, reason: '' })}>
                    {t('addEntry')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
        </Card>
      </Form>
    </Modal>
  );
}
