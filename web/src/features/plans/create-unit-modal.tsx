import { App, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { Department } from '@contracts/system';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { api } from '@/lib/api-client';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { planStrings } from './i18n';

interface Values {
  name: string;
  shortName: string;
  parentId: number;
  kind: string;
}

/**
 * A printed unit the directory does not know, proposed as a new department: the full name to
 * confirm (the printed name is kept as its short name and alias, so the next plan finds it), where
 * it sits and what kind it is. Creating it maps the name to it.
 */
export function CreateUnitModal({
  name,
  departments,
  onClose,
  onCreated,
}: {
  name: string | null;
  departments: readonly Department[];
  onClose(): void;
  onCreated(dept: Department): void;
}) {
  const t = useT(planStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const kinds = useDict('sys_dept_kind');
  const [form] = Form.useForm<Values>();
  // New member units usually sit under the city government (the top government department).
  const cityGov = useMemo(() => departments.find((d) => d.kind === 'government' && d.parentId === null) ?? departments.find((d) => d.parentId === null), [departments]);

  useEffect(() => {
    if (name) form.setFieldsValue({ name, shortName: name, parentId: cityGov?.id, kind: 'member' });
  }, [name, cityGov, form]);

  const create = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !name) return;
    const parent = departments.find((d) => d.id === v.parentId);
    try {
      const dept = await api.post<Department>('/api/system/departments', {
        parentId: v.parentId,
        name: v.name.trim(),
        shortName: v.shortName.trim() || null,
        aliases: v.name.trim() === name ? [] : [name],
        kind: v.kind,
        districtCode: parent?.districtCode ?? null,
        sort: 999,
        status: 'active',
      });
      await qc.invalidateQueries({ queryKey: ['departments'] });
      message.success(t('unitCreated', { name: dept.name }));
      onCreated(dept);
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal title={t('createUnitTitle', { name: name ?? '' })} open={name !== null} onCancel={onClose} onOk={() => void create()} okText={t('createUnit')} cancelText={tc('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('createUnitName')} extra={t('createUnitNameHint')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('createUnitShort')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="parentId" label={t('createUnitParent')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('createUnitKind')} rules={[{ required: true }]}>
          <Select options={kinds.options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
