import { Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { TASK_DUE_FILTERS, TASK_STATUSES, type TaskStatus } from '@contracts/plans';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { usePlanOptions } from './api/get-plan-options';
import { useTasks, type TaskFilter } from './api/get-tasks';
import { taskStrings } from './i18n';
import { TaskDrawer } from './task-drawer';
import { TaskSearch } from './task-search';
import { TaskTable } from './task-table';

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The filter lives in the address, so links (/tasks?planId=3, /tasks?due=overdue) and the back button work. */
function filterOf(params: URLSearchParams): TaskFilter {
  const status = params.get('status');
  const due = params.get('due');
  return {
    keyword: params.get('keyword') || undefined,
    planId: positiveInt(params.get('planId')),
    status: (TASK_STATUSES as readonly string[]).includes(status ?? '') ? (status as TaskStatus) : undefined,
    due: (TASK_DUE_FILTERS as readonly string[]).includes(due ?? '') ? (due as TaskFilter['due']) : undefined,
    deptId: positiveInt(params.get('deptId')),
    reminders: params.get('reminders') === 'open' ? 'open' : undefined,
  };
}

function toParams(filter: TaskFilter, taskId?: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') out[k] = String(v);
  if (taskId) out.taskId = String(taskId);
  return out;
}

export default function TasksPage() {
  const t = useT(taskStrings);
  const tc = useT(common);
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const taskId = positiveInt(params.get('taskId')) ?? null;
  const paging = usePaging();
  const tasks = useTasks({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const plans = usePlanOptions();
  const planList = plans.data?.items ?? null;
  const planName = filter.planId ? (planList?.find((p) => p.id === filter.planId)?.title ?? t('planNumber', { id: filter.planId })) : null;

  const search = (next: TaskFilter) => {
    setParams(toParams(next));
    paging.reset();
  };

  return (
    <PageContainer
      title={tc('tasks')}
      description={t('description')}
      extra={<ExportButton url="/api/tasks/export" query={{ ...filter }} permission="plans:task:export" />}
    >
      <TaskSearch filter={filter} plans={planList} onSearch={search} onReset={() => search({})} />
      {/* Without the plan list (units may not list plans) the plan filter from a link still shows. */}
      {filter.planId && !planList ? (
        <Tag closable color="blue" onClose={() => search({ ...filter, planId: undefined })} style={{ marginBottom: 12 }}>
          {t('planFilter', { name: planName ?? '' })}
        </Tag>
      ) : null}
      {filter.deptId || filter.reminders ? (
        <Tag closable color="blue" onClose={() => search({ ...filter, deptId: undefined, reminders: undefined })} style={{ marginBottom: 12 }}>
          {filter.reminders ? t('openRemindersFilter') : t('deptFilter', { id: filter.deptId ?? '' })}
        </Tag>
      ) : null}
      <TaskTable
        tasks={tasks.data?.items ?? []}
        loading={tasks.isFetching}
        pagination={paging.pagination(tasks.data?.total ?? 0)}
        onOpen={(task) => setParams(toParams(filter, task.id), { replace: true })}
      />
      <TaskDrawer taskId={taskId} onClose={() => setParams(toParams(filter), { replace: true })} />
    </PageContainer>
  );
}
