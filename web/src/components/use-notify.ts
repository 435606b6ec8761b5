import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '@/lib/api-client';
import { usePick } from '@/lib/i18n';

interface IssueDetail {
  path?: string;
  message?: string;
}

/**
 * Show an API error the way a civil servant can act on it: the message, field problems, the request
 * id. `shownOnForm`: the field problems are already under their fields (showServerFieldErrors), so
 * the notification does not repeat them with the API's field names.
 */
export function useNotifyError(): (err: unknown, opts?: { shownOnForm?: boolean }) => void {
  const { notification } = App.useApp();
  const pick = usePick();
  return useCallback(
    (err: unknown, opts: { shownOnForm?: boolean } = {}) => {
      if (err instanceof ApiError) {
        const issues = Array.isArray(err.details) && !opts.shownOnForm ? (err.details as IssueDetail[]).filter((d) => d.message) : [];
        notification.error({
          title: err.message,
          description: [
            ...issues.slice(0, 5).map((d) => `${d.path ? `${d.path}: ` : ''}${pick(d.message!)}`),
            err.requestId ? `(${err.requestId})` : '',
          ]
            .filter(Boolean)
            .join('\n'),
          style: { whiteSpace: 'pre-line' },
        });
        return;
      }
      notification.error({ title: err instanceof Error ? err.message : String(err) });
    },
    [notification, pick],
  );
}
