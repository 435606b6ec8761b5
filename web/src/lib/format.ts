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
