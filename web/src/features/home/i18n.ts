import type { Strings } from '@/lib/i18n';

export const homeStrings = {
  welcome: ['您好，{name}', 'Hello, {name}'],
  users: ['用户', 'Users'],
  activeUsers: ['其中正常 {n} 人', '{n} active'],
  lockedUsers: ['锁定中', 'Locked now'],
  departments: ['部门', 'Departments'],
  departmentKinds: ['{n} 类', '{n} kinds'],
  districts: ['行政区划', 'Districts'],
  calendarYears: ['已加载工作日历', 'Calendar years loaded'],
  nextHoliday: ['下一个法定节假日：{name}（{date}）', 'Next public holiday: {name} ({date})'],
  usersByRole: ['各角色用户数', 'Users by role'],
  departmentsByKind: ['部门类型分布', 'Departments by kind'],
  recentOperations: ['最近操作', 'Recent operations'],
  noOperations: ['暂无操作记录', 'No operations yet'],
  time: ['时间', 'Time'],
  title: ['模块', 'Module'],
  type: ['类型', 'Type'],
  operator: ['操作人', 'Operator'],
} as const satisfies Strings;
