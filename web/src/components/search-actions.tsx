import { Button, Form, Space } from 'antd';
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
