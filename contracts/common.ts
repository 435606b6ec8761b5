import { z } from 'zod';
import { msg } from './i18n.js';

/** Limits shared by every list endpoint. */
export const PAGE_SIZE_MAX = 200;
export const KEYWORD_MAX = 100;

/** Query-string numbers arrive as text; coerce and bound them. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
};

/** A free-text search box. SQL metacharacters are plain text: repositories bind it as a parameter. */
export const keyword = z.string().trim().max(KEYWORD_MAX).optional();

export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export type IdParam = z.infer<typeof idParam>;

/** Today in China time (UTC+8, no daylight saving), as YYYY-MM-DD: the date deadlines are counted from. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment in China time (UTC+8), as YYYY-MM-DD HH:mm:ss: how an operator in China reads a timestamp. */
export function chinaDateTime(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD') })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: msg('不是有效日期', 'Not a real date') });

/** The list envelope every paged endpoint returns (ant-design-pro's `{data,total}` contract, named). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const okResponse = z.object({ ok: z.literal(true) });

/** Result of an Excel import: per-row errors, rows numbered as in the file (header = row 1). */
export const importRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
export const importResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;
