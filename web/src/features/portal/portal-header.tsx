import { TranslationOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { portalStrings } from './i18n';

/** The public site's banner: title, the two public pages, language, the way back to login; `children` below (the search box). */
export function PortalHeader({ title, subtitle, children }: { title: string; subtitle: string; children?: ReactNode }) {
  const t = useT(portalStrings);
  const tc = useT(common);
  const { lang, setLang } = useLang();
  const { pathname } = useLocation();
  const nav = (to: string, label: string) => (
    <Link to={to} style={{ color: '#fff', fontWeight: pathname === to ? 600 : 400, borderBottom: pathname === to ? '2px solid #fff' : '2px solid transparent', paddingBottom: 2 }} aria-current={pathname === to ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <div style={{ background: 'linear-gradient(135deg, #0f2a6b 0%, #1d4ed8 55%, #60a5fa 100%)', padding: '32px 16px 56px', color: '#fff' }}>
      <div style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
            {title}
          </Typography.Title>
          <Space size="large" wrap>
            <nav data-testid="portal-nav">
              <Space size="large">
                {nav('/credit-lookup', t('navLookup'))}
                {nav('/credit-lists', t('navLists'))}
              </Space>
            </nav>
            <Button type="text" icon={<TranslationOutlined />} style={{ color: '#fff' }} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {tc('language')}
            </Button>
            <Link to="/login" style={{ color: '#fff' }}>
              {t('back')}
            </Link>
          </Space>
        </Space>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', marginTop: 8 }}>{subtitle}</Typography.Paragraph>
        {children}
      </div>
    </div>
  );
}
