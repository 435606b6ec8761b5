import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Skeleton, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { ADMIN_ROLE_KEY } from '@contracts/permissions';
import { createRoleBody, type CreateRoleBody, type Department, type Role } from '@contracts/system';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDepartmentOptions } from './api/get-departments';
import { usePermissions } from './api/get-permissions';
import { useSaveRole } from './api/save-role';
import { roleStrings } from './i18n';
import { PermissionTree } from './permission-tree';

const shape = createRoleBody.shape;

interface DeptNode {
  value: number;
  title: string;
  children?: DeptNode[];
}

/** Departments as a tree for the TreeSelect, keeping the server's order. */
function deptTree(items: Department[]): DeptNode[] {
  const byId = new Map<number, DeptNode>(items.map((d) => [d.id, { value: d.id, title: d.name }]));
  const roots: DeptNode[] = [];
  for (const d of items) {
    const node = byId.get(d.id)!;
    const parent = d.parentId === null ? undefined : byId.get(d.parentId);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * Create, edit or (without the update permission) view a role: basics and data scope on the left,
 * the permission tree on the right. The administrator role keeps every permission (server rule
 * ROLE_ADMIN_LOCKED), so its grants, scope and status are shown read-only.
 */
export function RoleForm({ open, editing, readOnly, onClose }: { open: boolean; editing: Role | null; readOnly: boolean; onClose(): void }) {
  const t = useT(roleStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const { me } = useAuth();
  const [form] = Form.useForm<CreateRoleBody>();
  const save = useSaveRole();
  const notify = useNotifyError();
  const scopes = useDict('sys_data_scope');
  const statuses = useDict('sys_status');
  const catalogue = usePermissions();
  const dataScope = Form.useWatch('dataScope', form);
  const departments = useDepartmentOptions(open && dataScope === 'custom');
  const isAdmin = editing?.key === ADMIN_ROLE_KEY;
  const held = useMemo(() => new Set(me?.permissions ?? []), [me]);
  const treeData = useMemo(() => deptTree(departments.data?.items ?? []), [departments.data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { ...editing, remark: editing.remark ?? undefined }
        : { dataScope: 'dept', customDeptIds: [], permissions: [], sort: 0, status: 'active' },
    );
  }, [open, editing, form]);

  const submit = async () => {
    let values: CreateRoleBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    const body: CreateRoleBody = {
      ...values,
      customDeptIds: values.dataScope === 'custom' ? (values.customDeptIds ?? []) : [],
      permissions: values.permissions ?? [],
      remark: values.remark?.trim() || null,
    };
    try {
      await save.mutateAsync({ id: editing?.id ?? null, body });
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  const title = !editing ? t('createTitle') : readOnly ? t('viewTitle', { name: editing.name }) : t('editTitle', { name: editing.name });

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={1040}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{readOnly ? tc('ok') : tc('cancel')}</Button>
          {readOnly ? null : (
            <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
              {tc('save')}
            </Button>
          )}
        </Space>
      }
    >
      {isAdmin ? <Alert type="info" showIcon title={t('adminLocked')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" disabled={readOnly}>
        <Row gutter={32}>
          <Col span={10}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('basics')}
            </Typography.Title>
            <Form.Item name="key" label={t('key')} extra={editing ? undefined : t('keyHint')} validateFirst rules={[{ required: true }, zodRule(shape.key, lang)]}>
              <Input disabled={!!editing} maxLength={40} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item name="name" label={t('name')} validateFirst rules={[{ required: true }, zodRule(shape.name, lang)]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="dataScope" label={t('dataScope')} rules={[{ required: true }]}>
              <Select options={scopes.options} disabled={isAdmin} />
            </Form.Item>
            {dataScope === 'custom' ? (
              <Form.Item
                name="customDeptIds"
                label={t('customDepts')}
                extra={t('customDeptsHint')}
                rules={[{ required: true, type: 'array', min: 1, message: t('customDeptsRequired') }]}
              >
                <TreeSelect
                  multiple
                  allowClear
                  showSearch
                  treeNodeFilterProp="title"
                  treeDefaultExpandAll
                  loading={departments.isLoading}
                  treeData={treeData}
                  maxTagCount="responsive"
                  styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
                />
              </Form.Item>
            ) : null}
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="sort" label={tc('sort')}>
                  <InputNumber min={0} max={9999} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="status" label={tc('status')}>
                  <Select options={statuses.options} disabled={isAdmin} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="remark" label={tc('remark')} rules={[zodRule(shape.remark, lang)]}>
              <Input.TextArea rows={4} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('permissions')}
            </Typography.Title>
            {!readOnly && !isAdmin && catalogue.data?.groups.some((g) => g.permissions.some((p) => !held.has(p.key))) ? (
              <Alert type="warning" showIcon title={t('notGrantable')} style={{ marginBottom: 8 }} />
            ) : null}
            {catalogue.isLoading ? <Skeleton active /> : null}
            {catalogue.error ? <Alert type="error" showIcon title={t('loadPermissionsFailed')} /> : null}
            {catalogue.data ? (
              <Form.Item name="permissions" noStyle>
                <PermissionTree groups={catalogue.data.groups} disabled={readOnly || isAdmin} grantable={(p) => held.has(p)} />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
