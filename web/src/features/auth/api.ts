import type { ChangePasswordBody, LoginBody, MeResponse } from '@contracts/auth';
import { api } from '@/lib/api-client';

export function login(body: LoginBody): Promise<MeResponse> {
  return api.post<MeResponse>('/api/auth/login', body);
}

export function changePassword(body: ChangePasswordBody): Promise<{ ok: true }> {
  return api.post('/api/auth/password', body);
}
