/** Excel column maps of the system module: one description per resource for export and import. */
import type { CalendarDay } from '../../../../contracts/calendar.js';
import { PERMISSION_GROUPS } from '../../../../contracts/permissions.js';
import type { Department, District, DictItem, DictType, Role, User } from '../../../../contracts/system.js';
import type { ImportColumn } from '../../platform/excel/excel.js';
import type { ExportColumn } from '../../platform/excel/excel-export.js';

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * The user list as the page shows it. 区划代码 stays beside the district's name: the export is also
 * the import's file (an edited export uploads as is), and the import reads districts by code.
 */
export const USER_EXPORT: ExportColumn<User>[] = [
  { header: '用户编号', width: 10, type: 'number', value: (u) => u.id },
  { header: '用户名', width: 18, value: (u) => u.username },
  { header: '姓名', width: 12, value: (u) => u.displayName },
  { header: '部门', width: 30, value: (u) => u.deptName },
  { header: '区划', width: 12, value: (u) => u.districtName },
  { header: '区划代码', width: 10, value: (u) => u.districtCode },
  { header: '手机号码', width: 16, value: (u) => u.phone },
  { header: '邮箱', width: 24, value: (u) => u.email },
  { header: '角色', width: 24, value: (u) => u.roles.map((r) => r.name).join('、') },
  { header: '统一社会信用代码', width: 22, value: (u) => u.enterpriseUscc },
  { header: '状态', width: 8, value: (u, label) => label('sys_status', u.status) },
  { header: '最后登录', width: 17, type: 'datetime', value: (u) => u.lastLoginAt },
  { header: '创建时间', width: 17, type: 'datetime', value: (u) => u.createdAt },
];

export const USER_IMPORT: ImportColumn[] = [
  { key: 'username', header: '用户名', aliases: ['username', '登录名'], required: true, note: '3–32 位字母、数字、下划线、点或连字符；已存在的用户名将更新该用户（不改密码）' },
  { key: 'displayName', header: '姓名', aliases: ['display name', '用户姓名'], required: true, note: '不超过 50 字' },
  { key: 'dept', header: '部门', aliases: ['department', '部门名称'], note: '部门全称、简称或部门编号' },
  { key: 'districtCode', header: '区划代码', aliases: ['district code'], note: 'GB/T 2260 代码，如 120101（和平区）；留空则取部门所在区划' },
  { key: 'phone', header: '手机号码', aliases: ['手机号', '电话', 'phone'], note: '11 位手机号或带区号的固定电话' },
  { key: 'email', header: '邮箱', aliases: ['email', '电子邮箱'] },
  { key: 'roles', header: '角色', aliases: ['roles'], required: true, note: '角色名称或标识，多个用“、”或逗号分隔' },
  { key: 'status', header: '状态', aliases: ['status'], note: '正常 或 停用；留空为正常' },
  { key: 'enterpriseUscc', header: '统一社会信用代码', aliases: ['uscc', '企业信用代码'], note: '企业用户所属企业的 18 位代码' },
  { key: 'password', header: '初始密码', aliases: ['password'], note: '新用户必填：至少 10 位，含大写、小写、数字、符号中的三类，不含用户名，不能是常见或易猜的密码；首次登录须修改' },
];

export const DEPARTMENT_EXPORT: ExportColumn<Department & { parentName: string | null; districtName: string | null }>[] = [
  { header: '部门编号', width: 10, type: 'number', value: (d) => d.id },
  { header: '部门名称', width: 34, value: (d) => d.name },
  { header: '简称', width: 18, value: (d) => d.shortName },
  { header: '别名', width: 30, value: (d) => d.aliases.join('、') },
  { header: '上级部门', width: 30, value: (d) => d.parentName },
  { header: '部门类型', width: 18, value: (d, label) => label('sys_dept_kind', d.kind) },
  { header: '区划', width: 12, value: (d) => d.districtName ?? d.districtCode },
  { header: '负责人', width: 12, value: (d) => d.leader },
  { header: '联系电话', width: 16, value: (d) => d.phone },
  { header: '用户数', width: 8, type: 'number', value: (d) => d.userCount },
  { header: '排序', width: 8, type: 'number', value: (d) => d.sort },
  { header: '状态', width: 8, value: (d, label) => label('sys_status', d.status) },
];

export const DISTRICT_EXPORT: ExportColumn<District & { parentName: string | null }>[] = [
  { header: '区划代码', width: 12, value: (d) => d.code },
  { header: '名称', width: 16, value: (d) => d.name },
  { header: '上级区划', width: 16, value: (d) => d.parentName },
  { header: '上级代码', width: 12, value: (d) => d.parentCode },
  { header: '级别', width: 8, value: (d, label) => label('sys_district_level', String(d.level)) },
  { header: '用户数', width: 8, type: 'number', value: (d) => d.userCount },
  { header: '状态', width: 8, value: (d, label) => label('sys_status', d.status) },
];

const PERMISSION_NAMES = new Map(PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => [p.key, p.zh] as const)));

export const ROLE_EXPORT: ExportColumn<Role>[] = [
  { header: '角色编号', width: 10, type: 'number', value: (r) => r.id },
  { header: '角色名称', width: 16, value: (r) => r.name },
  { header: '角色标识', width: 18, value: (r) => r.key },
  { header: '数据范围', width: 14, value: (r, label) => label('sys_data_scope', r.dataScope) },
  { header: '权限数', width: 8, type: 'number', value: (r) => r.permissions.length },
  // The role editor's words (查看用户, 导出任务 …), not the permission strings.
  { header: '权限', width: 60, value: (r) => r.permissions.map((p) => PERMISSION_NAMES.get(p) ?? p).join('、') },
  { header: '用户数', width: 8, type: 'number', value: (r) => r.userCount },
  { header: '内置', width: 6, value: (r, label) => label('sys_yes_no', r.builtin ? 'Y' : 'N') },
  { header: '状态', width: 8, value: (r, label) => label('sys_status', r.status) },
  { header: '备注', width: 30, value: (r) => r.remark },
];

/** The dictionaries themselves: here the stored value is content, shown beside its labels. */
export const DICT_EXPORT: ExportColumn<{ type: DictType; item: DictItem }>[] = [
  { header: '字典类型', width: 20, value: (r) => r.type.type },
  { header: '字典名称', width: 16, value: (r) => r.type.nameZh },
  { header: '取值', width: 18, value: (r) => r.item.value },
  { header: '中文标签', width: 18, value: (r) => r.item.labelZh },
  { header: '英文标签', width: 22, value: (r) => r.item.labelEn },
  { header: '排序', width: 8, type: 'number', value: (r) => r.item.sort },
  { header: '状态', width: 8, value: (r, label) => label('sys_status', r.item.status) },
  { header: '内置', width: 6, value: (r, label) => label('sys_yes_no', r.item.builtin ? 'Y' : 'N') },
];

export const CALENDAR_EXPORT: ExportColumn<CalendarDay>[] = [
  { header: '日期', width: 12, type: 'date', value: (d) => d.date },
  { header: '星期', width: 8, value: (d) => WEEKDAY_ZH[new Date(`${d.date}T00:00:00Z`).getUTCDay()] },
  { header: '类型', width: 12, value: (d, label) => label('sys_day_kind', d.kind) },
  { header: '是否工作日', width: 10, value: (d, label) => label('sys_yes_no', d.working ? 'Y' : 'N') },
  { header: '名称', width: 16, value: (d) => d.name },
];
