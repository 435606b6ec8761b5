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
    key: 'system:job',
    zh: '定时任务',
    en: 'Scheduled jobs',
    permissions: [
      { key: 'system:job:list', zh: '查看定时任务', en: 'View scheduled jobs' },
      { key: 'system:job:run', zh: '立即执行定时任务', en: 'Run a scheduled job now' },
    ],
  },
  {
    key: 'system:document',
    zh: '公文设置',
    en: 'Official documents',
    permissions: [
      { key: 'system:document:list', zh: '查看公文发文机关与文号', en: 'View document issuers and numbers' },
      { key: 'system:document:update', zh: '修改公文发文机关', en: 'Edit document issuers' },
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
    key: 'entities',
    zh: '市场主体与质量档案',
    en: 'Market entities and quality archive',
    permissions: [
      { key: 'entities:entity:list', zh: '查看市场主体（企业仅本企业）', en: 'View market entities (enterprises: their own)' },
      { key: 'entities:entity:create', zh: '登记市场主体', en: 'Register market entities' },
      { key: 'entities:entity:update', zh: '修改主体信息、产品与证照', en: 'Edit entities, products and licences' },
      { key: 'entities:entity:import', zh: '导入市场主体', en: 'Import market entities' },
      { key: 'entities:entity:export', zh: '导出市场主体', en: 'Export market entities' },
      { key: 'entities:record:list', zh: '查看质量档案记录', en: 'View archive records' },
      { key: 'entities:record:create', zh: '添加与更正档案记录', en: 'Add and correct archive records' },
      { key: 'entities:record:import', zh: '导入历史档案记录', en: 'Import historical records' },
      { key: 'entities:record:declare', zh: '报送标准自我声明与质量承诺（企业）', en: 'Submit self-declarations and commitments (enterprise)' },
      { key: 'entities:record:review', zh: '审核企业报送内容（通过后公开）', en: 'Review enterprise submissions (approved ones are published)' },
    ],
  },
  {
    key: 'credit',
    zh: '质量信用',
    en: 'Quality credit',
    permissions: [
      { key: 'credit:evaluation:list', zh: '查看信用等级及评价说明', en: 'View credit grades and explanations' },
      { key: 'credit:risk:list', zh: '查看信用风险分类（内部）', en: 'View credit-risk classes (internal)' },
      { key: 'credit:evaluation:recompute', zh: '重新计算信用评价', en: 'Recompute evaluations' },
      { key: 'credit:model:list', zh: '查看评价模型', en: 'View scoring models' },
      { key: 'credit:model:update', zh: '维护评价模型版本', en: 'Maintain scoring-model versions' },
      { key: 'credit:list:list', zh: '查看信用名单', en: 'View credit lists' },
      { key: 'credit:list:create', zh: '作出列入决定', en: 'Decide listings' },
      { key: 'credit:list:approve', zh: '审批列入决定（上级机关）', en: 'Approve listings (higher authority)' },
      { key: 'credit:list:remove', zh: '移出、撤销与停止公示', en: 'Remove, revoke and stop publication' },
      { key: 'credit:list:export', zh: '导出信用名单', en: 'Export credit lists' },
      { key: 'credit:honour:manage', zh: '编制与发布红黑榜', en: 'Compile and publish red and black lists' },
      { key: 'credit:honour:approve', zh: '审批红黑榜', en: 'Approve red and black lists' },
      { key: 'credit:repair:apply', zh: '申请信用修复（企业）', en: 'Apply for credit repair (enterprise)' },
      { key: 'credit:repair:list', zh: '查看信用修复申请', en: 'View repair applications' },
      { key: 'credit:repair:handle', zh: '受理与决定信用修复', en: 'Accept and decide repair applications' },
      { key: 'credit:sanction:query', zh: '查询联合惩戒措施', en: 'Query joint sanctions' },
      { key: 'credit:sanction:update', zh: '维护联合惩戒规则', en: 'Maintain joint-sanction rules' },
      { key: 'credit:report:export', zh: '生成企业质量信用报告', en: 'Produce credit reports' },
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
