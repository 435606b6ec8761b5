CREATE TABLE "assessment_input" (
	"scheme_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"bonuses" jsonb NOT NULL,
	"deductions" jsonb NOT NULL,
	"vetoes" jsonb NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_input_scheme_id_dept_id_pk" PRIMARY KEY("scheme_id","dept_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_rectification" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_rectification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"result_id" integer NOT NULL,
	"report" text NOT NULL,
	"measures" text NOT NULL,
	"completion_date" date NOT NULL,
	"status" varchar(16) DEFAULT 'submitted' NOT NULL,
	"submitted_by" varchar(64) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_comment" text,
	"reviewed_by" varchar(64),
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_result" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_result_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scheme_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"dept_name" varchar(100) NOT NULL,
	"district_code" varchar(12),
	"rank" integer NOT NULL,
	"total" double precision NOT NULL,
	"weighted_sum" double precision NOT NULL,
	"bonus" double precision NOT NULL,
	"deduction" double precision NOT NULL,
	"grade" varchar(10) NOT NULL,
	"vetoed" boolean NOT NULL,
	"needs_rectification" boolean NOT NULL,
	"breakdown" jsonb NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scheme" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_scheme_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"year" integer NOT NULL,
	"target_kind" varchar(16) NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"dept_ids" integer[] NOT NULL,
	"config" jsonb NOT NULL,
	"issuer" varchar(200) NOT NULL,
	"recipients" varchar(500) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"scored_revision" integer,
	"scored_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" varchar(64),
	"created_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_input" ADD CONSTRAINT "assessment_input_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_input" ADD CONSTRAINT "assessment_input_dept_id_department_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rectification" ADD CONSTRAINT "assessment_rectification_result_id_assessment_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."assessment_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_dept_id_department_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_rectification_result_idx" ON "assessment_rectification" USING btree ("result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_result_scheme_dept_uq" ON "assessment_result" USING btree ("scheme_id","dept_id");--> statement-breakpoint
CREATE INDEX "assessment_result_dept_idx" ON "assessment_result" USING btree ("dept_id");--> statement-breakpoint
CREATE INDEX "assessment_scheme_year_idx" ON "assessment_scheme" USING btree ("year","status");