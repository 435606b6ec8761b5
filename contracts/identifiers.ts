import { z } from 'zod';

export const usccParam = z.strictObject({ code: z.string().max(64) });
export const usccValidationResponse = z.object({
  valid: z.boolean(),
  reason: z.string().optional(),
  rule: z.string().optional(),
});
export type UsccValidationResponse = z.infer<typeof usccValidationResponse>;
