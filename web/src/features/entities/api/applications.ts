import { useQuery } from '@tanstack/react-query';
import type { Application, ApplicationKind } from '@contracts/credit-repair';
import { api } from '@/lib/api-client';

const PATHS: Record<ApplicationKind, string> = { repair: '/api/credit/repairs', objection: '/api/credit/objections' };

/** The enterprise's latest application of each kind per list entry (the server scopes the list to its own). */
export type LatestApplications = Map<string, Application>;

export const applicationKey = (kind: ApplicationKind, entryId: number) => `${kind}:${entryId}`;

async function getLatestApplications(): Promise<LatestApplications> {
  const pages = await Promise.all(
    (Object.keys(PATHS) as ApplicationKind[]).map((kind) => api.get<{ items: Application[] }>(PATHS[kind], { page: 1, pageSize: 200 })),
  );
  const latest: LatestApplications = new Map();
  for (const a of pages.flatMap((p) => p.items)) {
    const key = applicationKey(a.kind, a.entryId);
    const seen = latest.get(key);
    if (!seen || seen.id < a.id) latest.set(key, a);
  }
  return latest;
}

/**
 * The repairs and objections on the entity's entries, so the list view can say "异议办理中" instead
 * of offering a second objection the server would refuse. Under ['entities', 'credit'] so every
 * credit change refreshes it.
 */
export function useLatestApplications(enabled: boolean) {
  return useQuery({ queryKey: ['entities', 'credit', 'applications'], queryFn: getLatestApplications, enabled, retry: false });
}
