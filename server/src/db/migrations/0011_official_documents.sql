CREATE TABLE "doc_issuer" (
	"key" varchar(32) PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"mark" varchar(40) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"printer" varchar(100) NOT NULL,
	"updated_by" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_number" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "doc_number_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"doc_number" varchar(40) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"seq" integer NOT NULL,
	"kind" varchar(32) NOT NULL,
	"ref" varchar(200) NOT NULL,
	"issued_by" varchar(64) NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_number_counter" (
	"prefix" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "doc_number_counter_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
ALTER TABLE "assessment_scheme" ADD COLUMN "doc_number" varchar(40);--> statement-breakpoint
ALTER TABLE "assessment_scheme" ADD COLUMN "notice_issuer" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "doc_number_uq" ON "doc_number" USING btree ("doc_number");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_number_seq_uq" ON "doc_number" USING btree ("prefix","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_number_ref_uq" ON "doc_number" USING btree ("kind","ref");