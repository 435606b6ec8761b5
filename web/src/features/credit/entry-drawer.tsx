/** A list entry's detail: its statutory dates as a timeline of steps, done or due. */
import { Alert, Descriptions, Drawer, Skeleton, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ListEntry } from '@contracts/credit-lists';
import { PersonName } from '@/components/person-name';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useListEntry } from './api/lists';
import { EntryFlags, ListStatusTag, NextStepCell, useGroundsLabel } from './display';
import { EntryActions } from './entry-actions';
import { creditStrings, type CreditKey } from './i18n';

interface Step {
  key: string;
  label: string;
  date: string | null;
  done: boolean;
  note?: ReactNode;
}

/** The entry's steps in order: decision, approval, publication, removal windows, removal. */
function stepsOf(e: ListEntry, t: (k: CreditKey, v?: Record<string, string | number>) => string): Step[] {
  const today = dayjs().format('YYYY-MM-DD');
  const steps: Step[] = [];
  if (e.triggerDate) steps.push({ key: 'trigger', label: t('triggerDate'), date: e.triggerDate, done: true });
  steps.push({
    key: 'decision',
    label: `${t('decisionDate')}${e.decisionNo ? `（${e.decisionNo}）` : ''}`,
    date: e.decisionDate,
    done: true,
    note: (
      <>
        <PersonName name={e.createdByName} username={e.createdBy} />
        {e.list === 'serious-violation' && e.penaltyDecisionNo ? `；${t('penaltyNoShort', { no: e.penaltyDecisionNo })}` : null}
      </>
    ),
  });
  if (e.approvedBy) {
    steps.push({
      key: 'approval',
      label: `${t(e.status === 'rejected' ? 'approveNo' : 'approveYes')}${e.approvalNo ? `（${e.approvalNo}）` : ''}`,
      date: null,
      done: true,
      note: (
        <>
          <PersonName name={e.approvedByName} username={e.approvedBy} />
          {e.approvalComment ? `：${e.approvalComment}` : null}
        </>
      ),
    });
  } else if (e.status === 'pending_approval') steps.push({ key: 'approval', label: t('step_approve'), date: null, done: false });
  if (e.publishedOn) steps.push({ key: 'published', label: t('published'), date: e.publishedOn, done: true, note: e.publishBy ? `${t('publishBy')} ${e.publishBy}` : undefined });
  else if (e.publishBy) steps.push({ key: 'publishBy', label: t('publishBy'), date: e.publishBy, done: false });
  if (e.curedOn) steps.push({ key: 'cured', label: t('curedOn'), date: e.curedOn, done: true });
  if (e.earlyRemovalFrom) steps.push({ key: 'early', label: t('earlyRemovalFrom'), date: e.earlyRemovalFrom, done: e.earlyRemovalFrom <= today });
  if (e.removeBy && !e.removedOn) steps.push({ key: 'removeBy', label: t('removeBy'), date: e.removeBy, done: false });
  if (e.removedOn) {
    const kind = e.removalKind ? t(`rk_${e.removalKind}` as CreditKey) : '';
    steps.push({ key: 'removed', label: `${t('removedOn')}${kind ? `（${kind}）` : ''}`, date: e.removedOn, done: true, note: e.removalReason });
    if (e.stopPublicationBy) steps.push({ key: 'stop', label: t('stopPublicationBy'), date: e.stopPublicationBy, done: e.stopPublicationBy < today });
  } else if (e.autoRemoveOn) steps.push({ key: 'auto', label: t('autoRemoveOn'), date: e.autoRemoveOn, done: false });
  if (e.restrictionUntil) steps.push({ key: 'restriction', label: t('restrictionUntil'), date: e.restrictionUntil, done: e.restrictionUntil <= today });
  return steps;
}

export function EntryDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const t = useT(creditStrings);
  const { data: e, isLoading, error } = useListEntry(id);
  const grounds = useGroundsLabel();
  return (
    <Drawer title={id ? t('entryTitle', { id }) : ''} open={id !== null} onClose={onClose} size={720} extra={e ? <EntryActions entry={e} /> : null}>
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      {isLoading || !e ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {e.warning ? <Alert type="warning" showIcon title={e.warning} /> : null}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('entity')} span={2}>
              <Link to={`/entities/${e.uscc}`}>{e.entityName}</Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: 'monospace' }}>
                {e.uscc}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('list')}>
              <DictTag type="credit_list" value={e.list} />
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <Space size={4} wrap>
                <ListStatusTag status={e.status} list={e.list} />
                <EntryFlags flags={e.flags} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('grounds')} span={2}>
              <div>{grounds(e)}</div>
              {/* A red/black member's grounds are its stored reason already: not twice. */}
              {e.groundsText && e.groundsText !== grounds(e) ? <Typography.Text type="secondary">{e.groundsText}</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('nextStep')} span={2}>
              <NextStepCell step={e.nextStep} />
            </Descriptions.Item>
            <Descriptions.Item label={t('createdBy')}>
              <PersonName name={e.createdByName} username={e.createdBy} />
            </Descriptions.Item>
            <Descriptions.Item label={t('approvedBy')}>
              <PersonName name={e.approvedByName} username={e.approvedBy} />
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('timeline')}</Typography.Title>
            <Timeline
              data-testid="entry-timeline"
              items={stepsOf(e, t).map((s) => {
                const overdue = !s.done && s.date !== null && s.date < dayjs().format('YYYY-MM-DD');
                return {
                  key: s.key,
                  color: s.done ? 'green' : overdue ? 'red' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong={!s.done} type={overdue ? 'danger' : undefined}>
                        {s.date ? `${s.date} ` : ''}
                        {s.label}
                      </Typography.Text>
                      {s.note ? (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {s.note}
                          </Typography.Text>
                        </div>
                      ) : null}
                    </div>
                  ),
                };
              })}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.createdAt)}
            </Typography.Text>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
