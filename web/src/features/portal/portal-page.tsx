/**
 * 信用信息查询: the public lookup, reachable without login (/credit-lookup). Search by name or USCC,
 * pick an entity, see its grade, lists published now and public records; download the public
 * report. Labels come from the shared dictionaries in contracts (the dictionary API needs login).
 */
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Input, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ENTITY_DICTS } from '@contracts/entity-dicts';
import type { PublicCreditResponse, PublicGradeState } from '@contracts/portal';
import { isValidUscc } from '@contracts/uscc';
import { useLang, useT } from '@/lib/i18n';
import { downloadPublicReport, getCredit, searchCredit } from './api';
import { portalStrings } from './i18n';
import { PortalHeader } from './portal-header';

function useLabel() {
  const { lang } = useLang();
  return (type: string, value: string | null) => {
    const item = ENTITY_DICTS.find((d) => d.type === type)?.items.find((i) => i.value === value) as { zh: string; en: string; color?: string } | undefined;
    return { text: item ? item[lang] : (value ?? '—'), color: item?.color };
  };
}

/**
 * The public grade, or why there is none: not yet evaluated, or withheld until the decision it
 * rests on is published (评价更新中: a public grade rests only on public facts).
 */
function GradeTag({ grade, state, large = false }: { grade: string | null; state: PublicGradeState; large?: boolean }) {
  const t = useT(portalStrings);
  const label = useLabel();
  if (state === 'updating') {
    return (
      <Tooltip title={t('gradeUpdatingHint')}>
        <Tag color="processing" style={large ? { fontSize: 14, padding: '2px 10px' } : undefined} data-testid="portal-grade-updating">
          {t('gradeUpdating')}
        </Tag>
      </Tooltip>
    );
  }
  if (!grade) return <Tag>{t('notRated')}</Tag>;
  const l = label('credit_grade', grade);
  return (
    <Tag color={l.color} style={large ? { fontSize: 14, padding: '2px 10px' } : undefined} data-testid="portal-grade">
      {l.text}
    </Tag>
  );
}

function CreditCard({ data }: { data: PublicCreditResponse }) {
  const t = useT(portalStrings);
  const label = useLabel();
  const [busy, setBusy] = useState(false);
  return (
    <Card
      data-testid="portal-card"
      title={
        <Space wrap>
          <SafetyCertificateOutlined />
          <span>{data.name}</span>
          <GradeTag grade={data.grade} state={data.gradeState} large />
        </Space>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={() => {
            setBusy(true);
            void downloadPublicReport(data.uscc).finally(() => setBusy(false));
          }}
        >
          {t('report')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('uscc')}>{data.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('legalRep')}>{data.legalRep ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('district')}>{data.district ?? data.districtCode}</Descriptions.Item>
        <Descriptions.Item label={t('industry')}>{data.industry}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>{label('ent_status', data.status).text}</Descriptions.Item>
        <Descriptions.Item label={t('established')}>{data.establishedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('address')} span={2}>
          {data.address ?? '—'}
        </Descriptions.Item>
        {data.formerNames.length ? (
          <Descriptions.Item label={t('formerNames')} span={2}>
            {data.formerNames.join('、')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {data.gradeState === 'updating' ? <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('gradeUpdatingHint')} data-testid="portal-grade-updating-note" /> : null}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('lists')}
      </Typography.Title>
      {data.lists.length ? (
        <Table
          size="small"
          rowKey={(r) => `${r.type}-${r.since}-${r.decisionNo}`}
          pagination={false}
          dataSource={data.lists}
          columns={[
            { title: t('listName'), dataIndex: 'type', render: (v: string) => <Tag color={label('credit_list', v).color}>{label('credit_list', v).text}</Tag> },
            { title: t('since'), dataIndex: 'since', width: 120 },
            { title: t('until'), dataIndex: 'until', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('grounds'), render: (_: unknown, r) => r.grounds ?? '—' },
            {
              title: t('decisionNo'),
              width: 230,
              render: (_: unknown, r) => (
                <div>
                  <div>{r.decisionNo ?? '—'}</div>
                  {r.penaltyDecisionNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('penaltyNo', { no: r.penaltyDecisionNo })}</Typography.Text> : null}
                </div>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('noLists')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('records')}
      </Typography.Title>
      {data.records.length ? (
        <List
          size="small"
          dataSource={data.records}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Typography.Text type="secondary">{r.occurredOn}</Typography.Text>
                <Tag color={label('ent_record_kind', r.kind).color}>{label('ent_record_kind', r.kind).text}</Tag>
                <span>{r.title}</span>
                {r.corrected ? <Tag>{t('corrected')}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('noRecords')}</Typography.Text>
      )}
    </Card>
  );
}

export default function PortalPage() {
  const t = useT(portalStrings);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const selected = params.get('uscc') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const asUscc = q.trim().toUpperCase();
  const usccQuery = isValidUscc(asUscc) ? asUscc : '';
  const current = selected || usccQuery;

  const search = useQuery({ queryKey: ['portal-search', q, page], queryFn: () => searchCredit(q.trim(), page), enabled: q.trim().length >= 2 && !usccQuery, retry: false });
  const detail = useQuery({ queryKey: ['portal-credit', current], queryFn: () => getCredit(current), enabled: current !== '', retry: false });

  return (
    <div style={{ minHeight: '100vh', background: '#f3f6fb' }}>
      <PortalHeader title={t('title')} subtitle={t('subtitle')}>
        <Input.Search
          size="large"
          data-testid="portal-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('placeholder')}
          enterButton={
            <>
              <SearchOutlined /> {t('search')}
            </>
          }
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          maxLength={100}
        />
      </PortalHeader>
      <div style={{ maxWidth: 1080, margin: '-32px auto 32px', padding: '0 16px' }}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {search.error || detail.error ? <Alert type="error" showIcon title={((search.error ?? detail.error) as Error).message} /> : null}
          {q && !usccQuery ? (
            <Card title={t('results')} extra={search.data ? t('total', { n: search.data.total }) : null} loading={search.isLoading}>
              {search.data && search.data.items.length === 0 ? (
                <Empty description={t('noResult')} />
              ) : (
                <Table
                  size="small"
                  rowKey="uscc"
                  data-testid="portal-results"
                  dataSource={search.data?.items ?? []}
                  pagination={{ current: page, pageSize: 10, total: Math.min(search.data?.total ?? 0, 500), showSizeChanger: false, onChange: (p) => setParams({ q, page: String(p) }) }}
                  onRow={(r) => ({ onClick: () => setParams({ q, page: String(page), uscc: r.uscc }), style: { cursor: 'pointer' } })}
                  rowClassName={(r) => (r.uscc === selected ? 'ant-table-row-selected' : '')}
                  columns={[
                    // The entity shown below reads as plain bold text, not a pale link on a pale row.
                    { title: t('name'), dataIndex: 'name', render: (v: string, r) => (r.uscc === selected ? <Typography.Text strong>{v}</Typography.Text> : <a>{v}</a>) },
                    { title: t('uscc'), dataIndex: 'uscc', width: 200 },
                    { title: t('district'), dataIndex: 'district', width: 110 },
                    { title: t('grade'), dataIndex: 'grade', width: 150, render: (g: string | null, r) => <GradeTag grade={g} state={r.gradeState} /> },
                  ]}
                />
              )}
            </Card>
          ) : null}
          {detail.data ? <CreditCard data={detail.data} /> : detail.isLoading && current ? <Card loading /> : null}
          <Typography.Text type="secondary">{t('notice')}</Typography.Text>
        </Space>
      </div>
    </div>
  );
}
