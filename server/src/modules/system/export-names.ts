/**
 * Names that exports print instead of codes (a district's name, not 120104; a department's name,
 * not its id; a role's name, not its key), for their columns and for the filters in their title
 * rows. All three are small reference tables, read whole once per export.
 */
import type { Executor } from '../../db/client.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { listDepartments } from './department.repository.js';
import { listDistricts } from './district.repository.js';
import { roleNamesByKey } from './role.repository.js';

export interface ExportNames {
  /** A district's name by its GB/T 2260 code, or by a prefix filter (`1201` → the code `120100`). */
  district(code: string | null | undefined): string | null;
  department(id: number | null | undefined): string | null;
  /** A role's name by its key (质量办 for quality_office). */
  role(key: string | null | undefined): string | null;
}

export async function exportNames(db: Executor): Promise<ExportNames> {
  const [districts, departments, roles] = await Promise.all([listDistricts(db, {}), listDepartments(db, FULL_SCOPE, {}), roleNamesByKey(db)]);
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  return {
    district: (code) => (code ? (districtName.get(code) ?? districtName.get(code.padEnd(6, '0')) ?? null) : null),
    department: (id) => (id ? (deptName.get(id) ?? null) : null),
    role: (key) => (key ? (roles.get(key) ?? null) : null),
  };
}
