/** Excel column maps of the plans module. */
import type { Plan, Task } from '../../../../contracts/plans.js';
import type { ExportColumn } from '../../platform/excel/excel-export.js';

export const PLAN_EXPORT: ExportColumn<Plan>[] = [
  { header: '计划编号', width: 10, type: 'number', value: (p) => p.id },
  { header: '标题', width: 40, value: (p) => p.title },
  { header: '文号', width: 22, value: (p) => p.docNumber },
  { header: '发文机关', width: 28, value: (p) => p.issuer },
  { header: '成文日期', width: 12, type: 'date', value: (p) => p.issuedDate },
  { header: '状态', width: 8, value: (p, label) => label('plan_status', p.status) },
  { header: '条目数', width: 8, type: 'number', value: (p) => p.itemCount },
  { header: '任务数', width: 8, type: 'number', value: (p) => p.taskCount },
  { header: '完成率(%)', width: 10, type: 'number', value: (p) => p.completion },
  { header: '默认截止日期', width: 12, type: 'date', value: (p) => p.dueDate },
  { header: '发布时间', width: 17, type: 'datetime', value: (p) => p.publishedAt },
];

export const TASK_EXPORT: ExportColumn<Task>[] = [
  { header: '任务编号', width: 10, type: 'number', value: (t) => t.id },
  { header: '计划', width: 36, value: (t) => t.planTitle },
  { header: '条目', width: 10, value: (t) => t.itemPath },
  { header: '任务', width: 30, value: (t) => t.itemHeading },
  { header: '任务内容', width: 60, value: (t) => t.itemText },
  { header: '责任单位', width: 30, value: (t) => t.deptName },
  { header: '责任方式', width: 10, value: (t, label) => label('plan_unit_role', t.role) },
  { header: '截止日期', width: 12, type: 'date', value: (t) => t.dueDate },
  { header: '剩余工作日', width: 10, type: 'number', value: (t) => t.workingDaysLeft },
  { header: '是否逾期', width: 8, value: (t) => (t.overdue ? '是' : '否') },
  { header: '状态', width: 10, value: (t, label) => label('plan_task_status', t.status) },
  { header: '进度(%)', width: 8, type: 'number', value: (t) => t.percent },
  { header: '未答复督办', width: 10, type: 'number', value: (t) => t.openReminders },
  { header: '最近报送', width: 17, type: 'datetime', value: (t) => t.lastReportAt },
];
