import { Alert, Button, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LIST_GROUND_LABELS, type ListEntry } from '@contracts/credit-lists';
import type { Application, ApplicationKind } from '@contracts/credit-repair';
import { DaysLeftTag } from '@/components/days-left-tag';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useLang, useT } from '@/lib/i18n';
import { applicationKey, useLatestApplications, type LatestApplications } from './api/applications';
import { useEntityLists } from './api/credit';
import { entityStrings, type EntityT } from './i18n';

type Key = keyof typeof entityStrings & string;

/** Entries the enterprise may act on: objections only against the abnormal list; repair where 修复办法 Art. 2 allows. */
const ACTIONABLE: Record<ApplicationKind, readonly string[]> = { objection: ['abnormal'], repair: ['serious-violation', 'abnormal', 'penalty-publication'] };
const IN_FORCE = ['listed', 'published'];
const OPEN = ['submitted', 'accepted'];
/** Where objections and repairs are handled (the credit feature's page; linked, not imported). */
const applicationsPage = (kind: ApplicationKind, q: string) => `/credit/repairs?kind=${kind}&${q}`;

/**
 * The colour of an entry's status. The red list (红榜) is an honour: in force it is good news
 * (green), and leaving it is no alarm. On the black list, the serious-violation list, the
 * abnormal-operations list and a penalty publication, being in force is the warning (red).
 */
function statusColour(list: string, status: string): string {
  if (status === 'removed' || status === 'revoked' || status === 'rejected') return 'default';
  if (status === 'pending_approval') return list === 'red' ? 'gold' : 'orange';
  return list === 'red' ? 'green' : 'red';
}

/** The statutory deadline of an entry's next step, with its countdown. */
function Countdown({ step }: { step: NonNullable<ListEntry['nextStep']> }) {
  const t = useT(entityStrings);
  return (
    <div>
      <div>{t('dueOn', { step: t(`step_${step.step}` as Key), date: step.dueOn })}</div>
      <DaysLeftTag workingDaysLeft={step.workingDaysLeft} overdue={step.overdue} provisional={step.provisional} />
    </div>
  );
}

function statusText(t: EntityT, a: Application): string {
  const key = (a.status === 'approved' || a.status === 'denied' ? `app_${a.kind}_${a.status}` : `app_${a.status}`) as Key;
  return t('appLine', { kind: t(`app_${a.kind}` as Key), status: t(key) });
}

/**
 * The enterprise's own act on one entry, per kind: the application in progress (linked), or the
 * button that opens the form on the credit page with this entry chosen. A closed application is
 * shown too, so a dismissed objection is not a surprise.
 */
function EntryApplications({ entry, latest }: { entry: ListEntry; latest: LatestApplications | undefined }) {
  const t = useT(entityStrings);
  const navigate = useNavigate();
  const kinds = (['objection', 'repair'] as const).filter((k) => ACTIONABLE[k].includes(entry.list));
  if (kinds.length === 0 || !IN_FORCE.includes(entry.status)) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={4}>
      {kinds.map((kind) => {
        const a = latest?.get(applicationKey(kind, entry.id));
        const open = a && OPEN.includes(a.status);
        return (
          <div key={kind} data-testid={`entry-${kind}`}>
            {a ? (
              <div>
                <Link to={applicationsPage(kind, `id=${a.id}`)}>
                  <Tag color={open ? 'gold' : a.status === 'approved' ? 'green' : 'default'}>{statusText(t, a)}</Tag>
                </Link>
              </div>
            ) : null}
            {open ? null : (
              <Tooltip title={kind === 'objection' ? t('objectActionHint') : undefined}>
                <Button size="small" type={kind === 'objection' ? 'primary' : 'default'} ghost={kind === 'objection'} onClick={() => void navigate(applicationsPage(kind, `apply=${entry.id}`))}>
                  {kind === 'objection' ? t('objectAction') : t('repairAction')}
                </Button>
              </Tooltip>
            )}
          </div>
        );
      })}
    </Space>
  );
}

/**
 * The entity's entries on credit lists, each with the next deadline the rules set. `enterprise`:
 * the enterprise's own view, with its objections and repair applications per entry.
 */
export function ListsTab({ uscc, enterprise = false }: { uscc: string; enterprise?: boolean }) {
  const t = useT(entityStrings);
  const { lang } = useLang();
  // The Order 44 / Order 101 ground in words, as 信用名单 and the public lookup name it; the
  // officer's explanation, when it says something else, below it.
  const groundLabel = (code: string) => (LIST_GROUND_LABELS as Record<string, readonly [string, string]>)[code]?.[lang === 'en' ? 1 : 0] ?? null;
  const { can } = useAuth();
  const applicant = enterprise && can('credit:repair:apply');
  const lists = useEntityLists(uscc, true);
  const latest = useLatestApplications(applicant);
  if (lists.isLoading) return <Spin />;
  if (lists.isError) return <Alert type="error" showIcon title={lists.error.message} />;
  const entries = lists.data ?? [];
  if (entries.length === 0) return <Empty description={t('listsNone')} />;
  return (
    <Table<ListEntry>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={entries}
      columns={[
        { title: t('listName'), dataIndex: 'list', width: applicant ? 140 : 180, render: (v: string) => <DictTag type="credit_list" value={v} /> },
        {
          title: t('grounds'),
          key: 'grounds',
          render: (_: unknown, e: ListEntry) => (
            <div>
              <div>{groundLabel(e.grounds) ?? e.groundsText ?? e.grounds}</div>
              {groundLabel(e.grounds) && e.groundsText && e.groundsText !== groundLabel(e.grounds) ? (
                <div>
                  <Typography.Text type="secondary">{e.groundsText}</Typography.Text>
                </div>
              ) : null}
              {e.decisionNo ? (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.list === 'penalty-publication' ? t('penaltyDecisionNoLabel', { no: e.decisionNo }) : t('listingDecisionNoLabel', { no: e.decisionNo })}
                  </Typography.Text>
                </div>
              ) : null}
              {e.list === 'serious-violation' && e.penaltyDecisionNo ? (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('penaltyDecisionNoLabel', { no: e.penaltyDecisionNo })}
                  </Typography.Text>
                </div>
              ) : null}
              {e.warning ? <Alert type="warning" showIcon title={e.warning} style={{ marginTop: 4 }} /> : null}
            </div>
          ),
        },
        { title: t('decisionDate'), dataIndex: 'decisionDate', width: 110 },
        {
          title: t('listStatus'),
          dataIndex: 'status',
          width: 140,
          render: (v: string, e: ListEntry) => (
            <div>
              <Tag color={statusColour(e.list, v)}>{t(`list_${v}` as Key)}</Tag>
              {e.publishedOn && v === 'published' ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publishedOn', { date: e.publishedOn })}</Typography.Text></div> : null}
              {e.removedOn ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('removedOn', { date: e.removedOn })}</Typography.Text></div> : null}
              {e.restrictionUntil ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('restrictionUntil', { date: e.restrictionUntil })}</Typography.Text></div> : null}
            </div>
          ),
        },
        { title: t('nextDeadline'), key: 'next', width: applicant ? 180 : 220, render: (_: unknown, e: ListEntry) => (e.nextStep ? <Countdown step={e.nextStep} /> : <Typography.Text type="secondary">—</Typography.Text>) },
        ...(applicant
          ? [{ title: t('applications'), key: 'applications', width: 150, render: (_: unknown, e: ListEntry) => <EntryApplications entry={e} latest={latest.data} /> }]
          : []),
      ]}
    />
  );
}
