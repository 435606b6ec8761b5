/**
 * Who is logged in, from GET /api/auth/me. `useAuth()` gives the user, their permissions and
 * `can(permission)`, which the menu and buttons use to hide what the server would refuse anyway.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { MeResponse } from '@contracts/auth';
import { api, ApiError } from './api-client';
import { queryClient } from './query';

export const ME_KEY = ['auth', 'me'] as const;

interface AuthValue {
  me: MeResponse | null;
  loading: boolean;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthValue>({ me: null, loading: true, can: () => false });

export function AuthProvider({ children }: { children: ReactNode }) {
  const { data, isLoading } = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<MeResponse>('/api/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
  const me = data ?? null;
  const perms = new Set(me?.permissions ?? []);
  const value: AuthValue = { me, loading: isLoading, can: (p) => perms.has(p) };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  return useContext(AuthContext);
}

/**
 * After login, logout or a password change: forget everything cached for the previous session.
 * The session query itself is updated in place, not removed — AuthProvider observes it, and a
 * removed query would leave that observer holding the old (signed-out) answer.
 */
export async function resetSession(me: MeResponse | null): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, me);
}
