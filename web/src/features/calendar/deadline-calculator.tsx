import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ProvisionalTag } from '@/components/days-left-tag';
import { useT } from '@/lib/i18n';
import { useCalendarDeadline } from './api/calendar-deadline';
import { useAddWorkingDays } from './api/add-working-days';
import { calendarStrings } from './i18n';
import { weekdayKey } from './month-grid';

interface CalcValues {
  from: Dayjs;
  days: number;
}

/**
 * Deadline arithmetic as the system does it: N working days (first day not counted) and an N-day
 * deadline rolled to the next working day. A result counted through a year without a loaded notice
 * is marked 暂估.
 */
export function DeadlineCalculator() {
  const t = useT(calendarStrings);
  const [input, setInput] = useState<{ from: string; days: number } | null>(null);
  const working = useAddWorkingDays(input);
  const deadline = useCalendarDeadline(input);
  const error = working.error ?? deadline.error;
  const show = (r: { date: string; provisional: boolean } | undefined) =>
    r ? (
      <Space size={4}>
        <Typography.Text strong>
          {r.date} {t(weekdayKey(r.date))}
        </Typography.Text>
        {r.provisional ? <ProvisionalTag /> : null}
      </Space>
    ) : (
      '…'
    );

  return (
    <Card size="small" title={t('calculator')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('calculatorHint')}
      </Typography.Paragraph>
      <Form<CalcValues>
        layout="inline"
        initialValues={{ from: dayjs(), days: 15 }}
        onFinish={(v) => setInput({ from: v.from.format('YYYY-MM-DD'), days: v.days })}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item name="from" label={t('fromDate')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label={t('days')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('calculate')}
          </Button>
        </Form.Item>
      </Form>
      {input && error ? <Alert type="warning" showIcon title={error.message} /> : null}
      {input && !error ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'w', label: t('workingDaysResult', { n: input.days }), children: show(working.data) },
              { key: 'd', label: t('deadlineResult', { n: input.days }), children: show(deadline.data) },
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
