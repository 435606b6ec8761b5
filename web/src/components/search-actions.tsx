import { Button, Form, Input, Select, Space } from 'antd';
import type { Status } from '@contracts/dicts';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';

/**
 * The buttons at the end of a list page's search form: 查询 submits the form, 重置 clears its
 * fields (a reset button) and calls `onReset` so the page drops its filter too.
 */
export function SearchActions({ onReset }: { onReset(): void }) {
  const tc = useT(common);
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {tc('search')}
        </Button>
        <Button htmlType="reset" onClick={() => onReset()}>
          {tc('reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}

/** The search bar of a list filtered only by keyword and status (districts, roles, dictionaries). */
export function KeywordStatusSearch({
  placeholder,
  onSearch,
  name,
}: {
  placeholder: string;
  onSearch(filter: { keyword?: string; status?: Status }): void;
  /** Form name, when tests or labels need a stable id. */
  name?: string;
}) {
  const tc = useT(common);
  const statuses = useDict('sys_status');
  return (
    <Form
      name={name}
      layout="inline"
      onFinish={(v: { keyword?: string; status?: Status }) => onSearch({ keyword: v.keyword?.trim() || undefined, status: v.status })}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="keyword" label={tc('keyword')}>
        <Input allowClear placeholder={placeholder} maxLength={100} />
      </Form.Item>
      <Form.Item name="status" label={tc('status')}>
        <Select allowClear style={{ width: 120 }} options={statuses.options} placeholder={tc('all')} />
      </Form.Item>
      <SearchActions onReset={() => onSearch({})} />
    </Form>
  );
}
