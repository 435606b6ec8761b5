/**
 * Uploaded files (attachments of progress reports, later of complaints and samples), kept in the
 * database so a backup of the database is a backup of everything and PGlite and PostgreSQL behave
 * alike. Metadata and content sit in one row; lists read the metadata columns only.
 */
import { customType, index, integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const storedFile = pgTable(
  'stored_file',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** What the file is attached to: an audit target type such as `task_report`, and its id. */
    ownerType: varchar('owner_type', { length: 40 }).notNull(),
    ownerId: integer('owner_id').notNull(),
    filename: varchar('filename', { length: 255 }).notNull(),
    mimetype: varchar('mimetype', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    data: bytea('data').notNull(),
    uploadedBy: varchar('uploaded_by', { length: 64 }).notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stored_file_owner_idx').on(t.ownerType, t.ownerId)],
);
