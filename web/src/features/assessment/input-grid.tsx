import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { isEnteredKind, type InputsResponse, type SchemeDetail, type UnitInput, type UnitInputs } from '@contracts/assessment';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { useSaveInputs } from './api/save-inputs';
import { EntriesModal } from './entries-modal';
import { assessmentStrings } from './i18n';

type Scores = Record<string, number | null>;

const sumOf = (list: readonly { points: number }[]) => Math.round(list.reduce((s, e) => s + e.points, 0) * 100) / 100;

function toInput(u: UnitInputs, scores: Scores): UnitInput {
  return { deptId: u.deptId, scores, bonuses: u.bonuses, deductions: u.deductions, vetoes: u.vetoes };
}

/**
 * The input grid: one row per unit, a column per indicator entered by hand; bonus, deduction and
 * veto entries per unit in a dialog. Score edits are kept here until 保存录入; the dialog saves its unit.
 */
export function InputGrid({ scheme, inputs, onDirtyChange }: { scheme: SchemeDetail; inputs: InputsResponse; onDirtyChange(n: number): void }) {
  const t = useT(assessmentStrings);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const kinds = useDict('assessment_indicator_kind');
  const save = useSaveInputs(scheme.id);
  const [edits, setEdits] = useState<Record<number, Scores>>({});
  const [entriesOf, setEntriesOf] = useState<UnitInputs | null>(null);
  const editable = scheme.status !== 'published' && can('assessment:input:update');
  const entered = scheme.indicators.filter((i) => isEnteredKind(i.kind));
  const computed = scheme.indicators.filter((i) => !isEnteredKind(i.kind));
  const dirty = useMemo(() => Object.keys(edits).map(Number), [edits]);

  useEffect(() => onDirtyChange(dirty.length), [dirty.length, onDirtyChange]);

  const scoresOf = (u: UnitInputs): Scores => ({ ...u.scores, ...(edits[u.deptId] ?? {}) });

  const setScore = (u: UnitInputs, key: string, value: number | null) => {
    setEdits((prev) => {
      const next = { ...(prev[u.deptId] ?? {}), [key]: value };
      const same = Object.entries(next).every(([k, v]) => (u.scores[k] ?? null) === v);
      const copy = { ...prev };
      if (same) delete copy[u.deptId];
      else copy[u.deptId] = next;
      return copy;
    });
  };

  const saveAll = async () => {
    const units = inputs.units.filter((u) => dirty.includes(u.deptId)).map((u) => toInput(u, scoresOf(u)));
    if (units.length === 0) {
      message.info(t('nothingChanged'));
      return;
    }
    try {
      await save.mutateAsync(units);
      setEdits({});
      message.success(t('inputsSaved', { n: units.length }));
    } catch (err) {
      notify(err);
    }
  };

  const saveEntries = async (values: Pick<UnitInput, 'bonuses' | 'deductions' | 'vetoes'>) => {
    if (!entriesOf) return;
    try {
      await save.mutateAsync([{ ...toInput(entriesOf, scoresOf(entriesOf)), ...values }]);
      setEdits((prev) => {
        const copy = { ...prev };
        delete copy[entriesOf.deptId];
        return copy;
      });
      setEntriesOf(null);
      message.success(t('inputsSaved', { n: 1 }));
    } catch (err) {
      notify(err);
    }
  };

  return (
    <div data-testid="input-grid">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} align="start">
        <div>
          {entered.length > 0 ? <div>{t('enterHint', { list: entered.map((c) => `${c.name}（${c.weight}%）`).join('、') })}</div> : null}
          {computed.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('computedHint', { list: computed.map((c) => `${c.name}（${c.weight}%）`).join('、') })}
            </Typography.Text>
          ) : null}
        </div>
        {editable ? (
          <Space>
            {dirty.length > 0 ? <Typography.Text type="warning">{t('unsaved', { n: dirty.length })}</Typography.Text> : null}
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending && entriesOf === null} disabled={dirty.length === 0} onClick={() => void saveAll()} data-testid="save-inputs">
              {t('saveInputs')}
            </Button>
          </Space>
        ) : null}
      </Space>
      {scheme.status === 'draft' && editable ? <Alert type="info" showIcon title={t('draftHint')} style={{ marginBottom: 12 }} /> : null}
      <Table<UnitInputs>
        rowKey="deptId"
        size="small"
        pagination={false}
        scroll={{ x: 760 + entered.length * 130, y: 560 }}
        dataSource={inputs.units}
        rowClassName={(u) => (dirty.includes(u.deptId) ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('unit'), dataIndex: 'deptName', fixed: 'left', width: 240 },
          ...entered.map((ind) => ({
            title: (
              <Tooltip title={`${kinds.label(ind.kind)} · ${t('weight')} ${ind.weight}%`}>
                {ind.name}
              </Tooltip>
            ),
            key: ind.key,
            width: 130,
            render: (_: unknown, u: UnitInputs) => {
              const v = scoresOf(u)[ind.key] ?? null;
              return editable ? (
                <InputNumber
                  min={0}
                  max={100}
                  precision={2}
                  value={v}
                  placeholder="0–100"
                  style={{ width: 104 }}
                  onChange={(n) => setScore(u, ind.key, typeof n === 'number' ? n : null)}
                  aria-label={`${u.deptName} ${ind.name}`}
                  data-testid={`score-${u.deptId}-${ind.key}`}
                />
              ) : (
                (v ?? <Typography.Text type="secondary">—</Typography.Text>)
              );
            },
          })),
          { title: t('bonus'), key: 'bonus', width: 80, align: 'right' as const, render: (_: unknown, u: UnitInputs) => (u.bonuses.length ? `+${sumOf(u.bonuses)}` : '') },
          {
            title: t('deduction'),
            key: 'deduction',
            width: 80,
            align: 'right' as const,
            render: (_: unknown, u: UnitInputs) => (u.deductions.length ? <Typography.Text type="danger">−{sumOf(u.deductions)}</Typography.Text> : ''),
          },
          {
            title: t('veto'),
            key: 'veto',
            width: 90,
            render: (_: unknown, u: UnitInputs) => (u.vetoes.length ? <Tag color="red">{t('vetoed')}</Tag> : ''),
          },
          {
            title: t('entries'),
            key: 'entries',
            width: 150,
            render: (_: unknown, u: UnitInputs) => (
              <Button size="small" icon={<EditOutlined />} disabled={!editable} onClick={() => setEntriesOf(u)} data-testid={`entries-${u.deptId}`}>
                {t('editEntries')}
              </Button>
            ),
          },
        ]}
      />
      <EntriesModal
        scheme={scheme}
        unit={entriesOf}
        saving={save.isPending}
        onClose={() => setEntriesOf(null)}
        onSave={(v) => void saveEntries(v)}
      />
    </div>
  );
}
