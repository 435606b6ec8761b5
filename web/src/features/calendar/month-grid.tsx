import { theme, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from '@contracts/calendar';
import { useDict } from '@/lib/dicts';
import { useLang, useT } from '@/lib/i18n';
import { dayColors } from './day-colors';
import { calendarStrings } from './i18n';

type WeekdayKey = `weekday${1 | 2 | 3 | 4 | 5 | 6 | 7}`;
type MonthKey = `m${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`;

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const d = dayjs(date).day();
  return (d === 0 ? 7 : d) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function weekdayKey(date: string): WeekdayKey {
  return `weekday${isoWeekday(date)}`;
}

/** The month's holiday blocks ("春节 2/15–2/23") and its adjusted working days. */
function monthNotes(days: CalendarDay[]): { blocks: { name: string; from: string; to: string }[]; adjusted: string[] } {
  const blocks: { name: string; from: string; to: string }[] = [];
  const adjusted: string[] = [];
  for (const d of days) {
    if (d.kind === 'adjusted_workday') adjusted.push(d.date);
    if (d.kind !== 'holiday') continue;
    const last = blocks.at(-1);
    const name = d.name ?? '';
    if (last && last.name === name && dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') === d.date) last.to = d.date;
    else blocks.push({ name, from: d.date, to: d.date });
  }
  return { blocks, adjusted };
}

/** One month, Monday first; each day coloured by its kind (sys_day_kind dictionary). */
export function MonthGrid({ month, days, today, onPick }: { month: number; days: CalendarDay[]; today: string; onPick?: (day: CalendarDay) => void }) {
  const t = useT(calendarStrings);
  const { lang } = useLang();
  const kinds = useDict('sys_day_kind');
  const { token } = theme.useToken();
  const blanks = days.length > 0 ? isoWeekday(days[0]!.date) - 1 : 0;
  const notes = monthNotes(days);
  const short = (date: string) => dayjs(date).format('M/D');

  return (
    <div style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: 12 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t(`m${month}` as MonthKey)}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3, textAlign: 'center' }}>
        {([1, 2, 3, 4, 5, 6, 7] as const).map((w) => (
          <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
            {t(`wd${w}`)}
          </Typography.Text>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`blank-${i}`} />
        ))}
        {days.map((d) => {
          const c = dayColors(kinds.color(d.kind), token);
          const mark = d.kind === 'holiday' ? t('holidayMark') : d.kind === 'adjusted_workday' ? t('adjustedMark') : null;
          const isToday = d.date === today;
          return (
            <Tooltip
              key={d.date}
              title={
                <>
                  {d.date} {t(weekdayKey(d.date))}
                  <br />
                  {kinds.label(d.kind)}
                  {d.kind === 'holiday' && d.name ? `${t('nameSep')}${d.name}` : ''}
                  {isToday ? ` · ${t('today')}` : ''}
                </>
              }
            >
              <button
                type="button"
                aria-label={`${d.date} ${kinds.label(d.kind)}${d.name && d.kind === 'holiday' ? ` ${d.name}` : ''}`}
                onClick={onPick ? () => onPick(d) : undefined}
                style={{
                  position: 'relative',
                  height: 30,
                  padding: 0,
                  border: `1px solid ${isToday ? token.colorPrimary : c.border}`,
                  boxShadow: isToday ? `0 0 0 1px ${token.colorPrimary}` : undefined,
                  borderRadius: 4,
                  background: c.background,
                  color: c.text,
                  fontSize: 13,
                  fontWeight: d.kind === 'holiday' || d.kind === 'adjusted_workday' ? 600 : 400,
                  cursor: onPick ? 'pointer' : 'default',
                }}
              >
                {dayjs(d.date).date()}
                {mark ? <span style={{ position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: '11px' }}>{mark}</span> : null}
              </button>
            </Tooltip>
          );
        })}
      </div>
      <div style={{ minHeight: 40, marginTop: 8, fontSize: 12, lineHeight: '18px' }}>
        {notes.blocks.map((b) => (
          <div key={b.from} style={{ color: dayColors(kinds.color('holiday'), token).text }}>
            {b.name} {short(b.from)}
            {b.to !== b.from ? `–${short(b.to)}` : ''}
          </div>
        ))}
        {notes.adjusted.length > 0 ? (
          <div style={{ color: dayColors(kinds.color('adjusted_workday'), token).text }}>
            {kinds.label('adjusted_workday')} {notes.adjusted.map(short).join(lang === 'zh' ? '、' : ', ')}
          </div>
        ) : null}
      </div>
    </div>
  );
}
