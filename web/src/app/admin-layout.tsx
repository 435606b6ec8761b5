import { ApiOutlined, KeyOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '@/lib/api-client';
import { resetSession, useAuth } from '@/lib/auth';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { HOME_ROUTE, MENU, menuKeyOf, visibleMenu } from './routes';

/** The admin shell: menu filtered by permissions, header with language switch and user menu. */
export function AdminLayout() {
  const { me, can } = useAuth();
  const { lang, setLang } = useLang();
  const t = useT(common);
  const navigate = useNavigate();
  const location = useLocation();
  const enterprise = Boolean(me?.user.enterpriseUscc);

  const items = useMemo(() => {
    const groups = visibleMenu(MENU, { can, enterprise }).map((g) => ({
      key: g.key,
      icon: g.icon,
      label: t(g.titleKey),
      children: g.children.map((r) => ({ key: r.path, icon: r.icon, label: t(r.titleKey) })),
    }));
    return [{ key: HOME_ROUTE.path, icon: HOME_ROUTE.icon, label: t('home') }, ...groups];
  }, [t, can, enterprise]);

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      await resetSession(null);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: '0 20px' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('appName')}
          </Typography.Text>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[menuKeyOf(location.pathname)]}
          defaultOpenKeys={MENU.map((g) => g.key)}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">{t('appSubtitle')}</Typography.Text>
          <Space size="middle">
            <Button type="text" icon={<ApiOutlined />} href="/api/docs" target="_blank">
              {t('apiDocs')}
            </Button>
            <Button type="text" icon={<TranslationOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
              {t('language')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), onClick: () => navigate('/change-password') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: () => void logout() },
                ],
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{me?.user.displayName}</span>
                <Typography.Text type="secondary">{me?.user.deptName ?? ''}</Typography.Text>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
