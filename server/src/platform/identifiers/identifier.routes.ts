import { usccParam, usccValidationResponse } from '../../../../contracts/identifiers.js';
import { validateUscc } from '../../../../contracts/uscc.js';
import type { ZApp } from '../http/types.js';

export function identifierRoutes(app: ZApp): void {
  // A pure check, useful to the public portal and to integrators as much as to staff.
  app.get('/api/validate/uscc/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['系统 Platform'],
      summary: '校验统一社会信用代码（GB 32100-2015）Validate a USCC',
      params: usccParam,
      response: { 200: usccValidationResponse },
    },
    handler: async (request) => {
      const result = validateUscc(request.params.code);
      return result.valid ? { valid: true } : { valid: false, reason: result.reason, rule: result.rule };
    },
  });
}
