import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Popconfirm, Select, Space, Table, Tag, theme, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '@/lib/auth';
import { CreateUnitModal } from './create-unit-modal';
import type { PlanDraft, UnitMapping, UnitSuggestion } from '@contracts/plans';
import type { Department } from '@contracts/system';
import { deptSearchText } from '@/components/dept-tree-select';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { isResolved, unitNamesOf } from '@contracts/plan-draft';
import { planStrings } from './i18n';

interface Row {
  name: string;
  items: number;
  suggestion: UnitSuggestion | undefined;
  mapping: UnitMapping | undefined;
}

interface DeptOption {
  value: number;
  label: string;
  search: string;
}

/** Departments to map a name to: the suggested ones first, then every active department. */
function UnitDeptSelect({
  departments,
  candidates,
  value,
  disabled,
  onChange,
  name,
}: {
  departments: readonly Department[];
  candidates: UnitSuggestion['candidates'];
  value: number[];
  disabled: boolean;
  onChange(ids: number[]): void;
  name: string;
}) {
  const t = useT(planStrings);
  const options = useMemo(() => {
    const byId = new Map(departments.map((d) => [d.id, d]));
    const toOption = (id: number, fallback: string): DeptOption => {
      const d = byId.get(id);
      return { value: id, label: d?.name ?? fallback, search: d ? deptSearchText(d) : fallback };
    };
    const suggested = candidates.map((c) => toOption(c.deptId, c.name));
    const suggestedIds = new Set(suggested.map((o) => o.value));
    const rest = departments.filter((d) => !suggestedIds.has(d.id) && (d.status === 'active' || value.includes(d.id))).map((d) => toOption(d.id, d.name));
    // A chosen department outside the list (e.g. out of the caller's scope) still shows by number.
    const missing = value.filter((id) => !suggestedIds.has(id) && !byId.has(id)).map((id) => toOption(id, `#${id}`));
    if (suggested.length === 0) return [...rest, ...missing];
    return [
      { label: t('candidates'), title: t('candidates'), options: suggested },
      { label: t('allDepts'), title: t('allDepts'), options: [...rest, ...missing] },
    ];
  }, [departments, candidates, value, t]);

  return (
    <Select<number[]>
      mode="multiple"
      value={value}
      disabled={disabled}
      onChange={onChange}
      options={options}
      placeholder={t('deptPickerPlaceholder')}
      showSearch={{ filterOption: (input, option) => ((option as DeptOption | undefined)?.search ?? '').toLowerCase().includes(input.trim().toLowerCase()) }}
      maxTagCount="responsive"
      listHeight={320}
      style={{ width: '100%' }}
      data-testid={`unit-depts-${name}`}
      aria-label={name}
    />
  );
}

/**
 * 责任单位映射: one row per unit name the items use, what the directory suggested, the
 * departments it maps to, or 忽略. Publishing needs every row settled.
 */
export function UnitMappingTable({
  draft,
  suggestions,
  departments,
  deptAccess,
  readOnly,
  highlight,
  onChange,
  onIgnoreAll,
}: {
  draft: PlanDraft;
  suggestions: readonly UnitSuggestion[];
  departments: readonly Department[];
  /** Whether the caller may list departments (else only the suggestions can be chosen). */
  deptAccess: boolean;
  readOnly: boolean;
  /** Names the server refused to publish with. */
  highlight: readonly string[];
  onChange(name: string, patch: Partial<Omit<UnitMapping, 'name'>>): void;
  onIgnoreAll(names: string[]): void;
}) {
  const t = useT(planStrings);
  const tc = useT(common);
  const { token } = theme.useToken();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [proposing, setProposing] = useState<string | null>(null);
  const { can } = useAuth();

  const rows = useMemo<Row[]>(() => {
    const bySuggestion = new Map(suggestions.map((s) => [s.name, s]));
    const byMapping = new Map(draft.unitMappings.map((m) => [m.name, m]));
    return [...unitNamesOf(draft.items)].map(([name, items]) => ({ name, items, suggestion: bySuggestion.get(name), mapping: byMapping.get(name) }));
  }, [draft.items, draft.unitMappings, suggestions]);
  const open = rows.filter((r) => !isResolved(r.mapping));
  const shown = onlyOpen ? open : rows;
  const deptById = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);

  const statusTag = (s: UnitSuggestion | undefined) => {
    if (!s) return <Tag>{t('newName')}</Tag>;
    if (s.status === 'matched') return <Tag color="green">{t('matched')}</Tag>;
    if (s.status === 'ambiguous') return <Tag color="orange">{t('ambiguous')}</Tag>;
    return <Tag color="red">{t('unknown')}</Tag>;
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <CreateUnitModal
        name={proposing}
        departments={departments}
        onClose={() => setProposing(null)}
        onCreated={(dept) => {
          if (proposing) onChange(proposing, { deptIds: [dept.id], ignored: false });
          setProposing(null);
        }}
      />
      <Alert type="info" showIcon title={t('unitsIntro')} />
      {!deptAccess ? <Alert type="warning" showIcon title={t('noDeptAccess')} /> : null}
      {highlight.length > 0 && open.some((r) => highlight.includes(r.name)) ? (
        <Alert
          type="error"
          showIcon
          title={t('unmappedTitle')}
          description={highlight.filter((n) => open.some((r) => r.name === n)).join('、')}
          data-testid="units-unmapped"
        />
      ) : null}
      {rows.length === 0 ? <Alert type="warning" showIcon title={t('noUnitsFound')} /> : null}
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          {rows.length === 0 ? null : open.length === 0 ? (
            <Typography.Text type="success">
              <CheckCircleFilled /> {t('allSettled')}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger">
              <ExclamationCircleFilled /> {t('unsettledCount', { n: open.length })}
            </Typography.Text>
          )}
          <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
            {t('onlyUnsettled')}
          </Checkbox>
        </Space>
        {!readOnly && open.length > 0 ? (
          <Popconfirm
            title={t('ignoreRestConfirm', { n: open.length })}
            okText={t('ignore')}
            cancelText={tc('cancel')}
            onConfirm={() => onIgnoreAll(open.map((r) => r.name))}
          >
            <Button>{t('ignoreRest')}</Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Table<Row>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={shown}
        tableLayout="fixed"
        data-testid="unit-mapping-table"
        onRow={(r) => ({ style: highlight.includes(r.name) && !isResolved(r.mapping) ? { background: token.colorErrorBg } : undefined })}
        columns={[
          {
            title: t('unitName'),
            key: 'name',
            width: 300,
            render: (_: unknown, r: Row) => (
              <div>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.suggestion?.status === 'unknown' && !isResolved(r.mapping) ? (
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">
                      {t('unknownHint')}
                      <Link to="/system/departments" target="_blank">
                        {tc('departments')}
                      </Link>
                      {t('unknownHintEnd')}
                    </Typography.Text>
                    {can('system:dept:create') && !readOnly ? (
                      <Button type="link" size="small" style={{ paddingInline: 4 }} onClick={() => setProposing(r.name)}>
                        {t('proposeUnit')}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
                {r.suggestion?.status === 'ambiguous' && !isResolved(r.mapping) ? (
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">{t('ambiguousHint')}</Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          { title: t('unitItems'), dataIndex: 'items', width: 90, align: 'right' },
          { title: t('matchStatus'), key: 'status', width: 110, render: (_: unknown, r: Row) => statusTag(r.suggestion) },
          {
            title: t('mappedDepts'),
            key: 'depts',
            render: (_: unknown, r: Row) =>
              readOnly ? (
                r.mapping?.ignored ? (
                  <Typography.Text type="secondary">{t('settledIgnored')}</Typography.Text>
                ) : (
                  <Space size={[4, 4]} wrap>
                    {(r.mapping?.deptIds ?? []).map((id) => (
                      <Tag key={id}>{deptById.get(id)?.name ?? r.suggestion?.candidates.find((c) => c.deptId === id)?.name ?? `#${id}`}</Tag>
                    ))}
                  </Space>
                )
              ) : (
                <UnitDeptSelect
                  name={r.name}
                  departments={departments}
                  candidates={r.suggestion?.candidates ?? []}
                  value={r.mapping?.deptIds ?? []}
                  disabled={r.mapping?.ignored ?? false}
                  onChange={(deptIds) => onChange(r.name, { deptIds })}
                />
              ),
          },
          {
            title: t('ignore'),
            key: 'ignored',
            width: 70,
            align: 'center',
            render: (_: unknown, r: Row) => (
              <Checkbox
                checked={r.mapping?.ignored ?? false}
                disabled={readOnly}
                onChange={(e) => onChange(r.name, { ignored: e.target.checked })}
                aria-label={`${t('ignore')} ${r.name}`}
              />
            ),
          },
          {
            title: t('settled'),
            key: 'settled',
            width: 110,
            render: (_: unknown, r: Row) =>
              r.mapping?.ignored ? (
                <Typography.Text type="secondary">{t('settledIgnored')}</Typography.Text>
              ) : r.mapping && r.mapping.deptIds.length > 0 ? (
                <Typography.Text type="success">
                  <CheckCircleFilled /> {t('settledMapped', { n: r.mapping.deptIds.length })}
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">{t('unsettled')}</Typography.Text>
              ),
          },
        ]}
      />
    </Space>
  );
}
