/** The China date lives in contracts (the web and the zod schemas need it too); the server imports it from here. */
export { todayInChina } from '../../../../contracts/common.js';
