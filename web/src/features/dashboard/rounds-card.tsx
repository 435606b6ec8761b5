import { Alert, App, Button, Card, Collapse, Empty, Form, Input, Modal, Progress, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { submitRoundBody, type Round } from '@contracts/plans';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { zodRule } from '@/lib/form-rules';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useRounds } from './api/get-rounds';
import { useSubmitRound } from './api/submit-round';
import { dashboardStrings } from './i18n';

type RoundUnit = Round['units'][number];
type UnitStatus = RoundUnit['status'];

const STATUS_TAGS: Record<UnitStatus, { color: string; key: 'statusSubmitted' | 'statusLate' | 'statusPending' | 'statusOverdue' }> = {
  submitted: { color: 'success', key: 'statusSubmitted' },
  late: { color: 'warning', key: 'statusLate' },
  pending: { color: 'default', key: 'statusPending' },
  overdue: { color: 'error', key: 'statusOverdue' },
};

function StatusTag({ status }: { status: UnitStatus }) {
  const t = useT(dashboardStrings);
  return <Tag color={STATUS_TAGS[status].color}>{t(STATUS_TAGS[status].key)}</Tag>;
}

interface Reporting {
  round: Round;
  unit: RoundUnit;
}

function SubmitRoundModal({ reporting, ownDeptId, onClose }: { reporting: Reporting | null; ownDeptId: number | null; onClose(): void }) {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const submit = useSubmitRound();
  const [form] = Form.useForm<{ text: string }>();

  const send = async () => {
    if (!reporting) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const deptId = reporting.unit.deptId === ownDeptId ? undefined : reporting.unit.deptId;
      await submit.mutateAsync({ roundId: reporting.round.id, text: v.text.trim(), deptId });
      message.success(t('submittedOk'));
      onClose();
    } catch (err) {
      // The server decides who may report (403 NOT_YOUR_TASK, 409 when already sent): say what it said.
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal
      title={reporting ? t('submitTitle', { round: reporting.round.name }) : ''}
      open={reporting !== null}
      onCancel={onClose}
      onOk={() => void send()}
      okText={t('submit')}
      cancelText={tc('cancel')}
      confirmLoading={submit.isPending}
      destroyOnHidden
      width={600}
    >
      {reporting ? (
        <>
          <Typography.Paragraph type="secondary">{t('submitFor', { unit: reporting.unit.deptName, date: formatDate(reporting.round.dueDate) })}</Typography.Paragraph>
          {reporting.round.sentence ? <Alert type="info" title={reporting.round.sentence} style={{ marginBottom: 16 }} /> : null}
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="text" label={t('submitText')} extra={t('submitOnce')} rules={[{ required: true, whitespace: true, message: t('submitTextRequired') }, zodRule(submitRoundBody.shape.text, lang)]}>
              <Input.TextArea rows={6} maxLength={20_000} showCount placeholder={t('submitTextPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}

function RoundUnits({ round, mayReport, onReport }: { round: Round; mayReport(unit: RoundUnit): boolean; onReport(unit: RoundUnit): void }) {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  const anyAction = round.units.some(mayReport);
  return (
    <Table<RoundUnit>
      rowKey="deptId"
      size="small"
      pagination={round.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={round.units}
      scroll={{ x: 760 }}
      columns={[
        { title: t('unit'), dataIndex: 'deptName', width: 240 },
        { title: t('roundStatus'), dataIndex: 'status', width: 110, render: (s: UnitStatus) => <StatusTag status={s} /> },
        { title: t('submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        { title: t('submittedBy'), dataIndex: 'submittedBy', width: 120, render: (v: string | null) => v ?? '—' },
        {
          title: t('content'),
          dataIndex: 'text',
          render: (v: string | null) =>
            v ? (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 360 }}>
                {v}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        ...(anyAction
          ? [
              {
                title: tc('actions'),
                key: 'actions',
                width: 90,
                render: (_: unknown, u: RoundUnit) =>
                  mayReport(u) ? (
                    <Button type="primary" size="small" onClick={() => onReport(u)}>
                      {t('submit')}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}

function RoundHeader({ round, ownUnit, onReport }: { round: Round; ownUnit: RoundUnit | null; onReport(unit: RoundUnit): void }) {
  const t = useT(dashboardStrings);
  const overdue = round.units.filter((u) => u.status === 'overdue').length;
  const percent = round.total === 0 ? 0 : Math.round((round.submitted / round.total) * 100);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 24px', width: '100%' }}>
      <Tooltip title={round.sentence}>
        <Typography.Text strong style={{ minWidth: 160 }}>
          {round.name}
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('dueDate')} {formatDate(round.dueDate)}
        {round.recipient ? ` · ${t('reportTo', { to: round.recipient })}` : ''}
      </Typography.Text>
      <Space size={8} style={{ minWidth: 280 }}>
        <Progress percent={percent} size="small" showInfo={false} style={{ width: 120, margin: 0 }} status={round.submitted === round.total ? 'success' : 'normal'} />
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('submittedOf', { n: round.submitted, total: round.total })}</Typography.Text>
      </Space>
      {overdue > 0 ? <Typography.Text type="danger">{t('overdueUnits', { n: overdue })}</Typography.Text> : null}
      {ownUnit ? (
        <Space size={8} style={{ marginInlineStart: 'auto' }}>
          <StatusTag status={ownUnit.status} />
          <Button
            type="primary"
            size="small"
            data-testid={`round-report-${round.id}`}
            onClick={(e) => {
              e.stopPropagation(); // do not fold the panel
              onReport(ownUnit);
            }}
          >
            {t('submit')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

/** 报送节点: a plan's reporting rounds, how many units have reported, and a 报送 button for one's own unit. */
export function RoundsCard({ planId }: { planId: number }) {
  const t = useT(dashboardStrings);
  const { me, can } = useAuth();
  const rounds = useRounds(planId);
  const [reporting, setReporting] = useState<Reporting | null>(null);
  const ownDeptId = me?.user.deptId ?? null;
  const scopeAll = me?.dataScope.kinds.includes('all') ?? false;
  // Offer the button where it can work: one's own unit, or (outside a city-wide scope) units one answers for.
  // The server has the last word.
  const mayReport = (u: RoundUnit) => can('plans:task:report') && u.submittedAt === null && (u.deptId === ownDeptId || !scopeAll);

  let body;
  if (rounds.isLoading) body = <Skeleton active />;
  else if (rounds.error) body = <Alert type="error" showIcon title={t('roundsFailed')} description={(rounds.error as Error).message} />;
  else if (!rounds.data?.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRounds')} />;
  else
    body = (
      <Collapse
        items={rounds.data.map((round) => ({
          key: round.id,
          label: <RoundHeader round={round} ownUnit={round.units.find((u) => u.deptId === ownDeptId && mayReport(u)) ?? null} onReport={(unit) => setReporting({ round, unit })} />,
          children: <RoundUnits round={round} mayReport={mayReport} onReport={(unit) => setReporting({ round, unit })} />,
        }))}
      />
    );

  return (
    <Card
      data-testid="rounds"
      title={
        <span>
          {t('rounds')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('roundsHint')}
          </Typography.Text>
        </span>
      }
    >
      {body}
      <SubmitRoundModal reporting={reporting} ownDeptId={ownDeptId} onClose={() => setReporting(null)} />
    </Card>
  );
}
