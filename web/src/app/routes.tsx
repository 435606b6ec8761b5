/**
 * Routes double as the menu (ant-design-pro convention): each entry names its i18n key, its icon
 * and the permission it needs; the menu shows only what the user may open.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  ShopOutlined,
  IdcardOutlined,
  PieChartOutlined,
  UnorderedListOutlined,
  LikeOutlined,
  ToolOutlined,
  StopOutlined,
  ControlOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { common } from '@/locales/common';

export interface AppRoute {
  path: string;
  titleKey: keyof typeof common;
  icon: ReactNode;
  /** Permission needed; omitted = any signed-in user. */
  access?: string;
  /** Only for accounts acting for an enterprise: the administrator holds every permission but has no enterprise of its own. */
  enterpriseOnly?: boolean;
  /** Not in an enterprise account's menu: the registry of a territory is the officers' (the enterprise has 本企业信用档案). */
  staffOnly?: boolean;
  element: LazyExoticComponent<ComponentType>;
}

/** A page reached from another page (not in the menu); the menu highlights `menuPath`. */
export interface DetailRoute extends AppRoute {
  menuPath: string;
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
    key: 'quality',
    titleKey: 'quality',
    icon: <FlagOutlined />,
    children: [
      { path: '/dashboard', titleKey: 'dashboard', icon: <FundOutlined />, access: 'plans:task:list', element: page(() => import('@/features/dashboard/dashboard-page')) },
      { path: '/plans', titleKey: 'plans', icon: <FileTextOutlined />, access: 'plans:plan:list', element: page(() => import('@/features/plans/plans-page')) },
      { path: '/tasks', titleKey: 'tasks', icon: <CarryOutOutlined />, access: 'plans:task:list', element: page(() => import('@/features/tasks/tasks-page')) },
      { path: '/assessment/schemes', titleKey: 'assessmentSchemes', icon: <TrophyOutlined />, access: 'assessment:scheme:list', element: page(() => import('@/features/assessment/schemes-page')) },
      { path: '/assessment/scoring', titleKey: 'assessmentScoring', icon: <CalculatorOutlined />, access: 'assessment:scheme:list', element: page(() => import('@/features/assessment/scoring-page')) },
      { path: '/assessment/mine', titleKey: 'myAssessment', icon: <SolutionOutlined />, access: 'assessment:result:list', element: page(() => import('@/features/assessment/my-assessment-page')) },
    ],
  },
  {
    key: 'entities',
    titleKey: 'entitiesCredit',
    icon: <ShopOutlined />,
    children: [
      { path: '/entities', titleKey: 'entities', icon: <ShopOutlined />, access: 'entities:entity:list', staffOnly: true, element: page(() => import('@/features/entities/entities-page')) },
      { path: '/submissions', titleKey: 'submissionReview', icon: <FileDoneOutlined />, access: 'entities:record:review', element: page(() => import('@/features/submissions/review-page')) },
      { path: '/my-enterprise', titleKey: 'myEnterprise', icon: <IdcardOutlined />, access: 'entities:record:declare', enterpriseOnly: true, element: page(() => import('@/features/entities/my-enterprise-page')) },
      { path: '/credit/overview', titleKey: 'creditOverview', icon: <PieChartOutlined />, access: 'credit:list:list', element: page(() => import('@/features/credit/overview-page')) },
      { path: '/credit/lists', titleKey: 'creditLists', icon: <UnorderedListOutlined />, access: 'credit:list:list', element: page(() => import('@/features/credit/lists-page')) },
      { path: '/credit/honours', titleKey: 'creditHonours', icon: <LikeOutlined />, access: 'credit:honour:manage', element: page(() => import('@/features/credit/honours-page')) },
      { path: '/credit/repairs', titleKey: 'creditRepairs', icon: <ToolOutlined />, access: 'credit:repair:list', element: page(() => import('@/features/credit/repairs-page')) },
      { path: '/credit/sanctions', titleKey: 'creditSanctions', icon: <StopOutlined />, access: 'credit:sanction:query', element: page(() => import('@/features/credit/sanctions-page')) },
      { path: '/credit/models', titleKey: 'creditModels', icon: <ControlOutlined />, access: 'credit:model:list', element: page(() => import('@/features/credit/models-page')) },
    ],
  },
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
      { path: '/system/documents', titleKey: 'documents', icon: <FileProtectOutlined />, access: 'system:document:list', element: page(() => import('@/features/documents/documents-page')) },
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

export const DETAIL_ROUTES: DetailRoute[] = [
  { path: '/plans/:id', menuPath: '/plans', titleKey: 'planReview', icon: <FileTextOutlined />, access: 'plans:plan:list', element: page(() => import('@/features/plans/plan-review-page')) },
  { path: '/entities/:uscc', menuPath: '/entities', titleKey: 'entityDetail', icon: <ShopOutlined />, access: 'entities:entity:list', element: page(() => import('@/features/entities/entity-detail-page')) },
];

export const ALL_ROUTES: AppRoute[] = [HOME_ROUTE, ...MENU.flatMap((g) => g.children), ...DETAIL_ROUTES];

/** Who is looking at the menu: what they may do, and whether they act for an enterprise. */
export interface MenuViewer {
  can(permission: string): boolean;
  enterprise: boolean;
}

/**
 * The menu a viewer sees: a page only with its permission (the server would refuse it anyway),
 * enterprise-only pages only for enterprise accounts, staff-only pages never for them; a group
 * left empty is not shown.
 */
export function visibleMenu(groups: readonly MenuGroup[], viewer: MenuViewer): MenuGroup[] {
  const shows = (r: AppRoute) => (!r.access || viewer.can(r.access)) && (!r.enterpriseOnly || viewer.enterprise) && (!r.staffOnly || !viewer.enterprise);
  return groups.map((g) => ({ ...g, children: g.children.filter(shows) })).filter((g) => g.children.length > 0);
}

/** The menu entry to highlight for a location: the page itself, or the list a detail page belongs to. */
export function menuKeyOf(pathname: string): string {
  const detail = DETAIL_ROUTES.find((r) => pathname.startsWith(`${r.menuPath}/`));
  return detail ? detail.menuPath : pathname;
}
