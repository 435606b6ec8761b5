/**
 * The one HTTP client: session cookie (same origin), CSRF header on writes, the error envelope
 * turned into ApiError, file downloads and uploads.
 */
import type { ErrorCode } from '@contracts/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code: ErrorCode; message: string; details?: unknown; requestId?: string } };
    if (body.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.details, body.error.requestId);
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, 'INTERNAL', `HTTP ${res.status}`);
}

async function send(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (method !== 'GET') {
    const csrf = readCookie('zl_csrf');
    if (csrf) headers.set('x-csrf-token', csrf);
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, { ...init, method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络 / Network error');
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export const api = {
  async get<T>(url: string, query?: Query): Promise<T> {
    return (await send('GET', withQuery(url, query))).json() as Promise<T>;
  },
  async post<T>(url: string, body?: unknown): Promise<T> {
    return (await send('POST', url, body)).json() as Promise<T>;
  },
  async put<T>(url: string, body?: unknown): Promise<T> {
    return (await send('PUT', url, body)).json() as Promise<T>;
  },
  async delete<T>(url: string): Promise<T> {
    return (await send('DELETE', url)).json() as Promise<T>;
  },
  /** Upload one file as multipart/form-data (field "file"). */
  async upload<T>(url: string, file: File, query?: Query): Promise<T> {
    const form = new FormData();
    form.append('file', file);
    return (await send('POST', withQuery(url, query), form)).json() as Promise<T>;
  },
  /** POST, also telling the HTTP status (an import answers 201 when it created, 200 when it found). */
  async postWithStatus<T>(url: string, body?: unknown): Promise<{ status: number; data: T }> {
    const res = await send('POST', url, body);
    return { status: res.status, data: (await res.json()) as T };
  },
  /** `upload`, also telling the HTTP status. */
  async uploadWithStatus<T>(url: string, file: File, query?: Query): Promise<{ status: number; data: T }> {
    const form = new FormData();
    form.append('file', file);
    const res = await send('POST', withQuery(url, query), form);
    return { status: res.status, data: (await res.json()) as T };
  },
  /** Download a file (Excel export, template) and save it under the server's file name. */
  async download(url: string, query?: Query): Promise<void> {
    const res = await send('GET', withQuery(url, query));
    const disposition = res.headers.get('content-disposition') ?? '';
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="([^"]+)"/i.exec(disposition);
    const name = utf8 ? decodeURIComponent(utf8[1]!) : (plain?.[1] ?? 'download');
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  },
};
