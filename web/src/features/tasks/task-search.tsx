import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { Plan } from '@contracts/plans';
import { SearchActions } from '@/components/search-actions';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import type { TaskFilter } from './api/get-tasks';
import { useTaskUnits } from './api/get-task-units';
import { taskStrings } from './i18n';

/**
 * Keyword (the item's words), plan (for those who may list plans), responsible unit and its role,
 * status and due filters. Shows the filter in the address.
 */
export function TaskSearch({ filter, plans, onSearch, onReset }: { filter: TaskFilter; plans: readonly Plan[] | null; onSearch(filter: TaskFilter): void; onReset(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const statuses = useDict('plan_task_status');
  const roles = useDict('plan_unit_role');
  const [form] = Form.useForm<TaskFilter>();
  // The units of the plan chosen in the form (or of every plan), as the caller's scope allows.
  const planId = Form.useWatch('planId', form);
  const units = useTaskUnits(planId ?? undefined);

  // The address may change from elsewhere (a link on the home page): the form follows it.
  const key = JSON.stringify(filter);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(JSON.parse(key) as TaskFilter);
  }, [key, form]);

  return (
    <Form<TaskFilter>
      form={form}
      name="task-search"
      layout="inline"
      onFinish={(v) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="keyword" label={tc('keyword')}>
        <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 220 }} />
      </Form.Item>
      {plans ? (
        <Form.Item name="planId" label={t('plan')}>
          <Select
            allowClear
            placeholder={tc('all')}
            style={{ width: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            options={plans.map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="deptId" label={t('unitFilter')}>
        <Select
          allowClear
          placeholder={tc('all')}
          style={{ width: 300 }}
          loading={units.isLoading}
          showSearch={{ optionFilterProp: 'title' }}
          popupMatchSelectWidth={false}
          options={(units.data?.items ?? []).map((u) => ({ value: u.deptId, title: u.deptName, label: t('unitOption', { name: u.deptName, n: u.tasks }) }))}
          data-testid="task-unit-filter"
        />
      </Form.Item>
      <Form.Item name="role" label={t('roleFilter')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 130 }} options={roles.options} />
      </Form.Item>
      <Form.Item name="status" label={tc('status')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 120 }} options={statuses.options} />
      </Form.Item>
      <Form.Item name="due" label={t('due')}>
        <Select
          allowClear
          placeholder={tc('all')}
          style={{ width: 200 }}
          options={[
            { value: 'soon', label: t('dueSoon') },
            { value: 'overdue', label: t('dueOverdue') },
          ]}
        />
      </Form.Item>
      <SearchActions onReset={onReset} />
    </Form>
  );
}
