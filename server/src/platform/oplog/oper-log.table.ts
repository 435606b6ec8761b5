import { bigint, index, integer, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** 操作日志: one row per state-changing request (and export), RuoYi's sys_oper_log columns. */
export const operLog = pgTable(
  'oper_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: varchar('title', { length: 100 }).notNull(),
    operType: varchar('oper_type', { length: 20 }).notNull(),
    method: varchar('method', { length: 200 }),
    requestMethod: varchar('request_method', { length: 10 }).notNull(),
    operName: varchar('oper_name', { length: 64 }),
    operUserId: integer('oper_user_id'),
    deptName: varchar('dept_name', { length: 100 }),
    operUrl: varchar('oper_url', { length: 500 }).notNull(),
    operIp: varchar('oper_ip', { length: 64 }),
    operParam: text('oper_param'),
    status: varchar('status', { length: 10 }).notNull(),
    httpStatus: smallint('http_status').notNull(),
    errorCode: varchar('error_code', { length: 50 }),
    errorMsg: varchar('error_msg', { length: 2000 }),
    requestId: varchar('request_id', { length: 64 }).notNull(),
    operTime: timestamp('oper_time', { withTimezone: true, mode: 'date' }).notNull(),
    costTime: integer('cost_time').notNull(),
  },
  (t) => [index('oper_log_time_idx').on(t.operTime), index('oper_log_name_idx').on(t.operName)],
);
