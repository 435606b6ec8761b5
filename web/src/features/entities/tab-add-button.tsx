import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

/** The right-aligned "add" button above a tab's table (products, licences). */
export function TabAddButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
        {label}
      </Button>
    </Space>
  );
}
