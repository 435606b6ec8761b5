import { Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page: title, optional description and actions, then content on a card. */
export function PageContainer({ title, description, extra, children }: { title: string; description?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div style={{ padding: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="start">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
        </div>
        {extra ? <Space wrap>{extra}</Space> : null}
      </Space>
      <Card variant="borderless">{children}</Card>
    </div>
  );
}
