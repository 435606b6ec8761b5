import type { DataScope } from '../data-scope/data-scope.js';

/** The logged-in user behind a request, resolved from the session cookie. */
export interface Principal {
  sessionId: string;
  csrfToken: string;
  /** Epoch ms after which the session is over, whatever happens. */
  expiresAt: number;
  /** Epoch ms of the last recorded activity (idle timeout counts from here). */
  lastSeenAt: number;
  user: {
    id: number;
    username: string;
    displayName: string;
    deptId: number | null;
    deptName: string | null;
    districtCode: string | null;
    districtName: string | null;
    enterpriseUscc: string | null;
    mustChangePassword: boolean;
  };
  roles: { id: number; key: string; name: string }[];
  permissions: ReadonlySet<string>;
  scope: DataScope;
}

/** Loads principals from storage; the system module implements it over its tables. */
export interface PrincipalStore {
  /** The principal for a stored session id, or null when there is no such session or the user is disabled. */
  load(sessionId: string): Promise<Principal | null>;
  /** Record activity on a session (called at most once a minute per session) and extend its idle window. */
  touch(sessionId: string, at: Date): Promise<void>;
  /** Remove a session (expired or logged out). */
  remove(sessionId: string): Promise<void>;
}
