import { Alert, Form, Input, Modal, Radio } from 'antd';
import { updateCalendarDayBody, type CalendarDay, type UpdateCalendarDayBody } from '@contracts/calendar';
import type { DayKind } from '@contracts/dicts';
import { useNotifyError } from '@/components/use-notify';
import { DictTag } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useUpdateCalendarDay } from './api/update-calendar-day';
import { calendarStrings } from './i18n';
import { isoWeekday, weekdayKey } from './month-grid';

/** What a day may be (the server's rule): Mon–Fri working day or holiday; Sat–Sun rest day, holiday or adjusted working day. */
export function allowedKinds(date: string): DayKind[] {
  return isoWeekday(date) >= 6 ? ['restday', 'holiday', 'adjusted_workday'] : ['workday', 'holiday'];
}

/** Change one day's kind (and a holiday's name), offering only the kinds the server accepts. Mounted per day. */
export function DayForm({ day, onClose }: { day: CalendarDay; onClose(): void }) {
  const t = useT(calendarStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const [form] = Form.useForm<UpdateCalendarDayBody>();
  const save = useUpdateCalendarDay();
  const notify = useNotifyError();
  const kind = Form.useWatch('kind', form);

  const weekend = isoWeekday(day.date) >= 6;

  const submit = async () => {
    let values: UpdateCalendarDayBody;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    try {
      await save.mutateAsync({ date: day.date, body: { kind: values.kind, name: values.kind === 'holiday' ? values.name?.trim() || null : null } });
      onClose();
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal
      title={t('editDayTitle', { date: day.date, weekday: t(weekdayKey(day.date)) })}
      open
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      okText={tc('save')}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={weekend ? t('weekendRule') : t('weekdayRule')} description={t('dayEditWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ kind: day.kind, name: day.kind === 'holiday' ? day.name : undefined }}>
        <Form.Item name="kind" label={t('dayKind')} rules={[{ required: true }]}>
          <Radio.Group
            options={allowedKinds(day.date).map((k) => ({ value: k, label: <DictTag type="sys_day_kind" value={k} /> }))}
          />
        </Form.Item>
        {kind === 'holiday' ? (
          <Form.Item name="name" label={t('holidayName')} extra={t('holidayNameHint')} validateFirst rules={[{ required: true }, zodRule(updateCalendarDayBody.shape.name, lang)]}>
            <Input maxLength={50} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
