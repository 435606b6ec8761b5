/**
 * Built-in dictionaries (数据字典). The database holds them (seeded from here) so admins can relabel
 * items or add their own types; the values below are what the code relies on and cannot be removed.
 * The web renders every enum through `/api/system/dicts/:type`.
 */
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
