/**
 * The permission catalogue. Permission strings are `module:resource:action` (RuoYi convention).
 * Every API route declares one of these (or `public` / `authenticated`); the role editor shows this
 * tree; the web menu is filtered by it.
 */
export interface PermissionDef {
  key: string;
  zh: string;
  en: string;
}

export interface PermissionGroup {
  key: string;
  zh: string;
  en: string;
  permissions: readonly PermissionDef[];
}

const crud = (mod: string, res: string, zh: string, en: string, extra: PermissionDef[] = []): PermissionGroup => ({
  key: `${mod}:${res}`,
  zh,
  en,
  permissions: [
    { key: `${mod}:${res}:list`, zh: `查看${zh}`, en: `View ${en}` },
    { key: `${mod}:${res}:create`, zh: `新增${zh}`, en: `Create ${en}` },
    { key: `${mod}:${res}:update`, zh: `修改${zh}`, en: `Edit ${en}` },
    { key: `${mod}:${res}:delete`, zh: `删除${zh}`, en: `Delete ${en}` },
    { key: `${mod}:${res}:export`, zh: `导出${zh}`, en: `Export ${en}` },
    ...extra,
  ],
});

export const PERMISSION_GROUPS = [
  crud('system', 'district', '行政区划', 'districts'),
  crud('system', 'dept', '部门', 'departments'),
  crud('system', 'user', '用户', 'users', [
    { key: 'system:user:reset-password', zh: '重置用户密码', en: 'Reset user passwords' },
    { key: 'system:user:import', zh: '导入用户', en: 'Import users' },
    { key: 'system:user:unlock', zh: '解锁用户', en: 'Unlock users' },
  ]),
  crud('system', 'role', '角色', 'roles'),
  crud('system', 'dict', '数据字典', 'dictionaries'),
  {
    key: 'system:calendar',
    zh: '工作日历',
    en: 'Working-day calendar',
    permissions: [
      { key: 'system:calendar:list', zh: '查看工作日历', en: 'View the calendar' },
      { key: 'system:calendar:update', zh: '维护工作日历', en: 'Edit the calendar' },
      { key: 'system:calendar:export', zh: '导出工作日历', en: 'Export the calendar' },
    ],
  },
  {
    key: 'plans:plan',
    zh: '行动计划',
    en: 'Action plans',
    permissions: [
      { key: 'plans:plan:list', zh: '查看行动计划', en: 'View action plans' },
      { key: 'plans:plan:import', zh: '导入行动计划', en: 'Import action plans' },
      { key: 'plans:plan:update', zh: '审核修改计划草稿', en: 'Review and edit plan drafts' },
      { key: 'plans:plan:publish', zh: '发布行动计划', en: 'Publish action plans' },
      { key: 'plans:plan:delete', zh: '删除计划草稿', en: 'Delete plan drafts' },
    ],
  },
  {
    key: 'plans:task',
    zh: '任务督办',
    en: 'Tasks and supervision',
    permissions: [
      { key: 'plans:task:list', zh: '查看任务', en: 'View tasks' },
      { key: 'plans:task:report', zh: '报送任务进展', en: 'Report task progress' },
      { key: 'plans:task:review', zh: '审核进展报告', en: 'Review progress reports' },
      { key: 'plans:task:remind', zh: '督办催办', en: 'Send formal reminders' },
      { key: 'plans:task:export', zh: '导出任务', en: 'Export tasks' },
    ],
  },
  {
    key: 'assessment',
    zh: '质量工作考核',
    en: 'Quality work assessment',
    permissions: [
      { key: 'assessment:scheme:list', zh: '查看考核方案', en: 'View assessment schemes' },
      { key: 'assessment:scheme:create', zh: '新增考核方案', en: 'Create assessment schemes' },
      { key: 'assessment:scheme:update', zh: '修改考核方案', en: 'Edit assessment schemes' },
      { key: 'assessment:scheme:delete', zh: '删除考核方案', en: 'Delete assessment schemes' },
      { key: 'assessment:input:update', zh: '录入考核数据', en: 'Enter assessment inputs' },
      { key: 'assessment:input:import', zh: '导入考核数据', en: 'Import assessment inputs' },
      { key: 'assessment:result:list', zh: '查看考核结果（单位仅见本单位）', en: 'View assessment results (units: their own)' },
      { key: 'assessment:result:score', zh: '计算考核得分', en: 'Score assessments' },
      { key: 'assessment:result:publish', zh: '发布考核结果', en: 'Publish assessment results' },
      { key: 'assessment:result:export', zh: '导出考核结果与通报', en: 'Export results and the notice' },
      { key: 'assessment:rectification:submit', zh: '报送整改报告', en: 'Submit rectification reports' },
      { key: 'assessment:rectification:review', zh: '审核整改报告', en: 'Review rectification reports' },
    ],
  },
  {
    key: 'monitor:operlog',
    zh: '操作日志',
    en: 'Operation log',
    permissions: [
      { key: 'monitor:operlog:list', zh: '查看操作日志', en: 'View the operation log' },
      { key: 'monitor:operlog:export', zh: '导出操作日志', en: 'Export the operation log' },
    ],
  },
  {
    key: 'monitor:audit',
    zh: '审计日志',
    en: 'Audit trail',
    permissions: [
      { key: 'monitor:audit:list', zh: '查看审计日志', en: 'View the audit trail' },
      { key: 'monitor:audit:verify', zh: '校验审计链', en: 'Verify the audit chain' },
      { key: 'monitor:audit:export', zh: '导出审计日志', en: 'Export the audit trail' },
    ],
  },
] as const satisfies readonly PermissionGroup[];

type GroupPermissionKeys<G> = G extends { permissions: readonly (infer P)[] } ? (P extends { key: infer K } ? K : never) : never;

/** Every permission string the product knows. */
export type Permission = GroupPermissionKeys<(typeof PERMISSION_GROUPS)[number]>;

export const ALL_PERMISSIONS: readonly Permission[] = PERMISSION_GROUPS.flatMap((g) =>
  g.permissions.map((p) => p.key as Permission),
);

const permissionSet = new Set<string>(ALL_PERMISSIONS);
export function isPermission(value: string): value is Permission {
  return permissionSet.has(value);
}

/** Route-level access: a permission, or one of the two non-permission levels. */
export type RouteAccess = Permission | 'public' | 'authenticated';

/** Data scope (数据权限) a role carries; see platform/data-scope. */
export const DATA_SCOPES = ['all', 'custom', 'dept', 'dept_and_below', 'district', 'self', 'enterprise'] as const;
export type DataScopeKind = (typeof DATA_SCOPES)[number];

/** The built-in roles; keys are stable, names and permissions are editable. */
export const BUILTIN_ROLES = [
  'admin',
  'quality_office',
  'dept_user',
  'district_user',
  'inspector',
  'lab',
  'enterprise',
] as const;
export type BuiltinRoleKey = (typeof BUILTIN_ROLES)[number];
export const ADMIN_ROLE_KEY: BuiltinRoleKey = 'admin';
