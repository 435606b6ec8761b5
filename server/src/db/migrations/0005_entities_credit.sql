CREATE TABLE "archive_record" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "archive_record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"kind" varchar(24) NOT NULL,
	"title" varchar(300) NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" varchar(64) NOT NULL,
	"source_module" varchar(24) NOT NULL,
	"source_id" varchar(64),
	"visibility" varchar(8) NOT NULL,
	"corrects_id" bigint,
	"retracts" boolean DEFAULT false NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entity_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"uscc" char(18) NOT NULL,
	"name" varchar(200) NOT NULL,
	"former_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"entity_type" varchar(16) NOT NULL,
	"legal_rep" varchar(100),
	"address" varchar(300),
	"district_code" varchar(6) NOT NULL,
	"industry_section" char(1) NOT NULL,
	"industry_division" char(2),
	"registered_capital" double precision,
	"established_on" date,
	"status" varchar(16) NOT NULL,
	"scale" varchar(8),
	"contact_name" varchar(50),
	"contact_phone" varchar(30),
	"quality_officer" varchar(50),
	"quality_officer_since" date,
	"search_text" text NOT NULL,
	"licensed_products" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_licence" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entity_licence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" varchar(200) NOT NULL,
	"number" varchar(100) NOT NULL,
	"issuer" varchar(200),
	"issued_on" date,
	"valid_until" date,
	"revoked_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_product" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entity_product_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"name" varchar(200) NOT NULL,
	"category" varchar(100),
	"brand" varchar(100),
	"model" varchar(100),
	"standard" varchar(100),
	"licence_required" boolean DEFAULT false NOT NULL,
	"ccc_required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_evaluation" (
	"entity_id" bigint NOT NULL,
	"kind" varchar(8) NOT NULL,
	"model_version" integer NOT NULL,
	"score" double precision NOT NULL,
	"grade" varchar(4) NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"explanation" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_evaluation_entity_id_kind_pk" PRIMARY KEY("entity_id","kind")
);
--> statement-breakpoint
CREATE TABLE "credit_model" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_model_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" varchar(8) NOT NULL,
	"version" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"definition" jsonb NOT NULL,
	"status" varchar(8) NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_recompute_run" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_recompute_run_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" varchar(8) NOT NULL,
	"model_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"entities" integer NOT NULL,
	"ms" integer NOT NULL,
	"trigger" varchar(16) NOT NULL,
	"started_by" varchar(64) NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_application" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_application_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"entry_id" integer NOT NULL,
	"kind" varchar(12) NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"status" varchar(16) NOT NULL,
	"target" varchar(20),
	"reason" text NOT NULL,
	"commitment" text,
	"harm_removed" text,
	"cure" varchar(16),
	"file_ids" integer[] DEFAULT '{}' NOT NULL,
	"conditions" jsonb NOT NULL,
	"submitted_on" date NOT NULL,
	"accept_by" date NOT NULL,
	"accepted_on" date,
	"decide_by" date,
	"decided_on" date,
	"decision_comment" varchar(1000),
	"stop_by" date,
	"submitted_by" varchar(64) NOT NULL,
	"handled_by" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_honour_round" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_honour_round_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"list" varchar(8) NOT NULL,
	"title" varchar(200) NOT NULL,
	"period" varchar(16) NOT NULL,
	"criteria" jsonb NOT NULL,
	"status" varchar(20) NOT NULL,
	"scheduled_on" date,
	"published_on" date,
	"valid_until" date,
	"created_by" varchar(64) NOT NULL,
	"approved_by" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_list_entry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_list_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entity_id" bigint NOT NULL,
	"list" varchar(24) NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"grounds" varchar(48) NOT NULL,
	"grounds_text" text,
	"decision_no" varchar(100),
	"decision_date" date NOT NULL,
	"source_record_id" bigint,
	"dept_id" integer,
	"status" varchar(20) NOT NULL,
	"approved_by" varchar(64),
	"approved_at" timestamp with time zone,
	"approval_no" varchar(100),
	"approval_comment" varchar(500),
	"publish_by" date,
	"published_on" date,
	"early_removal_from" date,
	"auto_remove_on" date,
	"restriction_until" date,
	"removed_on" date,
	"removal_kind" varchar(16),
	"removal_reason" varchar(500),
	"stop_publication_by" date,
	"publication_stopped_on" date,
	"round_id" integer,
	"trigger_date" date,
	"cured_on" date,
	"remove_by" date,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warning" varchar(500),
	"created_by" varchar(64) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_sanction_query" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_sanction_query_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"uscc" varchar(18) NOT NULL,
	"entity_id" bigint,
	"queried_by" varchar(64) NOT NULL,
	"dept_name" varchar(200),
	"purpose" varchar(200),
	"measures" integer NOT NULL,
	"ip" varchar(64),
	"queried_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_sanction_rule" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_sanction_rule_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"trigger" varchar(32) NOT NULL,
	"measure" varchar(48) NOT NULL,
	"description" varchar(500) NOT NULL,
	"basis" varchar(300) NOT NULL,
	"applied_by" varchar(300),
	"status" varchar(8) DEFAULT 'active' NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_setting" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "archive_record" ADD CONSTRAINT "archive_record_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_licence" ADD CONSTRAINT "entity_licence_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_product" ADD CONSTRAINT "entity_product_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_evaluation" ADD CONSTRAINT "credit_evaluation_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_application" ADD CONSTRAINT "credit_application_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_application" ADD CONSTRAINT "credit_application_entry_id_credit_list_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."credit_list_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_list_entry" ADD CONSTRAINT "credit_list_entry_entity_id_entity_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_record_entity_idx" ON "archive_record" USING btree ("entity_id","occurred_on");--> statement-breakpoint
CREATE INDEX "archive_record_corrects_idx" ON "archive_record" USING btree ("corrects_id");--> statement-breakpoint
CREATE INDEX "archive_record_kind_idx" ON "archive_record" USING btree ("kind","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_record_source_uq" ON "archive_record" USING btree ("source_module","source_id","kind") WHERE "archive_record"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "entity_uscc_uq" ON "entity" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "entity_district_idx" ON "entity" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "entity_industry_idx" ON "entity" USING btree ("industry_section","industry_division");--> statement-breakpoint
CREATE INDEX "entity_search_idx" ON "entity" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "entity_name_trgm_idx" ON "entity" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entity_licence_entity_idx" ON "entity_licence" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entity_licence_number_uq" ON "entity_licence" USING btree ("entity_id","kind","number");--> statement-breakpoint
CREATE INDEX "entity_product_entity_idx" ON "entity_product" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "credit_evaluation_grade_idx" ON "credit_evaluation" USING btree ("kind","grade");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_model_kind_version_uq" ON "credit_model" USING btree ("kind","version");--> statement-breakpoint
CREATE INDEX "credit_recompute_run_kind_idx" ON "credit_recompute_run" USING btree ("kind","finished_at");--> statement-breakpoint
CREATE INDEX "credit_application_entity_idx" ON "credit_application" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "credit_application_status_idx" ON "credit_application" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_application_open_uq" ON "credit_application" USING btree ("entry_id","kind") WHERE status in ('submitted', 'accepted');--> statement-breakpoint
CREATE INDEX "credit_list_entry_entity_idx" ON "credit_list_entry" USING btree ("entity_id","list");--> statement-breakpoint
CREATE INDEX "credit_list_entry_list_idx" ON "credit_list_entry" USING btree ("list","status");--> statement-breakpoint
CREATE INDEX "credit_list_entry_district_idx" ON "credit_list_entry" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_list_entry_active_uq" ON "credit_list_entry" USING btree ("entity_id","list") WHERE "credit_list_entry"."status" in ('pending_approval', 'listed', 'published') and "credit_list_entry"."list" in ('serious-violation', 'abnormal');--> statement-breakpoint
CREATE INDEX "credit_list_entry_source_idx" ON "credit_list_entry" USING btree ("source_record_id");--> statement-breakpoint
CREATE INDEX "credit_list_entry_round_idx" ON "credit_list_entry" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "credit_sanction_query_uscc_idx" ON "credit_sanction_query" USING btree ("uscc","queried_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_sanction_rule_uq" ON "credit_sanction_rule" USING btree ("trigger","measure");--> statement-breakpoint
-- The quality archive is append-only: a correction is a new record (corrects_id), never an edit.
CREATE OR REPLACE FUNCTION archive_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'archive_record is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER archive_record_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "archive_record" FOR EACH STATEMENT EXECUTE FUNCTION archive_record_append_only();
