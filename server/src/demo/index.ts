/**
 * The demo city as a seeding layer outside the domain modules: it writes only through their public
 * functions (module index files), as any loader or migration would. The people and the quality
 * work are seeded by their own modules (system, plans, assessment), which write only their own
 * tables; the registry, which spans entities and credit, is seeded here.
 */
export { demoEntityCount, seedDemoRegistry, type RegistryDemoReport } from './registry/registry.service.js';
export { DEMO_ENTERPRISE_USCC, FOOD_GROUP } from './registry/registry.rules.js';
export { INDUSTRY_WORDS, TRADE_FIRST, TRADE_SECOND } from './registry/registry.data.js';
