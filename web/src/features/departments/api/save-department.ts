import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createDepartment(body: CreateDepartmentBody): Promise<Department> {
  return api.post('/api/system/departments', body);
}

export function updateDepartment(id: number, body: UpdateDepartmentBody): Promise<Department> {
  return api.put(`/api/system/departments/${id}`, body);
}

/** Create when `id` is null, else update (which may move the department under another parent). */
export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CreateDepartmentBody }) => (id === null ? createDepartment(body) : updateDepartment(id, body)),
    // User lists show department names.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['departments'] }), qc.invalidateQueries({ queryKey: ['users'] })]),
  });
}
