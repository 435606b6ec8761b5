import { BellOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { TASK_DUE_FILTERS, TASK_STATUSES, UNIT_ROLES, type TaskStatus, type UnitRole } from '@contracts/plans';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { usePlanOptions } from './api/get-plan-options';
import { useTasks, type TaskFilter } from './api/get-tasks';
import { BatchRemindModal, type BatchTarget } from './batch-remind-modal';
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
  const role = params.get('role');
  return {
    keyword: params.get('keyword') || undefined,
    planId: positiveInt(params.get('planId')),
    status: (TASK_STATUSES as readonly string[]).includes(status ?? '') ? (status as TaskStatus) : undefined,
    due: (TASK_DUE_FILTERS as readonly string[]).includes(due ?? '') ? (due as TaskFilter['due']) : undefined,
    deptId: positiveInt(params.get('deptId')),
    role: (UNIT_ROLES as readonly string[]).includes(role ?? '') ? (role as UnitRole) : undefined,
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
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const taskId = positiveInt(params.get('taskId')) ?? null;
  const paging = usePaging();
  const tasks = useTasks({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const plans = usePlanOptions();
  const planList = plans.data?.items ?? null;
  const planName = filter.planId ? (planList?.find((p) => p.id === filter.planId)?.title ?? t('planNumber', { id: filter.planId })) : null;

  // Tasks ticked for 批量督办 (kept across pages; dropped when the filter changes).
  const canRemind = can('plans:task:remind');
  const [selected, setSelected] = useState<number[]>([]);
  const [batch, setBatch] = useState<BatchTarget | null>(null);
  const total = tasks.data?.total ?? 0;

  const search = (next: TaskFilter) => {
    setParams(toParams(next));
    setSelected([]);
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
      {filter.reminders ? (
        <Tag closable color="blue" onClose={() => search({ ...filter, reminders: undefined })} style={{ marginBottom: 12 }}>
          {t('openRemindersFilter')}
        </Tag>
      ) : null}
      {canRemind ? (
        <Space wrap style={{ marginBottom: 12 }} data-testid="batch-bar">
          <Button icon={<BellOutlined />} disabled={selected.length === 0} onClick={() => setBatch({ taskIds: selected })} data-testid="batch-selected">
            {t('batchSelected', { n: selected.length })}
          </Button>
          <Tooltip title={t('batchAllHint')}>
            <Button icon={<BellOutlined />} disabled={total === 0} onClick={() => setBatch({ filter: { ...filter } })} data-testid="batch-all">
              {t('batchAll', { n: total })}
            </Button>
          </Tooltip>
          {selected.length > 0 ? (
            <Typography.Link onClick={() => setSelected([])}>
              {t('clearSelection')}
            </Typography.Link>
          ) : null}
        </Space>
      ) : null}
      <TaskTable
        tasks={tasks.data?.items ?? []}
        loading={tasks.isFetching}
        pagination={paging.pagination(total)}
        onOpen={(task) => setParams(toParams(filter, task.id), { replace: true })}
        selection={canRemind ? { keys: selected, onChange: setSelected } : undefined}
      />
      <BatchRemindModal
        target={batch}
        onClose={() => setBatch(null)}
        onSent={() => {
          setBatch(null);
          setSelected([]);
        }}
      />
      <TaskDrawer taskId={taskId} onClose={() => setParams(toParams(filter), { replace: true })} />
    </PageContainer>
  );
}
