import { LockOutlined, SafetyCertificateOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { resetSession } from '@/lib/auth';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { login } from './api';
import { authStrings } from './i18n';

export default function LoginPage() {
  const t = useT(authStrings);
  const tc = useT(common);
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ title?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(values);
      await resetSession(me);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(me.user.mustChangePassword ? '/change-password' : (from ?? '/'), { replace: true });
    } catch (err) {
      // The server answers an unknown name exactly like a wrong password; the page shows its words.
      if (err instanceof ApiError && err.code === 'ACCOUNT_LOCKED') setError({ title: t('lockedTitle'), message: err.message });
      else if (err instanceof ApiError && err.code === 'LOGIN_RATE_LIMITED') setError({ title: t('throttledTitle'), message: err.message });
      else setError({ message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #0f2a6b 0%, #1d4ed8 55%, #60a5fa 100%)',
        padding: 16,
      }}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        style={{ position: 'absolute', top: 16, right: 16, color: '#fff' }}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {tc('language')}
      </Button>
      <Card style={{ width: 400, boxShadow: '0 10px 40px rgba(0,0,0,.25)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        {error ? <Alert type="error" showIcon title={error.title ?? error.message} description={error.title ? error.message : undefined} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void onFinish(v)} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/credit-lookup" data-testid="credit-lookup-link">
            <SafetyCertificateOutlined /> {t('creditLookup')}
          </Link>
        </div>
      </Card>
    </div>
  );
}
