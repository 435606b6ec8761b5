ALTER TABLE "entity" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
CREATE INDEX "entity_name_pinyin_trgm_idx" ON "entity" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entity_name_pinyin_missing_idx" ON "entity" USING btree ("id") WHERE "entity"."name_pinyin" is null;