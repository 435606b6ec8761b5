CREATE TABLE "archive_submission" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "archive_submission_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"kind" varchar(24) NOT NULL,
	"title" varchar(300),
	"occurred_on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"status" varchar(12) NOT NULL,
	"submitted_by" varchar(64) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" varchar(64),
	"reviewed_at" timestamp with time zone,
	"reject_reason" varchar(500),
	"record_id" bigint,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_list_entry" ADD COLUMN "penalty_decision_no" varchar(100);--> statement-breakpoint
ALTER TABLE "archive_submission" ADD CONSTRAINT "archive_submission_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_submission_entity_idx" ON "archive_submission" USING btree ("entity_id","submitted_at");--> statement-breakpoint
CREATE INDEX "archive_submission_pending_idx" ON "archive_submission" USING btree ("district_code","submitted_at") WHERE "archive_submission"."status" = 'pending';--> statement-breakpoint
-- Hand-written backfill. Until now a serious-violation listing stored the penalty decision's 文号 in
-- decision_no (the form had no field for the listing decision's own number): move it to
-- penalty_decision_no where it is the penalty's number (it matches the linked penalty record, or no
-- record matched it and the entry carries that warning). Listings whose decision_no is their own
-- 文号 (the demo's 津市监列严〔…〕) keep it. Then every entry resting on a penalty record names it.
UPDATE "credit_list_entry" e SET "penalty_decision_no" = e."decision_no", "decision_no" = NULL
WHERE e."list" = 'serious-violation' AND e."decision_no" IS NOT NULL
  AND (e."warning" IS NOT NULL OR EXISTS (SELECT 1 FROM "archive_record" a WHERE a."id" = e."source_record_id" AND a."payload"->>'decisionNo' = e."decision_no"));--> statement-breakpoint
UPDATE "credit_list_entry" e SET "penalty_decision_no" = a."payload"->>'decisionNo'
FROM "archive_record" a
WHERE a."id" = e."source_record_id" AND e."penalty_decision_no" IS NULL AND e."list" IN ('serious-violation', 'penalty-publication');
