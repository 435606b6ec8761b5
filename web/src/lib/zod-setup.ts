/**
 * Zod set up for the browser, imported before anything that builds a schema. Zod compiles object
 * parsers with `new Function` unless told not to; the Content-Security-Policy forbids that
 * (script-src 'self', no 'unsafe-eval'), and even Zod's probe for it counts as a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
