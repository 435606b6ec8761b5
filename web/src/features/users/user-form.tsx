import { Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo } from 'react';
import { newPassword } from '@contracts/auth';
import type { Status } from '@contracts/dicts';
import { createUserBody, type Department, type District, type UpdateUserBody } from '@contracts/system';
import { usccCheckCharacter, validateUscc } from '@contracts/uscc';
import { DeptTreeSelect } from '@/components/dept-tree-select';
import { DistrictSelect } from '@/components/district-select';
import { ApiError } from '@/lib/api-client';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { passwordAccountRule, zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useRoleOptions } from './api/get-role-options';
import { useUser } from './api/get-user';
import { useSaveUser } from './api/save-user';
import { userStrings } from './i18n';

const shape = createUserBody.shape;
/** The built-in role whose users see only their own enterprise's data (found by its USCC). */
const ENTERPRISE_ROLE_KEY = 'enterprise';

interface FormValues {
  username?: string;
  password?: string;
  displayName: string;
  deptId?: number | null;
  districtCode?: string | null;
  phone?: string | null;
  email?: string | null;
  enterpriseUscc?: string | null;
  status: Status;
  roleIds: number[];
}

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** USCC check with a message that says which rule failed (length, a character, the region, the check character). */
function usccRule(t: ReturnType<typeof useT<typeof userStrings>>, required: boolean): Rule {
  return {
    validator: async (_rule, value: string | null | undefined) => {
      const code = (value ?? '').trim().toUpperCase();
      if (!code) {
        if (required) throw new Error(t('usccRequired'));
        return;
      }
      const check = validateUscc(code);
      if (check.valid) return;
      if (check.rule === 'length') throw new Error(t('usccLength', { n: code.length }));
      if (check.rule === 'charset') throw new Error(t('usccCharset', { pos: check.position ?? '' }));
      if (check.rule === 'region') throw new Error(t('usccRegion'));
      throw new Error(t('usccChecksum', { expected: usccCheckCharacter(code.slice(0, 17)) }));
    },
  };
}

/** Create (editingId = null) or edit a user. Editing loads the user again to get the full phone number. */
export function UserForm({
  open,
  editingId,
  defaultDeptId,
  departments,
  districts,
  onClose,
}: {
  open: boolean;
  editingId: number | null;
  defaultDeptId: number | undefined;
  departments: readonly Department[];
  districts: readonly District[];
  onClose(): void;
}) {
  const t = useT(userStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const { me } = useAuth();
  const notify = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveUser();
  const statuses = useDict('sys_status');
  const roleOptions = useRoleOptions();
  const detail = useUser(open ? editingId : null);
  const editing = editingId !== null ? (detail.data ?? null) : null;
  const isSelf = editingId !== null && editingId === me?.user.id;
  // A caller limited to a district creates users there: a new user starts in the caller's district.
  const ownDistrict = me?.dataScope.kinds.includes('district') ? me.user.districtCode : null;

  const roleIds = Form.useWatch('roleIds', form);
  const uscc = Form.useWatch('enterpriseUscc', form);
  const deptId = Form.useWatch('deptId', form);
  const districtCode = Form.useWatch('districtCode', form);

  // Where the account sits decides which roles the caller may give it (a role's data scope is
  // judged applied to this account): ask the server with the form's department, district and
  // enterprise (once the code is a valid one).
  const usccValue = (uscc ?? '').trim().toUpperCase();
  const target = {
    deptId: deptId ?? undefined,
    districtCode: districtCode ?? undefined,
    enterpriseUscc: usccValue && validateUscc(usccValue).valid ? usccValue : undefined,
  };
  const placed = useRoleOptions(target, { enabled: open && !isSelf });
  const grantableHere = useMemo(() => new Set((placed.data?.items ?? []).map((r) => r.id)), [placed.data]);

  // Roles the caller may grant at all, plus those the user already has (so they show by name).
  const roles = useMemo(() => {
    const list = [...(roleOptions.data?.items ?? [])];
    for (const r of editing?.roles ?? []) if (!list.some((o) => o.id === r.id)) list.push(r);
    return list;
  }, [roleOptions.data, editing]);
  const isEnterprise = (roleIds ?? []).some((id) => roles.find((r) => r.id === id)?.key === ENTERPRISE_ROLE_KEY);
  // Chosen roles the caller may not give an account placed here (shown once the answer is current).
  const blockedRoles =
    isSelf || placed.isFetching || !placed.data ? [] : (roleIds ?? []).filter((id) => !grantableHere.has(id)).map((id) => roles.find((r) => r.id === id)?.name ?? String(id));

  // Districts the caller may place an account in: all for a caller who sees everything, else those
  // inside its own districts, the chosen department's district and the account's current one.
  const districtOptions = useMemo(() => {
    const scope = me?.dataScope;
    if (!scope || scope.kinds.includes('all')) return districts;
    const deptDistrict = departments.find((d) => d.id === deptId)?.districtCode;
    return districts.filter(
      (d) => scope.districtPrefixes.some((p) => d.code.startsWith(p)) || d.code === deptDistrict || d.code === editing?.districtCode,
    );
  }, [me, districts, departments, deptId, editing]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editingId === null) {
      form.setFieldsValue({ deptId: defaultDeptId ?? null, districtCode: defaultDeptId === undefined ? ownDistrict : null, status: 'active', roleIds: [] });
    }
  }, [open, editingId, defaultDeptId, ownDistrict, form]);

  useEffect(() => {
    if (!open || !editing) return;
    form.setFieldsValue({
      username: editing.username,
      displayName: editing.displayName,
      deptId: editing.deptId,
      districtCode: editing.districtCode,
      phone: editing.phone,
      email: editing.email,
      enterpriseUscc: editing.enterpriseUscc,
      status: editing.status,
      roleIds: editing.roles.map((r) => r.id),
    });
  }, [open, editing, form]);

  useEffect(() => {
    if (detail.error) {
      notify(detail.error);
      onClose();
    }
  }, [detail.error, notify, onClose]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is wrong
    const body: UpdateUserBody = {
      displayName: v.displayName.trim(),
      deptId: v.deptId ?? null,
      districtCode: v.districtCode ?? null,
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      enterpriseUscc: blankToNull(v.enterpriseUscc)?.toUpperCase() ?? null,
      status: v.status,
      roleIds: v.roleIds,
    };
    try {
      if (editingId === null) await save.mutateAsync({ id: null, body: { ...body, username: v.username!.trim(), password: v.password! } });
      else await save.mutateAsync({ id: editingId, body });
      onClose();
    } catch (err) {
      // OUT_OF_SCOPE names each field (department, district, enterprise) outside the caller's scope.
      const shownOnForm = showServerFieldErrors(form, err, pick, { USERNAME_TAKEN: 'username' });
      // A role refused for this account: its permissions or its scope applied here exceed the caller's.
      if (err instanceof ApiError && err.code === 'FORBIDDEN' && (err.details as { role?: string } | undefined)?.role) {
        form.setFields([{ name: 'roleIds', errors: [err.message] }]);
      }
      notify(err, { shownOnForm });
    }
  };

  return (
    <Modal
      title={editingId === null ? t('createTitle') : t('editTitle', { name: editing?.displayName ?? '' })}
      open={open}
      width={760}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      loading={editingId !== null && detail.isLoading}
      okText={tc('save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="username" label={t('username')} validateFirst extra={editingId === null ? t('usernameHint') : undefined} rules={editingId === null ? [{ required: true }, zodRule(shape.username, lang)] : []}>
              <Input disabled={editingId !== null} maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={t('displayName')} validateFirst rules={[{ required: true }, zodRule(shape.displayName, lang)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="deptId" label={t('dept')}>
              <DeptTreeSelect departments={departments} placeholder={t('deptPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="districtCode" label={t('district')} extra={t('districtHint')}>
              <DistrictSelect districts={districtOptions} placeholder={t('districtPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('phone')} rules={[zodRule(shape.phone, lang)]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t('email')} rules={[zodRule(shape.email, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="roleIds"
              label={t('roles')}
              extra={isSelf ? t('selfLockHint') : t('rolesHint')}
              required
              rules={[zodRule(shape.roleIds, lang)]}
              {...(blockedRoles.length > 0 ? { validateStatus: 'warning' as const, help: t('rolesBlocked', { names: blockedRoles.join('、') }) } : {})}
            >
              <Select
                mode="multiple"
                disabled={isSelf}
                loading={roleOptions.isLoading || placed.isFetching}
                options={roles.map((r) => {
                  const here = isSelf || !placed.data || grantableHere.has(r.id);
                  return { value: r.id, label: here ? r.name : `${r.name}（${t('roleNotHere')}）`, disabled: !here };
                })}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          {isEnterprise || uscc ? (
            <Col span={24}>
              <Form.Item
                name="enterpriseUscc"
                label={t('uscc')}
                extra={t('usccHint')}
                required={isEnterprise}
                rules={[usccRule(t, isEnterprise)]}
                normalize={(v: string) => v.toUpperCase()}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="status" label={tc('status')} extra={isSelf ? t('selfLockHint') : undefined}>
              <Radio.Group options={statuses.options} disabled={isSelf} />
            </Form.Item>
          </Col>
          {editingId === null ? (
            <Col span={12}>
              <Form.Item
                name="password"
                label={t('initialPassword')}
                validateFirst
                extra={t('initialPasswordHint')}
                dependencies={['username']}
                rules={[{ required: true }, zodRule(newPassword, lang), ({ getFieldValue }) => passwordAccountRule(getFieldValue('username') as string | undefined, lang)]}
              >
                <Input.Password autoComplete="new-password" maxLength={128} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
