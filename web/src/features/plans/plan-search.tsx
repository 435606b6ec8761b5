import { Form, Input, Select } from 'antd';
import { SearchActions } from '@/components/search-actions';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import type { PlanFilter } from './api/get-plans';
import { planStrings } from './i18n';

export function PlanSearch({ onSearch, onReset }: { onSearch(filter: PlanFilter): void; onReset(): void }) {
  const t = useT(planStrings);
  const tc = useT(common);
  const statuses = useDict('plan_status');
  return (
    <Form<PlanFilter>
      name="plan-search"
      layout="inline"
      onFinish={(v) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="keyword" label={tc('keyword')}>
        <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="status" label={tc('status')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 120 }} options={statuses.options} />
      </Form.Item>
      <SearchActions onReset={onReset} />
    </Form>
  );
}
