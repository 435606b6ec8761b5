/**
 * Built-in dictionaries (数据字典). The database holds them (seeded from here) so admins can relabel
 * items or add their own types; the values below are what the code relies on and cannot be removed.
 * The web renders every enum through `/api/system/dicts/:type`.
 */
import { ENTITY_DICTS } from './entity-dicts.js';

export interface BuiltinDictItem {
  value: string;
  zh: string;
  en: string;
  /** antd Tag colour used when the value is shown as a tag. */
  color?: string;
}

export interface BuiltinDictType {
  type: string;
  zh: string;
  en: string;
  items: readonly BuiltinDictItem[];
}

export const BUILTIN_DICTS = [
  {
    type: 'sys_status',
    zh: '启用状态',
    en: 'Status',
    items: [
      { value: 'active', zh: '正常', en: 'Active', color: 'green' },
      { value: 'disabled', zh: '停用', en: 'Disabled', color: 'default' },
    ],
  },
  {
    type: 'sys_data_scope',
    zh: '数据范围',
    en: 'Data scope',
    items: [
      { value: 'all', zh: '全部数据', en: 'All data' },
      { value: 'custom', zh: '自定义部门', en: 'Custom departments' },
      { value: 'dept', zh: '本部门', en: 'Own department' },
      { value: 'dept_and_below', zh: '本部门及以下', en: 'Own department and below' },
      { value: 'district', zh: '本区划', en: 'Own district' },
      { value: 'self', zh: '仅本人', en: 'Self only' },
      { value: 'enterprise', zh: '本企业', en: 'Own enterprise' },
    ],
  },
  {
    type: 'sys_dept_kind',
    zh: '部门类型',
    en: 'Department kind',
    items: [
      { value: 'government', zh: '人民政府', en: 'Government' },
      { value: 'office', zh: '议事协调机构办公室', en: 'Coordination office' },
      { value: 'member', zh: '成员单位', en: 'Member unit' },
      { value: 'regulator', zh: '市场监管部门', en: 'Market regulator' },
      { value: 'internal', zh: '内设机构', en: 'Internal division' },
      { value: 'lab', zh: '检验检测机构', en: 'Testing body' },
      { value: 'other', zh: '其他', en: 'Other' },
    ],
  },
  {
    type: 'sys_district_level',
    zh: '区划级别',
    en: 'District level',
    items: [
      { value: '1', zh: '省级', en: 'Province' },
      { value: '2', zh: '地级', en: 'Prefecture' },
      { value: '3', zh: '县级', en: 'County' },
      { value: '4', zh: '乡级', en: 'Township' },
    ],
  },
  {
    type: 'sys_day_kind',
    zh: '日期类型',
    en: 'Day type',
    items: [
      { value: 'workday', zh: '工作日', en: 'Working day', color: 'blue' },
      { value: 'restday', zh: '休息日', en: 'Weekend', color: 'default' },
      { value: 'holiday', zh: '法定节假日', en: 'Public holiday', color: 'red' },
      { value: 'adjusted_workday', zh: '调休上班', en: 'Adjusted working day', color: 'orange' },
    ],
  },
  {
    type: 'sys_oper_type',
    zh: '业务类型',
    en: 'Business type',
    items: [
      { value: 'other', zh: '其他', en: 'Other' },
      { value: 'create', zh: '新增', en: 'Create', color: 'green' },
      { value: 'update', zh: '修改', en: 'Update', color: 'blue' },
      { value: 'delete', zh: '删除', en: 'Delete', color: 'red' },
      { value: 'grant', zh: '授权', en: 'Grant', color: 'purple' },
      { value: 'export', zh: '导出', en: 'Export', color: 'cyan' },
      { value: 'import', zh: '导入', en: 'Import', color: 'geekblue' },
      { value: 'login', zh: '登录', en: 'Log in', color: 'gold' },
      { value: 'logout', zh: '退出', en: 'Log out' },
    ],
  },
  {
    type: 'sys_oper_status',
    zh: '操作状态',
    en: 'Operation status',
    items: [
      { value: 'success', zh: '成功', en: 'Success', color: 'green' },
      { value: 'failure', zh: '失败', en: 'Failure', color: 'red' },
    ],
  },
  {
    type: 'sys_yes_no',
    zh: '是否',
    en: 'Yes / no',
    items: [
      { value: 'Y', zh: '是', en: 'Yes' },
      { value: 'N', zh: '否', en: 'No' },
    ],
  },
  {
    type: 'sys_audit_action',
    zh: '审计动作',
    en: 'Audit action',
    items: [
      { value: 'auth.login', zh: '登录', en: 'Log in' },
      { value: 'auth.login_failed', zh: '登录失败', en: 'Failed login' },
      { value: 'auth.lock', zh: '账号锁定', en: 'Account locked' },
      { value: 'auth.logout', zh: '退出登录', en: 'Log out' },
      { value: 'auth.password_change', zh: '修改密码', en: 'Password changed' },
      { value: 'system.user.create', zh: '新增用户', en: 'Create user' },
      { value: 'system.user.update', zh: '修改用户', en: 'Edit user' },
      { value: 'system.user.enable', zh: '启用用户', en: 'Enable user' },
      { value: 'system.user.disable', zh: '停用用户', en: 'Disable user' },
      { value: 'system.user.reset_password', zh: '重置密码', en: 'Reset password' },
      { value: 'system.user.unlock', zh: '解锁用户', en: 'Unlock user' },
      { value: 'system.user.import_create', zh: '导入新增用户', en: 'Import: new user' },
      { value: 'system.user.import_update', zh: '导入更新用户', en: 'Import: user updated' },
      { value: 'system.dept.create', zh: '新增部门', en: 'Create department' },
      { value: 'system.dept.update', zh: '修改部门', en: 'Edit department' },
      { value: 'system.dept.move', zh: '移动部门', en: 'Move department' },
      { value: 'system.dept.delete', zh: '删除部门', en: 'Delete department' },
      { value: 'system.district.create', zh: '新增区划', en: 'Create district' },
      { value: 'system.district.update', zh: '修改区划', en: 'Edit district' },
      { value: 'system.district.delete', zh: '删除区划', en: 'Delete district' },
      { value: 'system.role.create', zh: '新增角色', en: 'Create role' },
      { value: 'system.role.update', zh: '修改角色授权', en: 'Edit role and grants' },
      { value: 'system.role.delete', zh: '删除角色', en: 'Delete role' },
      { value: 'system.dict.type.create', zh: '新增字典类型', en: 'Create dictionary type' },
      { value: 'system.dict.type.update', zh: '修改字典类型', en: 'Edit dictionary type' },
      { value: 'system.dict.type.delete', zh: '删除字典类型', en: 'Delete dictionary type' },
      { value: 'system.dict.item.create', zh: '新增字典数据', en: 'Create dictionary item' },
      { value: 'system.dict.item.update', zh: '修改字典数据', en: 'Edit dictionary item' },
      { value: 'system.dict.item.delete', zh: '删除字典数据', en: 'Delete dictionary item' },
      { value: 'system.calendar.year.create', zh: '新增日历年度', en: 'Add calendar year' },
      { value: 'system.calendar.year.replace', zh: '重新生成日历年度', en: 'Reload calendar year' },
      { value: 'system.calendar.day.update', zh: '修改日历日期', en: 'Correct a calendar day' },
      { value: 'system.seed.dicts', zh: '初始化字典', en: 'Seed dictionaries' },
      { value: 'system.seed.roles', zh: '初始化角色', en: 'Seed roles' },
      { value: 'system.seed.calendar', zh: '初始化工作日历', en: 'Seed calendar' },
      { value: 'system.seed.admin', zh: '创建管理员', en: 'Create administrator' },
      { value: 'system.seed.demo', zh: '载入演示城市', en: 'Load demo city' },
      { value: 'system.docissuer.update', zh: '修改公文发文机关', en: 'Edit document issuer' },
      { value: 'system.job.run', zh: '立即执行定时任务', en: 'Run a scheduled job now' },
      { value: 'plans.plan.import', zh: '导入行动计划', en: 'Import action plan' },
      { value: 'plans.plan.save', zh: '保存计划草稿', en: 'Save plan draft' },
      { value: 'plans.plan.publish', zh: '发布行动计划', en: 'Publish action plan' },
      { value: 'plans.plan.delete', zh: '删除计划草稿', en: 'Delete plan draft' },
      { value: 'plans.task.report', zh: '报送任务进展', en: 'Report task progress' },
      { value: 'plans.task.review', zh: '审核进展报告', en: 'Review progress report' },
      { value: 'plans.task.remind', zh: '督办', en: 'Send formal reminder' },
      { value: 'plans.task.respond', zh: '答复督办', en: 'Answer reminder' },
      { value: 'plans.indicator.value', zh: '录入指标值', en: 'Record indicator value' },
      { value: 'plans.indicator.baseline', zh: '设置指标基数', en: 'Set indicator baseline' },
      { value: 'assessment.scheme.create', zh: '新增考核方案', en: 'Create assessment scheme' },
      { value: 'assessment.scheme.update', zh: '修改考核方案', en: 'Edit assessment scheme' },
      { value: 'assessment.scheme.delete', zh: '删除考核方案', en: 'Delete assessment scheme' },
      { value: 'assessment.input.update', zh: '录入考核数据', en: 'Enter assessment inputs' },
      { value: 'assessment.input.import', zh: '导入考核数据', en: 'Import assessment inputs' },
      { value: 'assessment.result.score', zh: '计算考核得分', en: 'Score an assessment' },
      { value: 'assessment.result.publish', zh: '发布考核结果', en: 'Publish assessment results' },
      { value: 'assessment.rectification.submit', zh: '报送整改报告', en: 'Submit rectification report' },
      { value: 'assessment.rectification.review', zh: '审核整改报告', en: 'Review rectification report' },
      { value: 'plans.round.submit', zh: '节点报送', en: 'Submit round report' },
      { value: 'plans.seed.demo', zh: '载入演示行动计划与任务', en: 'Load demo plan and tasks' },
      { value: 'assessment.seed.demo', zh: '载入演示考核', en: 'Load demo assessment' },
      { value: 'plans.report.attach', zh: '上传报告附件', en: 'Attach a file to a report' },
      { value: 'entities.entity.create', zh: '登记市场主体', en: 'Register entity' },
      { value: 'entities.entity.update', zh: '修改市场主体', en: 'Edit entity' },
      { value: 'entities.entity.import', zh: '导入市场主体', en: 'Import entities' },
      { value: 'entities.entity.bulk_register', zh: '批量登记市场主体（演示数据、系统迁移）', en: 'Register entities in bulk (demo, migration)' },
      { value: 'entities.entity.pinyin', zh: '补全市场主体名称拼音', en: 'Fill in entity name pinyin' },
      { value: 'entities.product.create', zh: '新增产品', en: 'Add product' },
      { value: 'entities.product.delete', zh: '删除产品', en: 'Remove product' },
      { value: 'entities.licence.create', zh: '新增证照', en: 'Add licence' },
      { value: 'entities.licence.revoke', zh: '注销证照', en: 'Revoke licence' },
      { value: 'entities.record.append', zh: '添加档案记录', en: 'Add archive record' },
      { value: 'entities.record.correct', zh: '更正档案记录', en: 'Correct archive record' },
      { value: 'entities.record.import', zh: '导入档案记录', en: 'Import archive records' },
      { value: 'entities.record.bulk_append', zh: '批量添加档案记录（演示数据、系统迁移）', en: 'Append archive records in bulk (demo, migration)' },
      { value: 'entities.submission.submit', zh: '企业报送', en: 'Enterprise submission' },
      { value: 'entities.submission.approve', zh: '审核通过企业报送', en: 'Approve submission' },
      { value: 'entities.submission.reject', zh: '不予公开企业报送', en: 'Reject submission' },
      { value: 'credit.model.create', zh: '新增评价模型版本', en: 'Create scoring-model version' },
      { value: 'credit.model.activate', zh: '启用评价模型版本', en: 'Activate scoring-model version' },
      { value: 'credit.evaluation.recompute', zh: '重新计算信用评价', en: 'Recompute evaluations' },
      { value: 'credit.list.create', zh: '作出列入决定', en: 'Decide listing' },
      { value: 'credit.list.approve', zh: '审批列入决定', en: 'Approve listing' },
      { value: 'credit.list.reject', zh: '退回列入决定', en: 'Reject listing' },
      { value: 'credit.list.publish', zh: '公示名单信息', en: 'Publish list entry' },
      { value: 'credit.list.remove', zh: '移出名单', en: 'Remove from list' },
      { value: 'credit.list.revoke', zh: '撤销列入', en: 'Revoke listing' },
      { value: 'credit.list.cure', zh: '登记已纠正（经营异常）', en: 'Record cure (abnormal list)' },
      { value: 'credit.list.clock', zh: '名单期限自动处理', en: 'List clock (automatic steps)' },
      { value: 'credit.deadlines.recount', zh: '按工作日历重算办理期限', en: 'Recount deadlines (calendar changed)' },
      { value: 'credit.setting.update', zh: '修改信用设置', en: 'Update credit setting' },
      { value: 'credit.honour.update', zh: '修改红黑榜草稿', en: 'Edit red/black list draft' },
      { value: 'credit.honour.submit', zh: '提交红黑榜审批', en: 'Submit red/black list' },
      { value: 'credit.honour.reject', zh: '退回红黑榜', en: 'Reject red/black list' },
      { value: 'credit.objection.submit', zh: '提出异议', en: 'Lodge objection' },
      { value: 'credit.objection.accept', zh: '受理异议', en: 'Accept objection' },
      { value: 'credit.objection.decide', zh: '处理异议', en: 'Decide objection' },
      { value: 'credit.repair.apply', zh: '申请信用修复', en: 'Apply for credit repair' },
      { value: 'credit.repair.accept', zh: '受理信用修复', en: 'Accept repair application' },
      { value: 'credit.repair.decide', zh: '决定信用修复', en: 'Decide repair application' },
      { value: 'credit.repair.attach', zh: '上传修复证明材料', en: 'Attach repair proof' },
      { value: 'credit.honour.create', zh: '编制红黑榜', en: 'Compile red/black list' },
      { value: 'credit.honour.approve', zh: '审批红黑榜', en: 'Approve red/black list' },
      { value: 'credit.honour.publish', zh: '发布红黑榜', en: 'Publish red/black list' },
      { value: 'credit.sanction.update', zh: '维护联合惩戒规则', en: 'Edit joint-sanction rule' },
      { value: 'credit.seed.demo', zh: '载入演示主体与档案', en: 'Load demo entities and archive' },
      { value: 'credit.report.issue', zh: '出具企业质量信用报告', en: 'Issue credit report' },
    ],
  },
  {
    type: 'sys_audit_target',
    zh: '审计对象类型',
    en: 'Audit target type',
    items: [
      { value: 'user', zh: '用户', en: 'User' },
      { value: 'department', zh: '部门', en: 'Department' },
      { value: 'district', zh: '行政区划', en: 'District' },
      { value: 'role', zh: '角色', en: 'Role' },
      { value: 'dict_type', zh: '字典类型', en: 'Dictionary type' },
      { value: 'dict_item', zh: '字典数据', en: 'Dictionary item' },
      { value: 'calendar_year', zh: '日历年度', en: 'Calendar year' },
      { value: 'calendar_day', zh: '日历日期', en: 'Calendar day' },
      { value: 'job_run', zh: '定时任务执行', en: 'Job run' },
      { value: 'demo', zh: '演示数据', en: 'Demo data' },
      { value: 'plan', zh: '行动计划', en: 'Action plan' },
      { value: 'plan_task', zh: '任务', en: 'Task' },
      { value: 'task_report', zh: '进展报告', en: 'Progress report' },
      { value: 'task_reminder', zh: '督办', en: 'Reminder' },
      { value: 'plan_indicator', zh: '量化指标', en: 'Indicator' },
      { value: 'assessment_scheme', zh: '考核方案', en: 'Assessment scheme' },
      { value: 'assessment_rectification', zh: '考核整改', en: 'Rectification report' },
      { value: 'entity', zh: '市场主体', en: 'Market entity' },
      { value: 'entity_product', zh: '产品', en: 'Product' },
      { value: 'entity_licence', zh: '证照', en: 'Licence' },
      { value: 'archive_record', zh: '档案记录', en: 'Archive record' },
      { value: 'archive_submission', zh: '企业报送', en: 'Enterprise submission' },
      { value: 'credit_model', zh: '评价模型', en: 'Scoring model' },
      { value: 'credit_list_entry', zh: '名单记录', en: 'List entry' },
      { value: 'credit_objection', zh: '异议', en: 'Objection' },
      { value: 'credit_repair', zh: '信用修复申请', en: 'Repair application' },
      { value: 'credit_honour', zh: '红黑榜', en: 'Red/black list' },
      { value: 'credit_setting', zh: '信用设置', en: 'Credit setting' },
      { value: 'credit_sanction_rule', zh: '联合惩戒规则', en: 'Joint-sanction rule' },
      { value: 'plan_round', zh: '报送节点', en: 'Reporting round' },
      { value: 'stored_file', zh: '附件', en: 'Attachment' },
      { value: 'doc_issuer', zh: '公文发文机关', en: 'Document issuer' },
    ],
  },
  {
    type: 'plan_status',
    zh: '计划状态',
    en: 'Plan status',
    items: [
      { value: 'draft', zh: '草稿', en: 'Draft', color: 'default' },
      { value: 'published', zh: '已发布', en: 'Published', color: 'green' },
    ],
  },
  {
    type: 'plan_unit_role',
    zh: '责任方式',
    en: 'Responsibility',
    items: [
      { value: 'lead', zh: '牵头', en: 'Lead', color: 'blue' },
      { value: 'support', zh: '配合', en: 'Support', color: 'default' },
      { value: 'joint', zh: '按职责分工', en: 'Joint', color: 'cyan' },
    ],
  },
  {
    type: 'plan_task_status',
    zh: '任务状态',
    en: 'Task status',
    items: [
      { value: 'pending', zh: '未报送', en: 'Not reported', color: 'default' },
      { value: 'submitted', zh: '待审核', en: 'Awaiting review', color: 'processing' },
      { value: 'returned', zh: '已退回', en: 'Returned', color: 'warning' },
      { value: 'in_progress', zh: '推进中', en: 'In progress', color: 'blue' },
      { value: 'completed', zh: '已完成', en: 'Completed', color: 'green' },
    ],
  },
  {
    type: 'plan_report_status',
    zh: '报告状态',
    en: 'Report status',
    items: [
      { value: 'submitted', zh: '待审核', en: 'Awaiting review', color: 'processing' },
      { value: 'accepted', zh: '已采纳', en: 'Accepted', color: 'green' },
      { value: 'returned', zh: '已退回', en: 'Returned', color: 'warning' },
    ],
  },
  {
    type: 'assessment_target_kind',
    zh: '考核对象',
    en: 'Assessed units',
    items: [
      { value: 'district', zh: '各区人民政府', en: 'District governments', color: 'blue' },
      { value: 'department', zh: '市有关部门', en: 'Member units', color: 'cyan' },
    ],
  },
  {
    type: 'assessment_scheme_status',
    zh: '考核方案状态',
    en: 'Scheme status',
    items: [
      { value: 'draft', zh: '草稿', en: 'Draft', color: 'default' },
      { value: 'scoring', zh: '评分中', en: 'Scoring', color: 'processing' },
      { value: 'published', zh: '已发布', en: 'Published', color: 'green' },
    ],
  },
  {
    type: 'assessment_indicator_kind',
    zh: '考核指标类型',
    en: 'Indicator kind',
    items: [
      { value: 'task_completion', zh: '任务完成率', en: 'Task completion', color: 'blue' },
      { value: 'on_time', zh: '按时完成率', en: 'On-time completion', color: 'geekblue' },
      { value: 'indicator_attainment', zh: '指标完成情况', en: 'Indicator attainment', color: 'cyan' },
      { value: 'expert', zh: '专家评分', en: 'Expert score', color: 'purple' },
      { value: 'manual', zh: '其他评分', en: 'Other score', color: 'default' },
    ],
  },
  {
    type: 'assessment_rectification_status',
    zh: '整改状态',
    en: 'Rectification status',
    items: [
      { value: 'submitted', zh: '待审核', en: 'Awaiting review', color: 'processing' },
      { value: 'accepted', zh: '已通过', en: 'Accepted', color: 'green' },
      { value: 'returned', zh: '已退回', en: 'Returned', color: 'warning' },
    ],
  },
  ...ENTITY_DICTS,
] as const satisfies readonly BuiltinDictType[];

export type BuiltinDictTypeKey = (typeof BUILTIN_DICTS)[number]['type'];

type ValuesOf<T extends BuiltinDictTypeKey> = Extract<(typeof BUILTIN_DICTS)[number], { type: T }>['items'][number]['value'];

/** The values of a built-in dictionary as a tuple, for z.enum(). */
export function dictValues<T extends BuiltinDictTypeKey>(type: T): [ValuesOf<T>, ...ValuesOf<T>[]] {
  const dict = BUILTIN_DICTS.find((d) => d.type === type);
  if (!dict) throw new Error(`unknown dictionary ${type}`);
  return dict.items.map((i) => i.value) as [ValuesOf<T>, ...ValuesOf<T>[]];
}

export const STATUS_VALUES = dictValues('sys_status');
export type Status = (typeof STATUS_VALUES)[number];
export const DEPT_KINDS = dictValues('sys_dept_kind');
export type DeptKind = (typeof DEPT_KINDS)[number];
export const DAY_KINDS = dictValues('sys_day_kind');
export type DayKind = (typeof DAY_KINDS)[number];
export const OPER_TYPES = dictValues('sys_oper_type');
export type OperType = (typeof OPER_TYPES)[number];
export const AUDIT_ACTIONS = dictValues('sys_audit_action');
/** Every action an audit row can record: adding one means adding its label to the dictionary. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_TARGETS = dictValues('sys_audit_target');
export type AuditTarget = (typeof AUDIT_TARGETS)[number];
