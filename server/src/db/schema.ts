/** Every table, for Drizzle and drizzle-kit. Modules own their tables; this file only re-exports. */
export * from '../modules/system/system.table.js';
export * from '../modules/system/session.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../platform/oplog/oper-log.table.js';
export * from '../modules/plans/plans.table.js';
export * from '../modules/assessment/assessment.table.js';
export * from '../platform/files/file.table.js';
export * from '../modules/entities/entities.table.js';
export * from '../modules/entities/submission.table.js';
export * from '../modules/credit/scoring/scoring.table.js';
export * from '../modules/credit/lists/lists.table.js';
export * from '../modules/credit/repair/repair.table.js';
export * from '../modules/credit/honours/honour.table.js';
export * from '../modules/credit/sanctions/sanction.table.js';
export * from '../platform/jobs/job-run.table.js';
