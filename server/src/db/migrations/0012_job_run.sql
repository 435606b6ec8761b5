CREATE TABLE "job_run" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_run_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job" varchar(100) NOT NULL,
	"tick_key" varchar(200),
	"trigger" varchar(20) NOT NULL,
	"actor" varchar(64),
	"status" varchar(20) NOT NULL,
	"owner" varchar(100) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"summary" jsonb,
	"error" varchar(2000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_run_tick_uq" ON "job_run" USING btree ("job","tick_key") WHERE status in ('running', 'ok');--> statement-breakpoint
CREATE UNIQUE INDEX "job_run_running_uq" ON "job_run" USING btree ("job") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "job_run_job_started_idx" ON "job_run" USING btree ("job","started_at");