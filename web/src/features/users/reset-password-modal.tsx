import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { resetPasswordBody, type User } from '@contracts/system';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { passwordAccountRule, zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useResetPassword } from './api/reset-password';
import { userStrings } from './i18n';

/** Set a new password for `user`, who must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const t = useT(userStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the fields show what is wrong
    try {
      await reset.mutateAsync({ id: user.id, password: v.password });
      message.success(t('resetDone'));
      onClose();
    } catch (err) {
      notify(err, { shownOnForm: showServerFieldErrors(form, err, pick) });
    }
  };

  return (
    <Modal
      title={t('resetTitle', { name: user ? `${user.displayName}（${user.username}）` : '' })}
      open={user !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={reset.isPending}
      okText={t('resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={tc('cancel')}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="password" label={t('newPassword')} validateFirst extra={t('policy')} rules={[{ required: true }, zodRule(resetPasswordBody.shape.password, lang), passwordAccountRule(user?.username, lang)]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
