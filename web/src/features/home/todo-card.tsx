import { Alert, Button, Card, Col, List, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RoundToReport, Task } from '@contracts/plans';
import { DueHint } from '@/components/task-due';
import { useAuth } from '@/lib/auth';
import { formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useTodo } from './api/get-todo';
import { homeStrings } from './i18n';

const SHOWN = 5;

function TaskLine({ task }: { task: Task }) {
  const summary = task.itemHeading ?? task.itemText;
  return (
    <List.Item style={{ padding: '6px 0', display: 'block' }}>
      <Link to={`/tasks?taskId=${task.id}`} style={{ display: 'block' }}>
        <Typography.Text ellipsis={{ tooltip: `${task.planTitle}：${summary}` }} style={{ width: '100%', color: 'inherit' }}>
          <Typography.Text strong>{formatItemPath(task.itemPath)}</Typography.Text> {summary}
        </Typography.Text>
      </Link>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8, fontSize: 12 }}>
        <Typography.Text type="secondary" ellipsis={{ tooltip: task.deptName }} style={{ fontSize: 12, flex: 1, minWidth: 0 }}>
          {task.deptName}
        </Typography.Text>
        <span style={{ flex: 'none' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
            {task.dueDate}
          </Typography.Text>
          <DueHint dueDate={task.dueDate} workingDaysLeft={task.workingDaysLeft} overdue={task.overdue} />
        </span>
      </div>
    </List.Item>
  );
}

function Column({ title, count, link, tasks, danger, testId }: { title: string; count: number; link: string; tasks: readonly Task[]; danger?: boolean; testId: string }) {
  const t = useT(homeStrings);
  return (
    <div data-testid={testId}>
      <Link to={link}>
        <Statistic title={title} value={count} styles={{ content: danger && count > 0 ? { color: '#cf1322' } : undefined }} />
      </Link>
      {tasks.length > 0 ? (
        <List size="small" dataSource={tasks.slice(0, SHOWN)} renderItem={(task) => <TaskLine key={task.id} task={task} />} />
      ) : (
        <Typography.Text type="secondary">{t('nothing')}</Typography.Text>
      )}
      {count > SHOWN ? (
        <Link to={link}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('moreTasks', { n: count - SHOWN })}
          </Typography.Text>
        </Link>
      ) : null}
    </div>
  );
}

function RoundLine({ round }: { round: RoundToReport }) {
  const t = useT(homeStrings);
  return (
    <List.Item style={{ padding: '6px 0', display: 'block' }}>
      <Link to={`/dashboard?planId=${round.planId}`} style={{ display: 'block' }}>
        {/* The round first: a unit owing two rounds of one plan must tell them apart. */}
        <Typography.Text ellipsis={{ tooltip: `${round.name}（${round.planTitle}）` }} style={{ width: '100%', color: 'inherit' }}>
          {round.name}
          <Typography.Text type="secondary"> · {round.planTitle}</Typography.Text>
        </Typography.Text>
      </Link>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8, fontSize: 12 }}>
        <Typography.Text type="secondary" ellipsis={{ tooltip: round.deptName }} style={{ fontSize: 12, flex: 1, minWidth: 0 }}>
          {round.deptName}
        </Typography.Text>
        <Typography.Text type={round.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12, flex: 'none' }}>
          {round.overdue ? t('roundOverdue', { date: round.dueDate }) : t('roundDue', { date: round.dueDate })}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** 待报送: round reports the caller's units owe, each opening the plan's dashboard where it is sent. */
function RoundsColumn({ rounds, count }: { rounds: readonly RoundToReport[]; count: number }) {
  const t = useT(homeStrings);
  const overdue = rounds.some((r) => r.overdue);
  return (
    <div data-testid="todo-rounds">
      <Statistic title={t('roundsToReport')} value={count} styles={count > 0 ? { content: { color: overdue ? '#cf1322' : '#1d4ed8' } } : undefined} />
      {rounds.length > 0 ? (
        <List size="small" dataSource={rounds.slice(0, SHOWN)} renderItem={(r) => <RoundLine key={`${r.roundId}-${r.deptId}`} round={r} />} />
      ) : (
        <Typography.Text type="secondary">{t('nothing')}</Typography.Text>
      )}
      {count > SHOWN ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('moreTasks', { n: count - SHOWN })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** 我的待办: tasks due within five working days, overdue ones, reminders to answer, round reports to write and (for reviewers) reports to review. */
export function TodoCard() {
  const t = useT(homeStrings);
  const { can } = useAuth();
  const { data, isLoading, error } = useTodo(can('plans:task:list'));
  const reviewer = can('plans:task:review');
  const reporter = can('plans:task:report');
  if (!can('plans:task:list')) return null;

  let body: ReactNode;
  if (error) body = <Alert type="error" showIcon title={(error as Error).message} />;
  else if (isLoading || !data) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else {
    // The quality office reviews; its own round reports are rare, so their column shows only when it owes one.
    const showRounds = reporter && (!reviewer || data.totals.roundsToReport > 0);
    const span = Math.floor(24 / (3 + (showRounds ? 1 : 0) + (reviewer ? 1 : 0)));
    body = (
      <>
        {data.warning ? <Alert type="warning" showIcon title={data.warning} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12} xl={span}>
            <Column testId="todo-soon" title={t('dueSoon', { n: data.days })} count={data.totals.dueSoon} link="/tasks?due=soon" tasks={data.dueSoon} />
          </Col>
          <Col xs={24} md={12} xl={span}>
            <Column testId="todo-overdue" title={t('overdue')} count={data.totals.overdue} link="/tasks?due=overdue" tasks={data.overdue} danger />
          </Col>
          <Col xs={24} md={12} xl={span}>
            <Column testId="todo-reminders" title={t('openReminders')} count={data.totals.openReminders} link="/tasks?reminders=open" tasks={data.openReminders} danger />
          </Col>
          {showRounds ? (
            <Col xs={24} md={12} xl={span}>
              <RoundsColumn rounds={data.roundsToReport} count={data.totals.roundsToReport} />
            </Col>
          ) : null}
          {reviewer ? (
            <Col xs={24} md={12} xl={span}>
              <div data-testid="todo-review">
                <Link to="/tasks?status=submitted">
                  <Statistic title={t('reportsToReview')} value={data.reportsToReview} styles={{ content: data.reportsToReview > 0 ? { color: '#1d4ed8' } : undefined }} />
                </Link>
                {data.reportsToReview > 0 ? (
                  <Link to="/tasks?status=submitted">
                    <Button type="primary" size="small" style={{ marginTop: 8 }}>
                      {t('reviewNow')}
                    </Button>
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t('nothing')}</Typography.Text>
                )}
              </div>
            </Col>
          ) : null}
        </Row>
      </>
    );
  }

  return (
    <Card
      title={t('todo')}
      extra={
        <Link to="/tasks">
          {t('allTasks')}
        </Link>
      }
      data-testid="todo-card"
    >
      {body}
    </Card>
  );
}
