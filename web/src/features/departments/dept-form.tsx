import { Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import type { DeptKind, Status } from '@contracts/dicts';
import { createDepartmentBody, type CreateDepartmentBody, type Department, type District } from '@contracts/system';
import { DeptTreeSelect } from '@/components/dept-tree-select';
import { DistrictSelect } from '@/components/district-select';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useSaveDepartment } from './api/save-department';
import { departmentStrings } from './i18n';

const shape = createDepartmentBody.shape;

interface FormValues {
  parentId?: number | null;
  name: string;
  shortName?: string | null;
  aliases: string[];
  kind?: DeptKind;
  districtCode?: string | null;
  leader?: string | null;
  phone?: string | null;
  sort?: number | null;
  status: Status;
}

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** What the form is open for: editing a department, or creating one (under `parent`, listed at `sort`). */
export type DeptFormTarget = { editing: Department } | { parent: Department | null; sort: number };

/** The next free sort number under a parent: 10 after the last sibling. */
export function nextSort(departments: readonly Department[], parentId: number | null): number {
  const siblings = departments.filter((d) => d.parentId === parentId).map((d) => d.sort);
  return Math.min(9999, siblings.length ? Math.max(...siblings) + 10 : 10);
}

/**
 * Create a department (under a parent when "add sub-department" was used) or edit one. The parent
 * picker leaves out the department itself and its descendants (the server answers DEPT_CYCLE too).
 */
export function DeptForm({
  open,
  target,
  departments,
  districts,
  onClose,
}: {
  open: boolean;
  target: DeptFormTarget | null;
  departments: readonly Department[];
  districts: readonly District[];
  onClose(): void;
}) {
  const t = useT(departmentStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const { me } = useAuth();
  const notify = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveDepartment();
  const kinds = useDict('sys_dept_kind');
  const statuses = useDict('sys_status');
  // Only a user who sees all data may create top-level departments (the server enforces it too).
  const mayUseTopLevel = me?.dataScope.kinds.includes('all') ?? false;

  const editing = target && 'editing' in target ? target.editing : null;
  const parent = target && 'parent' in target ? target.parent : null;

  useEffect(() => {
    if (!open || !target) return;
    form.resetFields();
    if ('editing' in target) {
      form.setFieldsValue({ ...target.editing });
    } else {
      // A sub-department usually lies in its parent's district.
      form.setFieldsValue({ parentId: target.parent?.id ?? null, aliases: [], districtCode: target.parent?.districtCode ?? null, sort: target.sort, status: 'active' });
    }
  }, [open, target, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is wrong
    const body: CreateDepartmentBody = {
      parentId: v.parentId ?? null,
      name: v.name.trim(),
      shortName: blankToNull(v.shortName),
      aliases: [...new Set(v.aliases.map((a) => a.trim()).filter(Boolean))],
      kind: v.kind!,
      districtCode: v.districtCode ?? null,
      leader: blankToNull(v.leader),
      phone: blankToNull(v.phone),
      sort: v.sort ?? 0,
      status: v.status,
    };
    try {
      await save.mutateAsync({ id: editing?.id ?? null, body });
      onClose();
    } catch (err) {
      showServerFieldErrors(form, err, pick, { NAME_TAKEN: 'name', DEPT_CYCLE: 'parentId' });
      notify(err);
    }
  };

  const title = editing ? t('editTitle', { name: editing.name }) : parent ? t('createChildTitle', { name: parent.name }) : t('createTitle');

  return (
    <Modal title={title} open={open} width={760} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} okText={tc('save')} destroyOnHidden>
      <Form form={form} layout="vertical" autoComplete="off">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="parentId"
              label={t('parent')}
              extra={editing ? t('parentHint') : undefined}
              rules={mayUseTopLevel ? [] : [{ required: true, message: t('parentRequired') }]}
            >
              <DeptTreeSelect departments={departments} excludeId={editing?.id} placeholder={mayUseTopLevel ? t('topLevel') : t('parentPlaceholder')} allowClear={mayUseTopLevel} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('name')} validateFirst rules={[{ required: true }, zodRule(shape.name, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="shortName" label={t('shortName')} rules={[zodRule(shape.shortName, lang)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="aliases" label={t('aliases')} extra={t('aliasesHint')} rules={[zodRule(shape.aliases, lang)]}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ';', '；']} maxCount={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('kindRequired') }]}>
              <Select options={kinds.options} placeholder={t('kindPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="districtCode" label={t('district')}>
              <DistrictSelect districts={districts} placeholder={t('districtPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leader" label={t('leader')} rules={[zodRule(shape.leader, lang)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('phone')} rules={[zodRule(shape.phone, lang)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sort" label={tc('sort')} extra={t('sortHint')}>
              <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={tc('status')}>
              <Radio.Group options={statuses.options} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
