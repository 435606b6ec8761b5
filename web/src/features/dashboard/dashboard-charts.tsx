import { Empty } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '@contracts/plans';
import { EChart, type EChartOption } from '@/components/echart';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { shortUnitName } from './display';
import { dashboardStrings } from './i18n';

const GREEN = '#52c41a';
const BLUE = '#69b1ff';
const RED = '#ff4d4f';

/** Dictionary tag colours (antd names) as chart colours. */
const TAG_COLORS: Record<string, string> = {
  default: '#bfbfbf',
  processing: '#1677ff',
  warning: '#faad14',
  blue: '#69b1ff',
  green: GREEN,
  red: RED,
  orange: '#fa8c16',
  gold: '#faad14',
  cyan: '#13c2c2',
  geekblue: '#2f54eb',
  purple: '#722ed1',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function NoData() {
  const t = useT(dashboardStrings);
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} style={{ padding: '48px 0' }} />;
}

type UnitRow = Dashboard['byUnit'][number];

/** 各责任单位完成情况: per unit, completed / open / overdue tasks stacked, the busiest unit on top. */
export function UnitChart({ units }: { units: readonly UnitRow[] }) {
  const t = useT(dashboardStrings);
  const option = useMemo<EChartOption>(() => {
    const open = (u: UnitRow) => Math.max(0, u.tasks - u.completed - u.overdue);
    const bar = (name: string, color: string, data: number[]) => ({ name, type: 'bar', stack: 'tasks', barMaxWidth: 18, itemStyle: { color }, emphasis: { focus: 'series' }, data });
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number; marker: string; seriesName: string; value: number }[]) => {
          const u = units[params[0]?.dataIndex ?? 0];
          if (!u) return '';
          const lines = params.map((p) => `${p.marker}${escapeHtml(p.seriesName)}：${p.value}`);
          return [`<b>${escapeHtml(u.deptName)}</b>`, ...lines, `${escapeHtml(t('completionRate', { rate: u.completion }))}`].join('<br/>');
        },
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: units.map((u) => shortUnitName(u.deptName)), axisLabel: { interval: 0 } },
      series: [
        bar(t('seriesCompleted'), GREEN, units.map((u) => u.completed)),
        bar(t('seriesOpen'), BLUE, units.map(open)),
        bar(t('seriesOverdue'), RED, units.map((u) => u.overdue)),
      ],
    };
  }, [units, t]);
  if (units.length === 0) return <NoData />;
  return <EChart option={option} height={Math.max(240, units.length * 28 + 60)} />;
}

type DistrictRow = Dashboard['byDistrict'][number];

/** 各区完成情况: completion percentage per district. */
export function DistrictChart({ districts }: { districts: readonly DistrictRow[] }) {
  const t = useT(dashboardStrings);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const d = districts[params[0]?.dataIndex ?? 0];
          if (!d) return '';
          return [`<b>${escapeHtml(d.districtName)}</b>`, escapeHtml(t('completionRate', { rate: d.completion })), escapeHtml(t('districtTooltip', { completed: d.completed, tasks: d.tasks, overdue: d.overdue }))].join('<br/>');
        },
      },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: districts.map((d) => d.districtName), axisLabel: { interval: 0, rotate: districts.length > 12 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, name: t('completionPercent'), axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 32,
          data: districts.map((d) => ({ value: d.completion, itemStyle: { color: d.overdue > 0 ? '#fa8c16' : '#1677ff' } })),
          label: { show: true, position: 'top', formatter: '{c}%' },
        },
      ],
    }),
    [districts, t],
  );
  if (districts.length === 0) return <NoData />;
  return <EChart option={option} height={300} />;
}

/** 任务状态分布: a donut of the tasks by status, labelled from the plan_task_status dictionary. */
export function StatusChart({ byStatus }: { byStatus: Dashboard['byStatus'] }) {
  const dict = useDict('plan_task_status');
  const total = byStatus.reduce((n, s) => n + s.count, 0);
  // The dictionary helpers are new on every render: key the chart on what it shows instead.
  const data = byStatus.filter((s) => s.count > 0).map((s) => ({ name: dict.label(s.status), value: s.count, itemStyle: { color: TAG_COLORS[dict.color(s.status) ?? ''] } }));
  const dataKey = JSON.stringify(data);
  const option = useMemo<EChartOption>(() => {
    const shown = JSON.parse(dataKey) as { name: string; value: number }[];
    const countOf = new Map(shown.map((d) => [d.name, d.value]));
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      // The legend names each status with its count; the ring itself shows the counts.
      legend: { bottom: 0, formatter: (name: string) => `${name} ${countOf.get(name) ?? ''}` },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['50%', '44%'],
          label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
          labelLayout: { hideOverlap: true },
          data: shown,
        },
      ],
    };
  }, [dataKey]);
  if (total === 0) return <NoData />;
  return <EChart option={option} height={300} />;
}
