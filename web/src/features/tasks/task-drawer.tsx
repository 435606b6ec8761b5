import { BellOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Popconfirm, Progress, Row, Select, Skeleton, Slider, Space, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { submitReportBody, type TaskDetail, type TaskReport } from '@contracts/plans';
import { TaskDue } from '@/components/task-due';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { formatDate, formatDateTime, formatItemPath, formatSize, formatTarget } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useQueryClient } from '@tanstack/react-query';
import { attachFile, downloadAttachment } from './api/attach-file';
import { useTask } from './api/get-task';
import { invalidateTaskData } from './api/invalidate';
import { useReviewReport } from './api/review-report';
import { useSubmitReport } from './api/submit-report';
import { taskStrings } from './i18n';
import { AnswerReminderModal, RemindModal, ReturnReportModal } from './task-modals';

/** 报送进展: what was done and how far along the task is. */
function ReportForm({ task }: { task: TaskDetail }) {
  const t = useT(taskStrings);
  const { lang } = useLang();
  const pick = usePick();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const qc = useQueryClient();
  const submit = useSubmitReport(task.id);
  const [form] = Form.useForm<{ text: string; percent: number; indicatorValues?: { indicatorId?: number; value?: number }[] }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const percent = Form.useWatch('percent', form) ?? task.percent;
  const waiting = task.reports.some((r) => r.status === 'submitted');

  const send = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const values = (v.indicatorValues ?? []).filter((x): x is { indicatorId: number; value: number } => x.indicatorId !== undefined && typeof x.value === 'number');
    try {
      const report = await submit.mutateAsync({ text: v.text.trim(), percent: v.percent, indicatorValues: values });
      // The report is in; attachments follow one by one, and a failed one is said by name.
      for (const f of files) {
        try {
          await attachFile(report.id, f.originFileObj as File);
        } catch (err) {
          message.error(t('attachFailed', { name: f.name, error: err instanceof Error ? err.message : String(err) }));
        }
      }
      if (files.length > 0) await invalidateTaskData(qc);
      form.setFieldsValue({ text: '', percent: v.percent, indicatorValues: [] });
      setFiles([]);
      message.success(t('submitted'));
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Card size="small" title={t('reportTitle')} style={{ marginTop: 16 }} data-testid="report-form">
      {waiting ? <Alert type="info" showIcon title={t('pendingReview')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ percent: task.percent }}>
        <Form.Item name="text" label={t('reportText')} rules={[{ required: true, whitespace: true, message: t('reportTextRequired') }, zodRule(submitReportBody.shape.text, lang)]}>
          <Input.TextArea rows={4} maxLength={20_000} placeholder={t('reportTextPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('percent')} extra={t('percentHint')} required>
          <Row gutter={12} align="middle">
            <Col flex="auto">
              <Form.Item name="percent" noStyle>
                <Slider min={0} max={100} marks={{ 0: '0', 50: '50', 100: '100%' }} />
              </Form.Item>
            </Col>
            <Col flex="none">
              <Form.Item name="percent" noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 100 }} aria-label={t('percent')} />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        {task.planIndicators.length > 0 ? (
          <Form.Item label={t('indicatorValues')} extra={t('indicatorValuesHint')}>
            <Form.List name="indicatorValues">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'indicatorId']} rules={[{ required: true, message: t('indicatorPick') }]}>
                        <Select
                          style={{ width: 300 }}
                          placeholder={t('indicatorPick')}
                          options={task.planIndicators.map((i) => ({ value: i.id, label: `${i.name}（${formatTarget(i)}）` }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('indicatorValue') }]}>
                        <InputNumber placeholder={t('indicatorValue')} style={{ width: 140 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
                    {t('addIndicatorValue')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        ) : null}
        <Form.Item label={t('attachments')} extra={t('attachHint')}>
          <Upload
            multiple
            fileList={files}
            accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.txt,.zip"
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<PaperClipOutlined />}>{t('chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" loading={submit.isPending} onClick={() => void send()}>
          {t('submit')}
          {percent >= 100 ? ' (100%)' : ''}
        </Button>
      </Form>
    </Card>
  );
}

function ReportEntry({ report, canReview, onReturn }: { report: TaskReport; canReview: boolean; onReturn(id: number): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { message } = App.useApp();
  const notify = useNotifyError();
  const review = useReviewReport();

  const accept = async () => {
    try {
      await review.mutateAsync({ reportId: report.id, decision: 'accept', comment: null });
      message.success(t('accepted'));
    } catch (err) {
      notify(err);
    }
  };

  return (
    <div data-testid={`report-${report.id}`}>
      <Space size={8} wrap>
        <Typography.Text type="secondary">{formatDateTime(report.submittedAt)}</Typography.Text>
        <Typography.Text>{t('reportBy', { user: report.submittedByName ?? report.submittedBy, percent: report.percent })}</Typography.Text>
        <DictTag type="plan_report_status" value={report.status} />
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{report.text}</Typography.Paragraph>
      {report.attachments.length > 0 ? (
        <Space size={[12, 4]} wrap style={{ marginBottom: 4 }}>
          {report.attachments.map((a) => (
            <Typography.Link key={a.id} onClick={() => void downloadAttachment(a.id).catch(notify)}>
              <PaperClipOutlined /> {a.filename}（{formatSize(a.size)}）
            </Typography.Link>
          ))}
        </Space>
      ) : null}
      {report.reviewedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reviewBy', { user: report.reviewedBy ?? '', time: formatDateTime(report.reviewedAt) })}
          {report.reviewComment ? `：${report.reviewComment}` : ''}
        </Typography.Text>
      ) : null}
      {report.status === 'submitted' && canReview ? (
        <Space style={{ marginTop: 4 }}>
          <Popconfirm
            title={t('acceptConfirm', { percent: report.percent, done: report.percent >= 100 ? t('acceptDone') : '' })}
            okText={t('accept')}
            cancelText={tc('cancel')}
            onConfirm={accept}
          >
            <Button type="primary" size="small" loading={review.isPending}>
              {t('accept')}
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => onReturn(report.id)}>
            {t('return')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

/** Everything about one task: the item, progress reports (and their review), reminders, and what the caller may do. */
export function TaskDrawer({ taskId, onClose }: { taskId: number | null; onClose(): void }) {
  const t = useT(taskStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { message } = App.useApp();
  const roles = useDict('plan_unit_role');
  const { data: task, isLoading, error } = useTask(taskId);
  const [returning, setReturning] = useState<number | null>(null);
  const [reminding, setReminding] = useState(false);
  const [answering, setAnswering] = useState<number | null>(null);
  const completed = task?.status === 'completed';
  const canReview = can('plans:task:review');
  const today = dayjs().format('YYYY-MM-DD');
  const reports = task ? [...task.reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) : [];
  const reminders = task ? [...task.reminders].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];

  return (
    <Drawer
      title={t('detailTitle')}
      open={taskId !== null}
      onClose={onClose}
      size={780}
      extra={
        task && can('plans:task:remind') && !completed ? (
          <Button icon={<BellOutlined />} onClick={() => setReminding(true)}>
            {t('remind')}
          </Button>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      {isLoading || !task ? (
        error ? null : <Skeleton active />
      ) : (
        <div data-testid="task-detail">
          <Descriptions
            bordered
            size="small"
            column={2}
            styles={{ label: { width: 100 } }}
            items={[
              {
                key: 'plan',
                label: t('plan'),
                span: 2,
                children: can('plans:plan:list') ? <Link to={`/plans/${task.planId}`}>{task.planTitle}</Link> : task.planTitle,
              },
              { key: 'item', label: t('item'), children: formatItemPath(task.itemPath) },
              { key: 'unit', label: t('unit'), children: task.deptName },
              { key: 'role', label: t('role'), children: <DictTag type="plan_unit_role" value={task.role} /> },
              { key: 'status', label: tc('status'), children: <DictTag type="plan_task_status" value={task.status} /> },
              {
                key: 'due',
                label: t('dueDate'),
                children: completed ? formatDate(task.dueDate) : <TaskDue dueDate={task.dueDate} workingDaysLeft={task.workingDaysLeft} overdue={task.overdue} inline />,
              },
              { key: 'progress', label: t('progress'), children: <Progress percent={task.percent} size="small" status={completed ? 'success' : 'normal'} style={{ margin: 0 }} /> },
            ]}
          />
          <Card size="small" title={t('itemText')} style={{ marginTop: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {task.itemHeading && task.itemText.startsWith(task.itemHeading) ? (
                <>
                  <Typography.Text strong>{task.itemHeading}</Typography.Text>
                  {task.itemText.slice(task.itemHeading.length)}
                </>
              ) : (
                <>
                  {task.itemHeading ? (
                    <>
                      <Typography.Text strong>{task.itemHeading}</Typography.Text>
                      <br />
                    </>
                  ) : null}
                  {task.itemText}
                </>
              )}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roles.label(task.role)} · {task.deptName}
            </Typography.Text>
          </Card>

          {task.canReport && !completed ? <ReportForm key={task.id} task={task} /> : null}
          {completed ? <Alert type="success" showIcon title={t('completedNote')} style={{ marginTop: 16 }} /> : null}

          <Card size="small" title={t('reports')} style={{ marginTop: 16 }}>
            {reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noReports')} />
            ) : (
              <Timeline
                style={{ marginTop: 8 }}
                items={reports.map((r) => ({
                  key: r.id,
                  color: r.status === 'accepted' ? 'green' : r.status === 'returned' ? 'orange' : 'blue',
                  content: <ReportEntry report={r} canReview={canReview} onReturn={setReturning} />,
                }))}
              />
            )}
          </Card>

          <Card size="small" title={t('remindersTitle')} style={{ marginTop: 16 }}>
            {reminders.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noReminders')} />
            ) : (
              <List
                dataSource={reminders}
                renderItem={(r) => (
                  <List.Item
                    key={r.id}
                    actions={
                      !r.respondedAt && task.canReport
                        ? [
                            <Button key="answer" size="small" type="primary" onClick={() => setAnswering(r.id)}>
                              {t('answer')}
                            </Button>,
                          ]
                        : undefined
                    }
                  >
                    <div style={{ width: '100%' }}>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                        <BellOutlined /> {r.message}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('remindBy', { user: r.createdByName ?? r.createdBy, time: formatDateTime(r.createdAt), date: formatDate(r.respondBy) })}
                      </Typography.Text>
                      <div style={{ marginTop: 4 }}>
                        {r.respondedAt ? (
                          <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '4px 8px' }}>
                            <Tag color="green">{t('answered')}</Tag>
                            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.response}</Typography.Text>
                            <div>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t('answeredAt', { time: formatDateTime(r.respondedAt) })}
                              </Typography.Text>
                            </div>
                          </div>
                        ) : r.respondBy < today ? (
                          <Tag color="red">{t('answerOverdue')}</Tag>
                        ) : (
                          <Tag color="orange">{t('awaitingAnswer')}</Tag>
                        )}
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>

          <ReturnReportModal
            reportId={returning}
            onClose={() => setReturning(null)}
            onDone={() => {
              setReturning(null);
              message.success(t('returned'));
            }}
          />
          <RemindModal
            taskId={reminding ? task.id : null}
            unit={task.deptName}
            onClose={() => setReminding(false)}
          />
          <AnswerReminderModal reminderId={answering} onClose={() => setAnswering(null)} />
        </div>
      )}
    </Drawer>
  );
}
