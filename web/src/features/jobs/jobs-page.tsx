import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Job, JobRun } from '@contracts/jobs';
import { PageContainer } from '@/components/page-container';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useLang, useT } from '@/lib/i18n';
import { useJobRuns } from './api/get-job-runs';
import { useJobs } from './api/get-jobs';
import { useRunJob } from './api/run-job';
import { jobsStrings } from './i18n';
import { summaryLines } from './summary';

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(jobsStrings));

const STATUS_COLOR: Record<JobRun['status'], string> = { running: 'processing', ok: 'success', failed: 'error', abandoned: 'warning' };

function StatusTag({ status }: { status: JobRun['status'] }) {
  const t = useT(jobsStrings);
  return <Tag color={STATUS_COLOR[status]}>{t(status)}</Tag>;
}

export default function JobsPage() {
  const t = useT(jobsStrings);
  const { lang } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const jobs = useJobs();
  const run = useRunJob();
  const [selected, setSelected] = useState<Job | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const runs = useJobRuns(selected?.name ?? null, paging);
  const titleOf = (j: Job) => (lang === 'en' ? j.title.en : j.title.zh);
  const every = (ms: number) => (ms >= 60_000 ? t('minutes', { n: Math.round(ms / 60_000) }) : t('seconds', { n: Math.round(ms / 1000) }));
  const duration = (ms: number | null) => (ms === null ? '—' : t('ms', { n: ms }));

  const runNow = async (j: Job) => {
    try {
      await run.mutateAsync(j.name);
      message.success(t('runStarted'));
      setSelected(j);
      setPaging((p) => ({ ...p, page: 1 }));
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Table<Job>
        rowKey="name"
        size="middle"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(j) => ({ onClick: () => setSelected(j), style: { cursor: 'pointer' } })}
        rowClassName={(j) => (j.name === selected?.name ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('job'),
            dataIndex: 'name',
            render: (_: string, j) => (
              <div>
                <div>{titleOf(j)}</div>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {j.name}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('cadence'),
            key: 'cadence',
            width: 190,
            render: (_, j) => (
              <div>
                <div>{j.cadence ? (lang === 'en' ? j.cadence.en : j.cadence.zh) : every(j.everyMs)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('checkedEvery', { every: every(j.everyMs) })}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('lastRun'), key: 'lastRun', width: 170, render: (_, j) => (j.lastRun ? formatDateTime(j.lastRun.startedAt) : <Typography.Text type="secondary">{t('never')}</Typography.Text>) },
          { title: t('outcome'), key: 'outcome', width: 100, render: (_, j) => (j.lastRun ? <StatusTag status={j.lastRun.status} /> : '—') },
          { title: t('duration'), key: 'duration', width: 110, align: 'right', render: (_, j) => duration(j.lastRun?.durationMs ?? null) },
          {
            title: t('nextCheck'),
            dataIndex: 'nextCheckAt',
            width: 170,
            render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('notScheduled')}</Typography.Text>),
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 120,
            render: (_, j) =>
              can('system:job:run') ? (
                <span onClick={(e) => e.stopPropagation()}>
                  <Popconfirm title={t('runConfirm', { title: titleOf(j) })} onConfirm={() => runNow(j)}>
                    <Button size="small" type="primary" ghost icon={<PlayCircleOutlined />} disabled={j.lastRun?.status === 'running'} loading={run.isPending && run.variables === j.name}>
                      {t('runNow')}
                    </Button>
                  </Popconfirm>
                </span>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {selected ? t('history', { title: titleOf(selected) }) : t('pickJob')}
      </Typography.Title>
      {selected ? (
        <Table<JobRun>
          rowKey="id"
          size="small"
          loading={runs.isFetching && !runs.data}
          dataSource={runs.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: runs.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          expandable={{
            rowExpandable: () => true,
            expandedRowRender: (r) => {
              const lines = summaryLines(r.summary, KNOWN_KEYS);
              return (
                <Descriptions size="small" column={1} bordered>
                  {r.error ? (
                    <Descriptions.Item label={t('error')}>
                      <Typography.Text type="danger">{r.error}</Typography.Text>
                    </Descriptions.Item>
                  ) : null}
                  {lines.map((l) => (
                    <Descriptions.Item key={l.field} label={l.labelKey ? t(l.labelKey as keyof typeof jobsStrings) : l.field}>
                      {l.value}
                    </Descriptions.Item>
                  ))}
                  {lines.length === 0 && !r.error ? <Descriptions.Item label={t('summary')}>{t('nothingReported')}</Descriptions.Item> : null}
                  <Descriptions.Item label={t('tick')}>{r.tickKey ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('owner')}>{r.owner}</Descriptions.Item>
                </Descriptions>
              );
            },
          }}
          columns={[
            { title: t('startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: t('finishedAt'), dataIndex: 'finishedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
            { title: t('outcome'), dataIndex: 'status', width: 90, render: (v: JobRun['status']) => <StatusTag status={v} /> },
            { title: t('duration'), dataIndex: 'durationMs', width: 100, align: 'right', render: (v: number | null) => duration(v) },
            { title: t('trigger'), dataIndex: 'trigger', width: 90, render: (v: JobRun['trigger']) => <Tag>{t(v)}</Tag> },
            { title: t('actor'), dataIndex: 'actor', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('error'), dataIndex: 'error', ellipsis: true, render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
          ]}
        />
      ) : null}
    </PageContainer>
  );
}
