import { Alert, DatePicker, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PublishPlanBody, PublishPreview } from '@contracts/plans';
import { formatDate, formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { planStrings } from './i18n';

export type PastDueChoice = Pick<PublishPlanBody, 'pastDue' | 'moveTo'>;

/** Default day past deadlines move to: a month from today, enough to act on a newly assigned task. */
const MOVE_DAYS = 30;

/**
 * 发布确认: what publishing creates, and — when deadlines have passed — how many tasks would be
 * overdue at once (the earliest dates named) with an explicit choice: keep the dates, or move
 * every past date to a chosen day. Publishing stays disabled until the choice is made.
 */
export function PublishModal({
  open,
  preview,
  unresolved,
  publishing,
  onCancel,
  onPublish,
}: {
  open: boolean;
  preview: PublishPreview | null;
  unresolved: number;
  publishing: boolean;
  onCancel(): void;
  onPublish(choice: PastDueChoice): void;
}) {
  const t = useT(planStrings);
  const tc = useT(common);
  const [action, setAction] = useState<'keep' | 'move' | null>(null);
  const [moveTo, setMoveTo] = useState<Dayjs | null>(null);
  const today = preview ? dayjs(preview.today) : dayjs();
  const target = moveTo ?? today.add(MOVE_DAYS, 'day');
  const overdue = preview ? preview.overdue.tasks > 0 || preview.overdue.rounds > 0 : false;
  const ready = !overdue || action === 'keep' || (action === 'move' && !target.isBefore(today, 'day'));

  const publish = () => {
    if (!overdue) onPublish({});
    else if (action === 'keep') onPublish({ pastDue: 'keep' });
    else if (action === 'move') onPublish({ pastDue: 'move', moveTo: target.format('YYYY-MM-DD') });
  };

  return (
    <Modal
      open={open}
      title={t('publishTitle')}
      okText={overdue && action === 'keep' ? t('publishKeep') : overdue && action === 'move' ? t('publishMove') : t('publish')}
      okButtonProps={{ disabled: !ready || unresolved > 0 || preview?.tasks === 0, danger: overdue && action === 'keep', 'data-testid': 'publish-confirm' }}
      cancelText={tc('cancel')}
      confirmLoading={publishing}
      onOk={publish}
      onCancel={onCancel}
      afterClose={() => {
        setAction(null);
        setMoveTo(null);
      }}
      width={overdue ? 620 : 460}
      destroyOnHidden
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <div>{t('publishDesc', { n: preview?.tasks ?? 0 })}</div>
        {unresolved > 0 ? <Alert type="error" showIcon title={t('publishUnresolved', { n: unresolved })} /> : null}
        {/* Nothing would reach any unit: publishing would only freeze the draft. */}
        {unresolved === 0 && preview && preview.tasks === 0 ? <Alert type="error" showIcon title={t('publishNoTasks')} data-testid="publish-no-tasks" /> : null}
        {preview && overdue ? (
          <Alert
            type="warning"
            showIcon
            data-testid="publish-overdue"
            title={
              preview.overdue.tasks === 0
                ? t('overdueRoundsOnly', { n: preview.overdue.rounds })
                : preview.overdue.tasks === preview.tasks
                  ? t('overdueAllTitle', { n: preview.tasks, today: formatDate(preview.today) })
                  : t('overdueTitle', { n: preview.overdue.tasks, total: preview.tasks, today: formatDate(preview.today) })
            }
            description={
              <div>
                {preview.overdue.earliest.length > 0 ? (
                  <>
                    <div style={{ marginBottom: 4 }}>{t('overdueEarliest')}</div>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {preview.overdue.earliest.map((g) => (
                        <li key={g.dueDate}>
                          {t('overdueGroup', {
                            date: formatDate(g.dueDate),
                            tasks: g.tasks,
                            items: g.paths.map(formatItemPath).join('、') + (g.items > g.paths.length ? t('overdueMoreItems', { n: g.items }) : ''),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {preview.overdue.tasks > 0 && preview.overdue.rounds > 0 ? <div style={{ marginTop: 4 }}>{t('overdueRoundsToo', { n: preview.overdue.rounds })}</div> : null}
              </div>
            }
          />
        ) : null}
        {preview && overdue ? (
          <div>
            <Typography.Text strong>{t('pastDueQuestion')}</Typography.Text>
            <Radio.Group value={action} onChange={(e) => setAction(e.target.value as 'keep' | 'move')} style={{ display: 'block', marginTop: 8 }}>
              <Space direction="vertical">
                <Radio value="move" data-testid="past-due-move">
                  <Space size={8} wrap>
                    <span>{t('pastDueMove')}</span>
                    <DatePicker
                      value={target}
                      allowClear={false}
                      disabledDate={(d) => d.isBefore(today, 'day')}
                      onChange={(d) => {
                        setMoveTo(d);
                        setAction('move');
                      }}
                      size="small"
                    />
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('pastDueMoveHint')}
                    </Typography.Text>
                  </div>
                </Radio>
                <Radio value="keep" data-testid="past-due-keep">
                  <span>{t('pastDueKeep')}</span>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('pastDueKeepHint')}
                    </Typography.Text>
                  </div>
                </Radio>
              </Space>
            </Radio.Group>
          </div>
        ) : null}
      </Space>
    </Modal>
  );
}
