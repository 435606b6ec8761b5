import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { z } from 'zod';
import { AuthProvider, useAuth } from '@/lib/auth';
import { I18nProvider, useLang, useT } from '@/lib/i18n';
import { queryClient } from '@/lib/query';
import { common } from '@/locales/common';
import ChangePasswordPage from '@/features/auth/change-password-page';
import LoginPage from '@/features/auth/login-page';
import PortalListsPage from '@/features/portal/lists-page';
import PortalPage from '@/features/portal/portal-page';
import { AdminLayout } from './admin-layout';
import { ALL_ROUTES } from './routes';

/** Signed in (else the login page), password changed when required (else the change page). */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', margin: 120 }} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.user.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return children;
}

function Forbidden() {
  const t = useT(common);
  return <Result status="403" title="403" subTitle={t('forbidden')} />;
}

function NotFound() {
  const t = useT(common);
  return <Result status="404" title="404" subTitle={t('notFound')} extra={<a href="/">{t('backHome')}</a>} />;
}

function AppRoutes() {
  const { can } = useAuth();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/credit-lookup" element={<PortalPage />} />
      <Route path="/credit-lists" element={<PortalListsPage />} />
      <Route
        path="/change-password"
        element={
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AdminLayout />
          </RequireAuth>
        }
      >
        {ALL_ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={!r.access || can(r.access) ? <r.element /> : <Forbidden />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

// People who ask their system for less motion get none: no sliding menus or fading dialogs. (The
// e2e browser asks for it too, so a click never lands on a dropdown that is still moving.)
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

function Themed() {
  const { lang } = useLang();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  z.config(lang === 'zh' ? z.locales.zhCN() : z.locales.en());
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6, motion: !reducedMotion } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Suspense fallback={<Spin style={{ display: 'block', margin: 120 }} />}>
                <AppRoutes />
              </Suspense>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
