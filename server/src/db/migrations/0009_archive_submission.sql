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
ALTER TABLE "archive_submission" ADD CONSTRAINT "archive_submission_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_submission_entity_idx" ON "archive_submission" USING btree ("entity_id","submitted_at");--> statement-breakpoint
CREATE INDEX "archive_submission_pending_idx" ON "archive_submission" USING btree ("district_code","submitted_at") WHERE "archive_submission"."status" = 'pending';