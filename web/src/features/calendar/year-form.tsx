import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createCalendarYearBody, holidayRange, type CalendarDay, type CreateCalendarYearBody } from '@contracts/calendar';
import { useNotifyError } from '@/components/use-notify';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useCreateCalendarYear } from './api/create-calendar-year';
import { useReloadCalendarYear } from './api/reload-calendar-year';
import { calendarStrings } from './i18n';

/** The holidays every State Council notice lists, as it names them (stored data, not UI text). */
const NOTICE_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

const DATE = 'YYYY-MM-DD';

interface HolidayRow {
  name?: string;
  range?: [Dayjs, Dayjs] | null;
}

interface YearFormValues {
  year: number;
  source?: string | null;
  holidays: HolidayRow[];
  workdays?: Dayjs[];
}

export type YearFormMode = { kind: 'create'; defaultYear: number; loadedYears: number[] } | { kind: 'reload'; year: number; source: string | null; days: CalendarDay[] };

/** A loaded year back as the notice's entries: consecutive holiday days of one name, and the adjusted working days. */
function fromDays(days: CalendarDay[]): Pick<YearFormValues, 'holidays' | 'workdays'> {
  const holidays: { name: string; from: string; to: string }[] = [];
  for (const d of days) {
    if (d.kind !== 'holiday') continue;
    const last = holidays.at(-1);
    const name = d.name ?? '';
    if (last && last.name === name && dayjs(last.to).add(1, 'day').format(DATE) === d.date) last.to = d.date;
    else holidays.push({ name, from: d.date, to: d.date });
  }
  return {
    holidays: holidays.map((h) => ({ name: h.name, range: [dayjs(h.from), dayjs(h.to)] })),
    workdays: days.filter((d) => d.kind === 'adjusted_workday').map((d) => dayjs(d.date)),
  };
}

const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/**
 * Add a year from the State Council notice, or re-load an existing one (prefilled from its days):
 * holiday blocks as a dynamic list, adjusted working days as a multi-date picker. Checks what the
 * server would refuse (dates outside the year, weekday "adjusted" days, overlaps) before sending.
 */
export function YearForm({ mode, onClose, onSaved }: { mode: YearFormMode; onClose(): void; onSaved(year: number): void }) {
  const t = useT(calendarStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<YearFormValues>();
  const create = useCreateCalendarYear();
  const reload = useReloadCalendarYear();
  const year = Form.useWatch('year', form) ?? (mode.kind === 'create' ? mode.defaultYear : mode.year);
  const outsideYear = (d: Dayjs) => d.year() !== year;

  const initialValues: YearFormValues =
    mode.kind === 'create'
      ? { year: mode.defaultYear, source: null, holidays: NOTICE_HOLIDAYS.map((name) => ({ name })), workdays: [] }
      : { year: mode.year, source: mode.source, ...fromDays(mode.days) };

  const submit = async () => {
    let values: YearFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    const body: CreateCalendarYearBody = {
      year: values.year,
      source: values.source?.trim() || null,
      holidays: values.holidays.map((h) => ({ name: h.name!.trim(), from: h.range![0].format(DATE), to: h.range![1].format(DATE) })),
      workdays: (values.workdays ?? []).map((d) => d.format(DATE)).sort(),
    };
    try {
      await (mode.kind === 'create' ? create.mutateAsync(body) : reload.mutateAsync(body));
      message.success(t('yearSaved', { year: body.year }));
      onSaved(body.year);
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal
      title={mode.kind === 'create' ? t('addYearTitle') : t('reloadYearTitle', { year: mode.year })}
      open
      width={800}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending || reload.isPending}
      okText={tc('save')}
    >
      <Alert type="info" showIcon title={t('yearFormHint')} style={{ marginBottom: 12 }} />
      {mode.kind === 'reload' ? <Alert type="warning" showIcon title={t('reloadWarning')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="year"
              label={t('year')}
              validateFirst
              rules={[
                { required: true },
                zodRule(createCalendarYearBody.shape.year, lang),
                {
                  validator: async (_r, v: number | null) => {
                    if (mode.kind === 'create' && v !== null && mode.loadedYears.includes(v)) throw new Error(t('yearLoaded', { year: v }));
                  },
                },
              ]}
            >
              <InputNumber min={2000} max={2100} precision={0} disabled={mode.kind === 'reload'} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="source" label={t('sourceLabel')} rules={[zodRule(createCalendarYearBody.shape.source, lang)]}>
              <Input maxLength={200} placeholder={t('sourcePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('holidayBlocks')}
        </Typography.Text>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} wrap={false}>
                  <Col flex="200px">
                    <Form.Item name={[field.name, 'name']} validateFirst rules={[{ required: true, message: t('holidayNameRequired') }, zodRule(holidayRange.shape.name, lang)]}>
                      <Input maxLength={50} placeholder={t('holidayName')} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, 'range']}
                      validateFirst
                      rules={[
                        { required: true, message: t('rangeRequired') },
                        {
                          validator: async (_r, v: [Dayjs, Dayjs] | null | undefined) => {
                            if (v && (outsideYear(v[0]) || outsideYear(v[1]))) throw new Error(t('notInYear', { year }));
                          },
                        },
                      ]}
                    >
                      <DatePicker.RangePicker style={{ width: '100%' }} defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]} disabledDate={outsideYear} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={tc('delete')} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }} block>
                {t('addHoliday')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="workdays"
          label={t('workdaysLabel')}
          extra={t('workdaysHint')}
          dependencies={['holidays', 'year']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs[] | undefined) => {
                const blocks = ((getFieldValue('holidays') as HolidayRow[] | undefined) ?? []).flatMap((h) => (h?.range ? [h.range] : []));
                for (const d of v ?? []) {
                  const date = d.format(DATE);
                  if (outsideYear(d)) throw new Error(t('notInYear', { year }));
                  if (!isWeekend(d)) throw new Error(t('workdayNotWeekend', { date }));
                  if (blocks.some(([from, to]) => !d.isBefore(from, 'day') && !d.isAfter(to, 'day'))) throw new Error(t('workdayInHoliday', { date }));
                }
              },
            }),
          ]}
        >
          <DatePicker
            multiple
            style={{ width: '100%' }}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            disabledDate={(d) => outsideYear(d) || !isWeekend(d)}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
