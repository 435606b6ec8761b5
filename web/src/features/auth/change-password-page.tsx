import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { newPassword } from '@contracts/auth';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { resetSession, useAuth } from '@/lib/auth';
import { passwordAccountRule, zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { changePassword } from './api';
import { authStrings } from './i18n';

export default function ChangePasswordPage() {
  const t = useT(authStrings);
  const { lang } = useLang();
  const { me } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const pick = usePick();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const navigate = useNavigate();
  const forced = me?.user.mustChangePassword ?? false;

  const onFinish = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('changed'));
      if (me) await resetSession({ ...me, user: { ...me.user, mustChangePassword: false } });
      navigate('/', { replace: true });
    } catch (err) {
      // The server's reason goes on the field it concerns (a guessable password, the wrong current one).
      const shownOnForm = showServerFieldErrors(form, err, pick, { PASSWORD_WRONG: 'currentPassword', PASSWORD_REUSED: 'newPassword' });
      notify(err, { shownOnForm });
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 440 }}>
        <Typography.Title level={4}>{t('changeTitle')}</Typography.Title>
        {forced ? <Alert type="warning" showIcon title={t('changeForced')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v: { currentPassword: string; newPassword: string }) => void onFinish(v)}>
          <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('newPassword')} extra={t('policy')} rules={[{ required: true }, zodRule(newPassword, lang), passwordAccountRule(me?.user.username, lang)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('submit')}
          </Button>
          {!forced ? (
            <Button type="link" block onClick={() => navigate(-1)} style={{ marginTop: 8 }}>
              {t('back')}
            </Button>
          ) : null}
        </Form>
      </Card>
    </div>
  );
}
