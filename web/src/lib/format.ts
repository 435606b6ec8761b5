import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
}

/**
 * A plan item's path (一/(二)/3, numbering tokens joined by '/') the way a document prints it:
 * 一（二）3. A split item keeps its suffix: 一/(二)-2 → 一（二）-2.
 */
export function formatItemPath(path: string): string {
  return path
    .split('/')
    .map((token) => token.replace(/\(/g, '（').replace(/\)/g, '）'))
    .join('');
}

const SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** A target as people write it: ≥ 93%, ≤ 5 件, ×2（翻番）, +60%, +8项, −2个百分点. */
export function formatTarget(t: { comparator: string; targetValue: number; unit: string | null }): string {
  const n = String(Math.round(t.targetValue * 100) / 100);
  const signed = `${t.targetValue < 0 ? '−' : '+'}${String(Math.round(Math.abs(t.targetValue) * 100) / 100)}`;
  if (t.comparator === 'x') return `×${n}`;
  if (t.comparator === '+%') return `${signed}%`;
  if (t.comparator === '+') return `${signed}${t.unit ?? ''}`;
  return `${SIGNS[t.comparator] ?? t.comparator} ${n}${t.unit ?? ''}`;
}

/** A file size in KB or MB. */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
