import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { MANUAL_ARCHIVE_KINDS, type ArchiveRecord } from '@contracts/entities';
import { PersonName } from '@/components/person-name';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useRecords, type RecordFilter } from './api/records';
import { entityStrings } from './i18n';
import { PayloadSummary } from './record-fields';
import { RecordModal, type RecordIntent } from './record-modal';
import { SubmissionsCard } from './submissions-card';

/** A record to show: the evaluation tab links here with the record's id and date. */
export interface RecordFocus {
  id: number;
  occurredOn: string;
}

/**
 * The quality archive of one entity, newest first, filtered by kind and date. Corrected records stay,
 * struck through, with a pointer to the correction. Officers add, correct and withdraw records;
 * an enterprise (readOnly) only submits its self-declarations and commitments, for review.
 */
export function ArchiveTab({ uscc, enterprise, focus }: { uscc: string; enterprise: boolean; focus: RecordFocus | null }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const kinds = useDict('ent_record_kind');
  const sources = useDict('ent_record_source');
  // Opened from the evaluation tab (the view remounts this tab per focus): show the day of that record, highlighted.
  const [filter, setFilter] = useState<RecordFilter>(() => (focus ? { from: focus.occurredOn, to: focus.occurredOn } : {}));
  const paging = usePaging();
  const records = useRecords(uscc, { ...filter, page: paging.page, pageSize: paging.pageSize });
  const [intent, setIntent] = useState<RecordIntent | null>(null);
  const officer = !enterprise && can('entities:record:create');
  const declare = can('entities:record:declare');
  const { reset } = paging;

  const apply = (next: RecordFilter) => {
    setFilter(next);
    reset();
  };
  const range: [Dayjs, Dayjs] | null = filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null;

  return (
    <>
      {/* What the enterprise submitted and how the review went, before what is in the archive: the
          archive's filters below concern the archive only. */}
      {enterprise && declare ? (
        <SubmissionsCard
          uscc={uscc}
          extra={
            <Space wrap>
              <Button type="primary" onClick={() => setIntent({ type: 'submit', kinds: ['self_declaration'] })}>
                {t('declare')}
              </Button>
              <Button onClick={() => setIntent({ type: 'submit', kinds: ['commitment'] })}>{t('commit')}</Button>
            </Space>
          }
        />
      ) : null}
      {enterprise && declare ? (
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('archiveTitle')}
        </Typography.Title>
      ) : null}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('recordKind')}
            style={{ width: 180 }}
            value={filter.kind}
            options={kinds.options}
            onChange={(kind?: string) => apply({ ...filter, kind })}
            aria-label={t('recordKind')}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(r) => apply({ ...filter, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
        <Space wrap>
          {officer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntent({ type: 'add', kinds: MANUAL_ARCHIVE_KINDS })}>
              {t('addRecord')}
            </Button>
          ) : null}

        </Space>
      </Space>
      <Alert type="info" showIcon title={t('archiveHint')} style={{ marginBottom: 12 }} />
      <Table<ArchiveRecord>
        rowKey="id"
        size="middle"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        pagination={paging.pagination(records.data?.total ?? 0)}
        locale={{ emptyText: t('noRecords') }}
        rowClassName={(r) => (focus?.id === r.id ? 'ant-table-row-selected' : '')}
        // Fits the 1280 px screen (about 950 px in the tab) without scrolling, so the recorder never
        // hides behind the fixed 操作 column; the content takes what is left.
        scroll={{ x: 940 }}
        columns={[
          { title: '#', dataIndex: 'id', width: 80, render: (v: number) => <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>#{v}</Typography.Text> },
          { title: t('occurredOn'), dataIndex: 'occurredOn', width: 104, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: t('recordKind'), dataIndex: 'kind', width: 108, render: (v: string) => <DictTag type="ent_record_kind" value={v} /> },
          {
            title: t('content'),
            key: 'content',
            render: (_: unknown, r: ArchiveRecord) => {
              const corrected = r.correctedById !== null;
              return (
                <div data-testid={`record-${r.id}`}>
                  <Space size={6} wrap>
                    <Typography.Text delete={corrected} type={corrected ? 'secondary' : undefined} strong={!corrected}>
                      {r.title}
                    </Typography.Text>
                    {r.correctsId !== null ? <Tag color={r.retracts ? 'red' : 'blue'}>{t(r.retracts ? 'retractsRecord' : 'correctsRecord', { id: r.correctsId })}</Tag> : null}
                    {corrected ? <Tag>{t('correctedBy', { id: r.correctedById! })}</Tag> : null}
                  </Space>
                  {r.retracts ? null : (
                    <div style={corrected ? { textDecoration: 'line-through' } : undefined}>
                      <PayloadSummary kind={r.kind} payload={r.payload} />
                    </div>
                  )}
                </div>
              );
            },
          },
          { title: t('visibility'), dataIndex: 'visibility', width: 76, render: (v: string) => <DictTag type="ent_visibility" value={v} /> },
          {
            title: t('recordedBy'),
            key: 'recordedBy',
            width: 148,
            render: (_: unknown, r: ArchiveRecord) => (
              <div>
                <div>
                  <PersonName name={r.recordedByName} username={r.recordedBy} compact />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {formatDateTime(r.recordedAt)}
                </Typography.Text>
                {r.sourceModule && r.sourceModule !== 'entities' ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('sourceOf', { source: sources.label(r.sourceModule) })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          ...(officer
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  width: 112,
                  fixed: 'right' as const,
                  render: (_: unknown, r: ArchiveRecord) =>
                    // Only the current version of a hand-entered kind can be corrected; list and repair records belong to their workflows.
                    r.correctedById === null && !r.retracts && (MANUAL_ARCHIVE_KINDS as readonly string[]).includes(r.kind) ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setIntent({ type: 'correct', record: r })}>
                          {t('correct')}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setIntent({ type: 'retract', record: r })}>
                          {t('retract')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <RecordModal uscc={uscc} intent={intent} onClose={() => setIntent(null)} />
    </>
  );
}
