/**
 * Zod set up for the browser, imported before anything that builds a schema. Zod compiles object
 * parsers with `new Function` unless told not to; the Content-Security-Policy forbids that
 * (script-src 'self', no 'unsafe-eval'), and even Zod's probe for it counts as a violation.
 * The built app sets this earlier still, in public/zod-jitless.js (a classic script in index.html):
 * the bundler may put schemas in a chunk that runs before this module. Kept for tests and tools
 * that load modules without the page.
 */
import { z } from 'zod';

z.config({ jitless: true });
