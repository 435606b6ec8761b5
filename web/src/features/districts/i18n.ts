import type { Strings } from '@/lib/i18n';

export const districtStrings = {
  title: ['行政区划', 'Districts'],
  description: ['按 GB/T 2260 维护本市区划；部门与用户归属区划，区用户的数据范围按区划划分。', 'GB/T 2260 districts; departments and users belong to them, and district users see their district’s data.'],
  code: ['区划代码', 'Code'],
  name: ['名称', 'Name'],
  parent: ['上级区划', 'Parent'],
  level: ['级别', 'Level'],
  users: ['用户数', 'Users'],
  createTitle: ['新增区划', 'New district'],
  editTitle: ['修改区划', 'Edit district'],
  codeHint: ['6 位县级代码，或 9/12 位乡级代码；创建后不可修改', '6-digit county code, or a 9/12-digit township code; fixed once created'],
  none: ['（无，顶级）', '(none: top level)'],
} as const satisfies Strings;
