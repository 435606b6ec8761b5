CREATE TABLE "permission_catalog" (
	"permission" varchar(100) PRIMARY KEY NOT NULL,
	"introduced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_value_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	"source" varchar(40) NOT NULL,
	"note" text,
	"recorded_by" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" varchar(200) NOT NULL,
	"doc_number" varchar(100),
	"issuer" varchar(200),
	"issued_date" date,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"source_name" varchar(200),
	"source_hash" varchar(64) NOT NULL,
	"body" text NOT NULL,
	"spans" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"draft" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "plan_indicator" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_indicator_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"item_id" integer,
	"name" varchar(200) NOT NULL,
	"comparator" varchar(4) NOT NULL,
	"target_value" double precision NOT NULL,
	"unit" varchar(20),
	"target_year" integer,
	"baseline" double precision,
	"sentence" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_item" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"parent_id" integer,
	"path" varchar(100) NOT NULL,
	"level" integer NOT NULL,
	"number" varchar(20) NOT NULL,
	"heading" varchar(200),
	"text" text NOT NULL,
	"sort" integer NOT NULL,
	"due_date" date
);
--> statement-breakpoint
CREATE TABLE "plan_round" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_round_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"due_date" date NOT NULL,
	"recipient" varchar(100),
	"sentence" text
);
--> statement-breakpoint
CREATE TABLE "plan_task" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_task_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"district_code" varchar(12),
	"role" varchar(16) NOT NULL,
	"due_date" date NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"last_report_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_submission" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_submission_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"text" text NOT NULL,
	"submitted_by" varchar(64) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reminder" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_reminder_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"message" text NOT NULL,
	"respond_by" date NOT NULL,
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response" text,
	"responded_by" varchar(64),
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_report" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_report_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"status" varchar(16) DEFAULT 'submitted' NOT NULL,
	"indicator_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" varchar(64) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_comment" text,
	"reviewed_by" varchar(64),
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stored_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_type" varchar(40) NOT NULL,
	"owner_id" integer NOT NULL,
	"filename" varchar(255) NOT NULL,
	"mimetype" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" varchar(64) NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_plan_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator" ADD CONSTRAINT "plan_indicator_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicator" ADD CONSTRAINT "plan_indicator_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_round" ADD CONSTRAINT "plan_round_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_item_id_plan_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_dept_id_department_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_submission" ADD CONSTRAINT "round_submission_round_id_plan_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."plan_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_submission" ADD CONSTRAINT "round_submission_dept_id_department_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_task_id_plan_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_report" ADD CONSTRAINT "task_report_task_id_plan_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_value_indicator_idx" ON "indicator_value" USING btree ("indicator_id","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_source_hash_uq" ON "plan" USING btree ("source_hash");--> statement-breakpoint
CREATE INDEX "plan_status_idx" ON "plan" USING btree ("status");--> statement-breakpoint
CREATE INDEX "plan_indicator_plan_idx" ON "plan_indicator" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_item_path_uq" ON "plan_item" USING btree ("plan_id","path");--> statement-breakpoint
CREATE INDEX "plan_round_plan_idx" ON "plan_round" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_task_item_dept_uq" ON "plan_task" USING btree ("item_id","dept_id");--> statement-breakpoint
CREATE INDEX "plan_task_plan_idx" ON "plan_task" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_task_dept_idx" ON "plan_task" USING btree ("dept_id");--> statement-breakpoint
CREATE INDEX "plan_task_due_idx" ON "plan_task" USING btree ("due_date","status");--> statement-breakpoint
CREATE UNIQUE INDEX "round_submission_uq" ON "round_submission" USING btree ("round_id","dept_id");--> statement-breakpoint
CREATE INDEX "task_reminder_task_idx" ON "task_reminder" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_report_task_idx" ON "task_report" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_report_status_idx" ON "task_report" USING btree ("status") WHERE "task_report"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "stored_file_owner_idx" ON "stored_file" USING btree ("owner_type","owner_id");