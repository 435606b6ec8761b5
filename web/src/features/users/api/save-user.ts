import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, User } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createUser(body: CreateUserBody): Promise<User> {
  return api.post('/api/system/users', body);
}

export function updateUser(id: number, body: UpdateUserBody): Promise<User> {
  return api.put(`/api/system/users/${id}`, body);
}

export type SaveUserInput = { id: null; body: CreateUserBody } | { id: number; body: UpdateUserBody };

/** Create when `id` is null, else update. User counts on departments and districts change too. */
export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveUserInput) => (input.id === null ? createUser(input.body) : updateUser(input.id, input.body)),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['users'] }), qc.invalidateQueries({ queryKey: ['departments'] }), qc.invalidateQueries({ queryKey: ['districts'] })]),
  });
}
