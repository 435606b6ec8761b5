/**
 * The built-in roles (DESIGN §1) with their default permissions and data scope. Loaded once; after
 * that administrators edit them in the UI (except the administrator role, which keeps everything).
 */
import type { BuiltinRoleKey, DataScopeKind, Permission } from '../../../../../contracts/permissions.js';

export interface BuiltinRole {
  key: BuiltinRoleKey;
  name: string;
  dataScope: DataScopeKind;
  permissions: Permission[];
  remark: string;
}

const READ_ORG: Permission[] = ['system:district:list', 'system:dept:list', 'system:calendar:list'];
/** A unit responsible for plan tasks: sees its tasks and reports progress on them. */
const TASK_UNIT: Permission[] = ['plans:task:list', 'plans:task:report'];
/** An assessed unit: sees its own published assessment result and reports its rectification. */
const ASSESSED_UNIT: Permission[] = ['assessment:result:list', 'assessment:rectification:submit'];
/** Everything about assessments: the quality office organises them. */
const ASSESSMENT_OFFICE: Permission[] = [
  'assessment:scheme:list',
  'assessment:scheme:create',
  'assessment:scheme:update',
  'assessment:scheme:delete',
  'assessment:input:update',
  'assessment:input:import',
  'assessment:result:list',
  'assessment:result:score',
  'assessment:result:publish',
  'assessment:result:export',
  'assessment:rectification:submit',
  'assessment:rectification:review',
];

/** Market-regulation staff working the registry and archive (city and district bureaus). */
const ENTITY_OFFICER: Permission[] = [
  'entities:entity:list',
  'entities:entity:create',
  'entities:entity:update',
  'entities:entity:import',
  'entities:entity:export',
  'entities:record:list',
  'entities:record:create',
  'entities:record:import',
  'entities:record:review',
  'credit:evaluation:list',
  'credit:risk:list',
  'credit:model:list',
  'credit:list:list',
  'credit:list:create',
  'credit:list:remove',
  'credit:list:export',
  'credit:repair:list',
  'credit:repair:handle',
  'credit:sanction:query',
  'credit:report:export',
];
/** The city bureau also approves district listings, runs the models and the red and black lists. */
const CREDIT_OFFICE: Permission[] = [
  ...ENTITY_OFFICER,
  'credit:evaluation:recompute',
  'credit:model:update',
  'credit:list:approve',
  'credit:honour:manage',
  'credit:honour:approve',
  'credit:sanction:update',
];
/** An enterprise: its own archive and grade (never the risk class), declarations, repair. */
const ENTERPRISE: Permission[] = [
  'entities:entity:list',
  'entities:record:list',
  'entities:record:declare',
  'credit:evaluation:list',
  'credit:repair:apply',
  'credit:repair:list',
  'credit:report:export',
];

export const BUILTIN_ROLE_DEFS: readonly BuiltinRole[] = [
  { key: 'admin', name: '系统管理员', dataScope: 'all', permissions: [], remark: '系统运维：组织机构、用户、角色、字典、日历与日志；始终拥有全部权限' },
  {
    key: 'quality_office',
    name: '质量办',
    dataScope: 'all',
    permissions: [
      ...READ_ORG,
      'system:district:export',
      'system:dept:export',
      'system:user:list',
      'system:user:export',
      'system:dict:list',
      'system:calendar:export',
      'monitor:operlog:list',
      'plans:plan:list',
      'plans:plan:import',
      'plans:plan:update',
      'plans:plan:publish',
      'plans:plan:delete',
      'plans:task:list',
      'plans:task:report',
      'plans:task:review',
      'plans:task:remind',
      'plans:task:export',
      ...ASSESSMENT_OFFICE,
      ...CREDIT_OFFICE,
    ],
    remark: '市质量强市领导小组办公室：导入行动计划、分解督办任务、组织考核',
  },
  { key: 'dept_user', name: '部门用户', dataScope: 'dept_and_below', permissions: [...READ_ORG, ...TASK_UNIT, ...ASSESSED_UNIT, 'credit:sanction:query'], remark: '成员单位：报送承担任务进展，维护本部门业务数据' },
  {
    key: 'district_user',
    name: '区用户',
    dataScope: 'district',
    permissions: [
      ...READ_ORG,
      'system:user:list',
      'system:user:create',
      'system:user:update',
      'system:user:export',
      'system:user:reset-password',
      'system:user:unlock',
      ...TASK_UNIT,
      ...ASSESSED_UNIT,
      ...ENTITY_OFFICER,
    ],
    remark: '区政府及区市场监管局：管理本区用户，承担本区任务与监管',
  },
  { key: 'inspector', name: '执法人员', dataScope: 'dept', permissions: [...READ_ORG, 'entities:entity:list', 'entities:record:list', 'entities:record:create', 'credit:evaluation:list', 'credit:risk:list'], remark: '执法检查人员：参与双随机抽查，录入检查结果' },
  { key: 'lab', name: '检验机构', dataScope: 'dept', permissions: ['system:calendar:list'], remark: '承检机构：接收样品，录入检验结果（抽检分离）' },
  { key: 'enterprise', name: '企业用户', dataScope: 'enterprise', permissions: [...ENTERPRISE], remark: '市场主体：标准自我声明、质量承诺、投诉处理、信用修复申请' },
];
