// Zod reads its configuration from globalThis.__zod_globalConfig, and each object schema decides at
// construction whether it may compile with `new Function` (probing for it once). The
// Content-Security-Policy forbids eval, and even the probe counts as a violation. This classic
// script runs before any module, so no schema, in whatever chunk the bundler puts it, is built
// before Zod is told not to compile.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
