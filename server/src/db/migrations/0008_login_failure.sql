CREATE TABLE "login_failure" (
	"username" varchar(64) NOT NULL,
	"source" varchar(64) NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_failure_username_source_pk" PRIMARY KEY("username","source")
);
--> statement-breakpoint
CREATE INDEX "login_failure_last_failed_idx" ON "login_failure" USING btree ("last_failed_at");--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "locked_until";