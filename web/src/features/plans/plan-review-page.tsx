import { ArrowLeftOutlined, CarryOutOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { findItem, unitNamesOf, unmappedNames, walkItems } from '@contracts/plan-draft';
import type { PlanDetail, PlanDraft, PublishPreview, UnitMapping } from '@contracts/plans';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDate, formatDateTime } from '@/lib/format';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDepartments } from './api/get-departments';
import { planKey, usePlan } from './api/get-plan';
import { usePublishPlan } from './api/publish-plan';
import { useSaveDraft } from './api/save-draft';
import { DeadlinesTable } from './deadlines-table';
import { mergeWithNext, nextSibling, setMapping, splitItem, uniquePath, updateItem, type ItemPatch } from './draft-ops';
import { planStrings } from './i18n';
import { ItemEditor } from './item-editor';
import { ItemTree } from './item-tree';
import { PlanHeader } from './plan-header';
import { PublishModal, type PastDueChoice } from './publish-modal';
import { SourcePane } from './source-pane';
import { TargetsTable } from './targets-table';
import { UnitMappingTable } from './unit-mapping-table';

type TabKey = 'items' | 'units' | 'targets' | 'deadlines';

export default function PlanReviewPage() {
  const t = useT(planStrings);
  const { id } = useParams();
  const planId = Number(id);
  const plan = usePlan(planId);
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(async () => {
    await plan.refetch();
    setGeneration((g) => g + 1);
  }, [plan]);

  if (plan.error) {
    return (
      <Result
        status={plan.error instanceof ApiError && plan.error.status === 404 ? '404' : 'error'}
        title={t('loadFailed')}
        subTitle={(plan.error as Error).message}
        extra={<Link to="/plans">{t('back')}</Link>}
      />
    );
  }
  // Wait for the fresh copy: a cached one may be an older version than the server's.
  if (!plan.data || !plan.isFetchedAfterMount) return <Skeleton active style={{ padding: 24 }} />;
  return <PlanReview key={`${plan.data.id}-${generation}`} plan={plan.data} onReload={reload} />;
}

function PlanReview({ plan, onReload }: { plan: PlanDetail; onReload(): Promise<void> }) {
  const t = useT(planStrings);
  const tc = useT(common);
  const pick = usePick();
  const { can } = useAuth();
  const { message, modal, notification } = App.useApp();
  const notify = useNotifyError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const departments = useDepartments();
  const save = useSaveDraft(plan.id);
  const publish = usePublishPlan(plan.id);

  const isDraft = plan.status === 'draft';
  const readOnly = !isDraft || !can('plans:plan:update');
  const [draft, setDraft] = useState<PlanDraft>(plan.draft);
  const [dirty, setDirty] = useState(false);
  // Start on the first item that names units (the first chapter heading usually names none).
  const [selectedPath, setSelectedPath] = useState<string | null>(() => {
    const items = [...walkItems(plan.draft.items)];
    return (items.find((i) => i.lead.length + i.support.length + i.joint.length > 0) ?? items[0])?.path ?? null;
  });
  const [tab, setTab] = useState<TabKey>('items');
  const [unmapped, setUnmapped] = useState<string[]>([]);
  // The publish dialog: the version it publishes and what publishing it would create.
  const [publishing, setPublishing] = useState<{ version: number; preview: PublishPreview | null } | null>(null);

  const edit = (change: (d: PlanDraft) => PlanDraft) => {
    setDraft(change);
    setDirty(true);
  };

  // Leaving the page (closing the tab, reloading) with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const deptItems = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const selected = selectedPath ? (findItem(draft.items, selectedPath) ?? null) : null;
  const itemCount = useMemo(() => [...walkItems(draft.items)].length, [draft.items]);
  const open = useMemo(() => unmappedNames(draft), [draft]);
  const unitOptions = useMemo(() => {
    const names = new Set<string>([...unitNamesOf(draft.items).keys(), ...plan.unitSuggestions.map((s) => s.name)]);
    for (const d of deptItems) if (d.status === 'active') names.add(d.shortName ?? d.name);
    return [...names];
  }, [draft.items, plan.unitSuggestions, deptItems]);
  const paths = useMemo(() => new Set([...walkItems(draft.items)].map((i) => i.path)), [draft.items]);

  const selectItem = (path: string) => {
    setSelectedPath(path);
    setTab('items');
  };

  /** Save the draft; resolves to the saved plan, or null when it failed (the user was told why). */
  const saveDraft = async (): Promise<PlanDetail | null> => {
    if (!draft.title.trim()) {
      message.error(t('titleRequired'));
      return null;
    }
    try {
      const saved = await save.mutateAsync({ version: plan.version, draft });
      setDraft(saved.draft);
      setDirty(false);
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        modal.confirm({
          title: t('conflictTitle'),
          content: t('conflictBody'),
          okText: t('reload'),
          cancelText: tc('cancel'),
          onOk: () => onReload(),
        });
      } else if (err instanceof ApiError && err.code === 'PLAN_PUBLISHED') {
        notify(err);
        await onReload();
      } else if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
        // Problems of the edited draft (a duplicate item number …): the messages, without the JSON paths.
        notification.error({
          title: err.message,
          description: (err.details as { message?: string }[]).map((d) => pick(d.message ?? '')).filter(Boolean).slice(0, 8).join('\n'),
          style: { whiteSpace: 'pre-line' },
        });
      } else notify(err);
      return null;
    }
  };

  const runSave = async () => {
    if ((await saveDraft()) !== null) message.success(t('draftSaved'));
  };

  /** Save unsaved changes first, then ask: the dialog shows what publishing creates and what would be overdue. */
  const startPublish = async () => {
    if (!dirty) {
      setPublishing({ version: plan.version, preview: plan.publishPreview });
      return;
    }
    const saved = await saveDraft();
    if (saved === null) return;
    message.success(t('draftSaved'));
    setPublishing({ version: saved.version, preview: saved.publishPreview });
  };

  const runPublish = async (choice: PastDueChoice) => {
    if (!publishing) return;
    try {
      const result = await publish.mutateAsync({ version: publishing.version, ...choice });
      setPublishing(null);
      setDirty(false);
      const done =
        result.movedTasks > 0
          ? t('publishedMoved', { n: result.tasksCreated, moved: result.movedTasks, date: formatDate(choice.moveTo) })
          : result.overdueTasks > 0
            ? t('publishedOverdue', { n: result.tasksCreated, overdue: result.overdueTasks })
            : t('published', { n: result.tasksCreated });
      message.success(done, 6);
      void qc.invalidateQueries({ queryKey: planKey(plan.id) });
      navigate(`/tasks?planId=${plan.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PLAN_DEADLINES_PASSED') {
        // The day changed (or the dialog was opened on an older copy): ask again with the server's figures.
        setPublishing({ version: publishing.version, preview: err.details as PublishPreview });
        message.warning(err.message, 6);
      } else if (err instanceof ApiError && err.code === 'UNITS_UNMAPPED') {
        setPublishing(null);
        // The names are listed on the mapping tab, next to where they are fixed.
        const names = Array.isArray(err.details) ? (err.details as { name?: string }[]).map((d) => d.name).filter((n): n is string => !!n) : [];
        setUnmapped(names);
        setTab('units');
        message.error(err.message, 6);
      } else notify(err);
    }
  };

  const patchItem = (patch: ItemPatch) => {
    if (!selectedPath) return;
    edit((d) => ({ ...d, items: updateItem(d.items, selectedPath, patch) }));
  };

  const split = (at: number) => {
    if (!selectedPath) return;
    const result = splitItem(draft, selectedPath, at);
    if (!result) return;
    setDraft(result.draft);
    setDirty(true);
    setSelectedPath(result.newPath);
    message.success(t('splitDone'));
  };

  const merge = () => {
    if (!selectedPath) return;
    const result = mergeWithNext(draft, selectedPath);
    if (!result) return;
    setDraft(result.draft);
    setDirty(true);
    message.success(t('merged'));
  };

  const changeMapping = (name: string, patch: Partial<Omit<UnitMapping, 'name'>>) => edit((d) => ({ ...d, unitMappings: setMapping(d.unitMappings, name, patch) }));
  const ignoreAll = (names: string[]) => edit((d) => ({ ...d, unitMappings: names.reduce((ms, name) => setMapping(ms, name, { ignored: true }), d.unitMappings) }));

  const actions = isDraft ? (
    <Space wrap>
      {can('plans:plan:update') ? (
        <Button icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty} onClick={() => void runSave()} data-testid="save-draft">
          {t('saveDraft')}
        </Button>
      ) : null}
      {can('plans:plan:publish') ? (
        <Button type="primary" icon={<SendOutlined />} loading={publish.isPending || save.isPending} onClick={() => void startPublish()} data-testid="publish">
          {t('publish')}
        </Button>
      ) : null}
    </Space>
  ) : can('plans:task:list') ? (
    <Link to={`/tasks?planId=${plan.id}`}>
      <Button type="primary" icon={<CarryOutOutlined />}>
        {t('viewTasks')}（{plan.taskCount}）
      </Button>
    </Link>
  ) : null;

  const next = selectedPath ? nextSibling(draft.items, selectedPath) : undefined;
  const tabLabel = (text: string, n: number, danger = false) => (
    <Space size={6}>
      {text}
      <Badge count={n} showZero={!danger} color={danger ? undefined : '#bfbfbf'} size="small" overflowCount={999} />
    </Space>
  );

  return (
    <div style={{ padding: 24 }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0, marginBottom: 8 }}
        onClick={() => {
          if (!dirty) navigate('/plans');
          else modal.confirm({ title: t('leaveUnsaved'), okText: tc('ok'), cancelText: tc('cancel'), onOk: () => navigate('/plans') });
        }}
      >
        {t('back')}
      </Button>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap', marginBottom: 12 }}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {draft.title || '—'}
              </Typography.Title>
              <DictTag type="plan_status" value={plan.status} />
              {dirty ? <Tag color="orange">{t('unsaved')}</Tag> : null}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {[draft.docNumber, draft.issuer, plan.sourceName ? t('sourceOf', { name: plan.sourceName }) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          </div>
          {actions}
        </div>
        {!isDraft ? <Alert type="success" showIcon title={t('publishedReadOnly', { time: formatDateTime(plan.publishedAt) })} style={{ marginBottom: 12 }} /> : null}
        <PlanHeader draft={draft} readOnly={readOnly} onChange={(patch) => edit((d) => ({ ...d, ...patch }))} />
        {plan.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('warnings')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {plan.warnings.map((w) => (
                  <li key={w}>{pick(w)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>
      <PublishModal
        open={publishing !== null}
        preview={publishing?.preview ?? null}
        unresolved={open.length}
        publishing={publish.isPending}
        onCancel={() => setPublishing(null)}
        onPublish={(choice) => void runPublish(choice)}
      />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'items',
              label: tabLabel(t('tabItems'), itemCount),
              children: (
                <Row gutter={16}>
                  <Col xs={24} xl={11}>
                    <Card size="small" title={t('items', { n: itemCount })} styles={{ body: { padding: '8px 4px 8px 8px' } }}>
                      <ItemTree items={draft.items} selectedPath={selectedPath} onSelect={setSelectedPath} height={380} />
                    </Card>
                    <Card size="small" style={{ marginTop: 16 }}>
                      <ItemEditor
                        key={selectedPath ?? ''}
                        item={selected}
                        next={next}
                        readOnly={readOnly}
                        planDue={draft.dueDate}
                        unitOptions={unitOptions}
                        newPathFor={(p) => uniquePath(paths, p).path}
                        onChange={patchItem}
                        onSplit={split}
                        onMerge={merge}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} xl={13}>
                    <Card size="small" title={t('source')} extra={<Typography.Text type="secondary">{t('sourceHint')}</Typography.Text>} style={{ position: 'sticky', top: 16 }}>
                      <SourcePane body={plan.body} spans={plan.spans} items={draft.items} selectedPath={selectedPath} onSelect={setSelectedPath} style={{ height: 'calc(100vh - 160px)', minHeight: 480 }} />
                    </Card>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'units',
              label: tabLabel(t('tabUnits'), open.length, true),
              children: (
                <UnitMappingTable
                  draft={draft}
                  suggestions={plan.unitSuggestions}
                  departments={deptItems}
                  deptAccess={can('system:dept:list')}
                  readOnly={readOnly}
                  highlight={unmapped}
                  onChange={changeMapping}
                  onIgnoreAll={ignoreAll}
                />
              ),
            },
            {
              key: 'targets',
              label: tabLabel(t('tabTargets'), draft.targets.length),
              children: <TargetsTable targets={draft.targets} readOnly={readOnly} onChange={(targets) => edit((d) => ({ ...d, targets }))} onSelectItem={selectItem} />,
            },
            {
              key: 'deadlines',
              label: tabLabel(t('tabDeadlines'), draft.deadlines.length),
              children: <DeadlinesTable deadlines={draft.deadlines} readOnly={readOnly} onChange={(deadlines) => edit((d) => ({ ...d, deadlines }))} onSelectItem={selectItem} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
