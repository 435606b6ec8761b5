/**
 * Routes double as the menu (ant-design-pro convention): each entry names its i18n key, its icon
 * and the permission it needs; the menu shows only what the user may open.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  DashboardOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { common } from '@/locales/common';

export interface AppRoute {
  path: string;
  titleKey: keyof typeof common;
  icon: ReactNode;
  /** Permission needed; omitted = any signed-in user. */
  access?: string;
  element: LazyExoticComponent<ComponentType>;
}

export interface MenuGroup {
  key: string;
  titleKey: keyof typeof common;
  icon: ReactNode;
  children: AppRoute[];
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const HOME_ROUTE: AppRoute = { path: '/', titleKey: 'home', icon: <HomeOutlined />, element: page(() => import('@/features/home/home-page')) };

export const MENU: MenuGroup[] = [
  {
    key: 'system',
    titleKey: 'system',
    icon: <SettingOutlined />,
    children: [
      { path: '/system/districts', titleKey: 'districts', icon: <EnvironmentOutlined />, access: 'system:district:list', element: page(() => import('@/features/districts/districts-page')) },
      { path: '/system/departments', titleKey: 'departments', icon: <ApartmentOutlined />, access: 'system:dept:list', element: page(() => import('@/features/departments/departments-page')) },
      { path: '/system/users', titleKey: 'users', icon: <TeamOutlined />, access: 'system:user:list', element: page(() => import('@/features/users/users-page')) },
      { path: '/system/roles', titleKey: 'roles', icon: <SafetyCertificateOutlined />, access: 'system:role:list', element: page(() => import('@/features/roles/roles-page')) },
      { path: '/system/dicts', titleKey: 'dicts', icon: <BookOutlined />, access: 'system:dict:list', element: page(() => import('@/features/dicts/dicts-page')) },
      { path: '/system/calendar', titleKey: 'calendar', icon: <CalendarOutlined />, access: 'system:calendar:list', element: page(() => import('@/features/calendar/calendar-page')) },
    ],
  },
  {
    key: 'monitor',
    titleKey: 'monitor',
    icon: <DashboardOutlined />,
    children: [
      { path: '/monitor/operlog', titleKey: 'operlog', icon: <FileSearchOutlined />, access: 'monitor:operlog:list', element: page(() => import('@/features/operlog/operlog-page')) },
      { path: '/monitor/audit', titleKey: 'audit', icon: <AuditOutlined />, access: 'monitor:audit:list', element: page(() => import('@/features/audit/audit-page')) },
    ],
  },
];

export const ALL_ROUTES: AppRoute[] = [HOME_ROUTE, ...MENU.flatMap((g) => g.children)];
